import type { WorkflowPorts } from '../../ports/workflow-ports.ts';
import { announceTransition } from './announce-transition.ts';
import { failureReason, type FailedExecutionState } from './failure-reason.ts';
import { notifyAll, type NotifyOutcome } from './notify-all.ts';

/**
 * FAILED with the reason, everyone told. The inputs stay (an operator may look at them) through the same
 * retention wait as a result; CleanUp then deletes them and the execution ends in FailedAndCleanedUp. A
 * failure before the inputs closed (OPEN) fails the collaboration too; one the owner cancelled goes to
 * CleanUpCancelled. A collaboration that is neither (a step failed after the result was published) is not
 * FAILED: nobody is told it failed, and `status` says where it is.
 */
export async function markFailed(
  ports: WorkflowPorts,
  state: FailedExecutionState,
): Promise<{ status: string | undefined; reason: string; notified: NotifyOutcome }> {
  const reason = failureReason(state);
  const failed =
    (await announceTransition(ports, state.collaborationId, 'COMPUTING', 'FAILED', reason)) ??
    (await announceTransition(ports, state.collaborationId, 'OPEN', 'FAILED', reason));
  const notified = failed
    ? await notifyAll(ports, state.collaborationId, 'collaboration.failed')
    : { delivered: 0, failed: 0, skipped: 0 };
  return { status: failed?.status, reason, notified };
}
