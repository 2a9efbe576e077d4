import { isResultRecipient } from '../../domain/collaboration.ts';
import { recipientCandidate } from '../../domain/participation.ts';
import type { WorkflowPorts } from '../../ports/workflow-ports.ts';
import { announceTransition, WorkflowStepError } from './announce-transition.ts';
import type { PreparedAttempt } from './prepare-attempt.ts';
import { exclusionsOf, recordJobExclusions } from './record-exclusions.ts';
import { recordPrivacySpent } from './record-privacy-spent.ts';

/**
 * The job is DONE: the inputs the servers excluded are recorded with their reasons (their owners then get no
 * result), then RESULT_READY (GET result now presigns the sealed result shares).
 */
export async function publishResult(
  ports: WorkflowPorts,
  payload: { collaborationId: string; job: PreparedAttempt },
): Promise<{ status: string; jobId: string; attempt: number; excludedInputs: number }> {
  // Before the status: a client that sees RESULT_READY must find the job id and its exclusion, if any.
  const excludedInputs = await recordJobExclusions(
    ports,
    payload.collaborationId,
    payload.job.jobId,
    exclusionsOf,
  );
  await ports.workflowState.recordRecipientCount(
    payload.collaborationId,
    await publishedRecipientCount(ports, payload.collaborationId),
  );
  await ports.workflowState.saveResultJob(payload.collaborationId, payload.job.jobId);
  // The budget is spent by the result being released, so only here, never by a failed attempt.
  await recordPrivacySpent(ports, payload.collaborationId, payload.job.jobId);
  const ready = await announceTransition(ports, payload.collaborationId, 'COMPUTING', 'RESULT_READY');
  if (!ready) throw new WorkflowStepError(`Collaboration ${payload.collaborationId} is no longer COMPUTING.`);
  return { status: ready.status, jobId: payload.job.jobId, attempt: payload.job.attempt, excludedInputs };
}

/** The participants who receive the result (after exclusions): those the finish wait waits for. */
async function publishedRecipientCount(ports: WorkflowPorts, collaborationId: string): Promise<number> {
  const record = await ports.workflowState.readCollaborationRecord(collaborationId);
  if (!record) throw new WorkflowStepError(`No collaboration ${collaborationId}.`);
  const counted = new Set((record.inputSnapshot ?? []).map((input) => input.clientId));
  const participants = await ports.workflowState.listParticipants(collaborationId);
  return participants.filter((participant) =>
    isResultRecipient(
      record.collaboration,
      recipientCandidate(participant, counted.has(participant.clientId)),
    ),
  ).length;
}
