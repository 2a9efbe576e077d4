import type { JobDescription, ResultRecipient } from '../../../contract/job/job-description.ts';
import {
  chooseShardCount,
  combineJobDescription,
  shardJobDescription,
  shardJobId,
} from '../../../contract/job/shard-plan.ts';
import { storageLayout } from '../../../contract/storage/storage-layout.ts';
import { computationSpecOf, isResultRecipient, type Collaboration } from '../../domain/collaboration.ts';
import { recipientCandidate } from '../../domain/participation.ts';
import type { WorkflowPorts, WorkflowSettings } from '../../ports/workflow-ports.ts';
import type { NotifiableParticipant } from '../../ports/workflow-repository.ts';
import { WorkflowStepError } from './announce-transition.ts';

/** The job one dealer and one pair of servers run: what the ECS states start. */
export interface TaskCommands {
  jobId: string;
  dealerCommand: string[];
  serverBCommand: string[];
  serverACommand: string[];
}

/** What the definition's ECS states and poll loop read from `$.job.value`. */
export interface PreparedAttempt extends TaskCommands {
  attempt: number;
  /** `AwsvpcConfiguration` per ECS state of the definition. */
  networks: WorkflowSettings['taskNetworks'];
  poll: { waitSeconds: number; pollsLeft: number };
  /**
   * With K > 1 shards: the K part jobs RunShards runs first, each on its own dealer and pair of servers; the
   * fields above then run the combine job. Absent for an unsharded job.
   */
  shards?: TaskCommands[];
  /** Why the job runs in fewer shards than its rows asked for (a quantile, too few inputs), when it does. */
  shardLimit?: string;
}

/**
 * One computation attempt: a new job id, the job description (snapshot inputs, the declaration, recipients'
 * result keys, peer endpoint; no server or dealer keys: each party pins those itself) written where the dealer
 * and servers read it, and the task commands. A job over more than the configured rows per shard runs as K
 * part jobs (own ids, own peer endpoints) and a combine job under the attempt's job id.
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
  const whole: JobDescription = {
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
  const { count, reason } = chooseShardCount(whole.spec, whole.inputs, ports.settings.rowsPerShard);
  const parts: JobDescription[] = [];
  for (let index = 0; count > 1 && index < count; index++)
    parts.push(
      shardJobDescription(whole, index, count, await ports.peerEndpoints.forJob(shardJobId(jobId, index))),
    );
  // The combine job last: the servers of a part never read it, and it names the count the parts agree on.
  for (const job of [...parts, count > 1 ? combineJobDescription(whole, count) : whole])
    await ports.jobStore.putObject(
      storageLayout.jobDescription(job.jobId),
      new TextEncoder().encode(JSON.stringify(job)),
      { contentType: 'application/json' },
    );
  await ports.workflowState.appendAttempt(collaboration.collaborationId, {
    attempt,
    jobId,
    startedAt: ports.now().toISOString(),
    ...(count > 1 ? { shards: count } : {}),
  });
  return {
    ...taskCommands(jobId),
    attempt,
    networks: ports.settings.taskNetworks,
    poll: { waitSeconds: ports.settings.firstPollWaitSeconds, pollsLeft: ports.settings.pollsPerAttempt },
    ...(count > 1 ? { shards: parts.map((part) => taskCommands(part.jobId)) } : {}),
    // The step logs its answer: K and, when the rows asked for more, why not.
    ...(reason ? { shardLimit: reason } : {}),
  };
}

function taskCommands(jobId: string): TaskCommands {
  return {
    jobId,
    dealerCommand: ['--job', jobId],
    serverBCommand: ['--party', 'B', '--job', jobId],
    serverACommand: ['--party', 'A', '--job', jobId],
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
