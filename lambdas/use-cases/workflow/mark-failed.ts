import type { WorkflowPorts } from '../../ports/workflow-ports.ts';
import { announceTransition } from './announce-transition.ts';
import { failureReason, type FailedExecutionState } from './failure-reason.ts';
import { notifyAll, type NotifyOutcome } from './notify-all.ts';

/**
 * FAILED with the reason; the inputs stay (an operator may look at them) until the input bucket's lifecycle rule
 * expires them: the execution ends here so that the failed-execution alarm fires at once. A
 * failure before the inputs closed (OPEN) fails the collaboration too.
 */
export async function markFailed(
  ports: WorkflowPorts,
  state: FailedExecutionState,
): Promise<{ status: string | undefined; reason: string; notified: NotifyOutcome }> {
  const reason = failureReason(state);
  const failed =
    (await announceTransition(ports, state.collaborationId, 'COMPUTING', 'FAILED', reason)) ??
    (await announceTransition(ports, state.collaborationId, 'OPEN', 'FAILED', reason));
  const notified = await notifyAll(ports, state.collaborationId, 'collaboration.failed');
  return { status: failed?.status, reason, notified };
}
