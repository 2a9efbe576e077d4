import type { JobDescription, ResultRecipient } from '../../../contract/job/job-description.ts';
import { storageLayout } from '../../../contract/storage/storage-layout.ts';
import { computationSpecOf, isResultRecipient, type Collaboration } from '../../domain/collaboration.ts';
import { recipientCandidate } from '../../domain/participation.ts';
import type { WorkflowPorts, WorkflowSettings } from '../../ports/workflow-ports.ts';
import type { NotifiableParticipant } from '../../ports/workflow-repository.ts';
import { WorkflowStepError } from './announce-transition.ts';

/** What the definition's ECS states and poll loop read from `$.job.value`. */
export interface PreparedAttempt {
  jobId: string;
  attempt: number;
  /** `AwsvpcConfiguration` per ECS state of the definition. */
  networks: WorkflowSettings['taskNetworks'];
  dealerCommand: string[];
  serverBCommand: string[];
  serverACommand: string[];
  poll: { waitSeconds: number; pollsLeft: number };
}

/**
 * One computation attempt: a new job id, the job description (snapshot inputs, the declaration, recipients'
 * result keys, peer endpoint; no server or dealer keys: each party pins those itself) written where the dealer
 * and servers read it, and the task commands.
 */
export async function prepareAttempt(
  ports: WorkflowPorts,
  payload: { collaborationId: string; attemptsLeft: number },
): Promise<PreparedAttempt> {
  // One read of the collaboration item gives the status, the snapshot and the attempts so far.
  const record = await ports.workflowState.readCollaborationRecord(payload.collaborationId);
  if (!record) throw new WorkflowStepError(`No collaboration ${payload.collaborationId}.`);
  const { collaboration, inputSnapshot: inputs } = record;
  if (collaboration.status !== 'COMPUTING')
    throw new WorkflowStepError(`Collaboration ${collaboration.collaborationId} is ${collaboration.status}.`);
  if (!inputs || inputs.length === 0)
    throw new WorkflowStepError('No input snapshot: CloseInputs did not run.');
  const attempt = record.attempts.length + 1;
  const jobId = ports.newId();
  const recipients = resultRecipients(
    collaboration,
    await ports.workflowState.listParticipants(collaboration.collaborationId),
    new Set(inputs.map((input) => input.clientId)),
  );
  const job: JobDescription = {
    jobId,
    collaborationId: collaboration.collaborationId,
    attempt,
    spec: computationSpecOf(collaboration),
    inputs: inputs.map(({ inputId, clientId, rowCount }) => ({ inputId, participantId: clientId, rowCount })),
    minParticipants: collaboration.minParticipants,
    // The servers check recipients against this declaration, whose digest participants sealed under.
    resultRecipients: collaboration.resultRecipients,
    recipients,
    peer: await ports.peerEndpoints.forJob(jobId),
  };
  await ports.jobStore.putObject(
    storageLayout.jobDescription(jobId),
    new TextEncoder().encode(JSON.stringify(job)),
    {
      contentType: 'application/json',
    },
  );
  await ports.workflowState.appendAttempt(collaboration.collaborationId, {
    attempt,
    jobId,
    startedAt: ports.now().toISOString(),
  });
  return {
    jobId,
    attempt,
    networks: ports.settings.taskNetworks,
    dealerCommand: ['--job', jobId],
    serverBCommand: ['--party', 'B', '--job', jobId],
    serverACommand: ['--party', 'A', '--job', jobId],
    poll: { waitSeconds: ports.settings.firstPollWaitSeconds, pollsLeft: ports.settings.pollsPerAttempt },
  };
}

/**
 * The participants the servers seal result shares to: with `all-participants` only those whose input is in
 * the snapshot (counted), never one that joined without an input.
 */
function resultRecipients(
  collaboration: Collaboration,
  participants: NotifiableParticipant[],
  counted: ReadonlySet<string>,
): ResultRecipient[] {
  const recipients = participants
    .filter((participant) =>
      isResultRecipient(collaboration, recipientCandidate(participant, counted.has(participant.clientId))),
    )
    .map((participant) => ({ recipientId: participant.clientId, publicKey: participant.resultPublicKey }));
  if (recipients.length === 0) throw new WorkflowStepError('None of the result recipients has joined.');
  return recipients;
}
