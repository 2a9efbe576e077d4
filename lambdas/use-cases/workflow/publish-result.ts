import type { WorkflowPorts } from '../../ports/workflow-ports.ts';
import { announceTransition, WorkflowStepError } from './announce-transition.ts';
import type { PreparedAttempt } from './prepare-attempt.ts';
import { exclusionsOf, recordJobExclusions } from './record-exclusions.ts';

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
  await ports.workflowState.saveResultJob(payload.collaborationId, payload.job.jobId);
  const ready = await announceTransition(ports, payload.collaborationId, 'COMPUTING', 'RESULT_READY');
  if (!ready) throw new WorkflowStepError(`Collaboration ${payload.collaborationId} is no longer COMPUTING.`);
  return { status: ready.status, jobId: payload.job.jobId, attempt: payload.job.attempt, excludedInputs };
}
