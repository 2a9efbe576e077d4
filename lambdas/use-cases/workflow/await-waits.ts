import type { WorkflowPorts } from '../../ports/workflow-ports.ts';
import type { QuorumCounts, WaitKind } from '../../ports/workflow-repository.ts';

/** Quorum: every place taken by a completed input. Finish: every participant finished. */
export function waitIsOver(wait: WaitKind, counts: QuorumCounts): boolean {
  if (wait === 'inputs')
    return counts.status === 'OPEN' && counts.completedInputCount >= counts.maxParticipants;
  return (
    counts.status === 'RESULT_READY' &&
    counts.participantCount > 0 &&
    counts.finishedCount >= counts.participantCount
  );
}

/**
 * Stores the callback token of a wait (the step of a `.waitForTaskToken` state). The write returns the
 * counters, so a quorum met before the token existed releases the wait at once.
 */
export async function storeWaitToken(
  ports: Pick<WorkflowPorts, 'workflowState' | 'workflow'>,
  wait: WaitKind,
  command: { collaborationId: string; taskToken: string },
): Promise<{ stored: boolean; released: boolean }> {
  const counts = await ports.workflowState.storeTaskToken(command.collaborationId, wait, command.taskToken);
  if (!counts) return { stored: false, released: false };
  if (!waitIsOver(wait, counts)) return { stored: true, released: false };
  await ports.workflow.sendTaskSuccess(command.taskToken, { releasedBy: 'token-store', ...counts });
  return { stored: true, released: true };
}

/** Called after a count write (input completed, participant finished): the second writer releases the wait. */
export async function releaseWaitIfOver(
  ports: Pick<WorkflowPorts, 'workflowState' | 'workflow'>,
  wait: WaitKind,
  collaborationId: string,
): Promise<boolean> {
  const stored = await ports.workflowState.readTaskToken(collaborationId, wait);
  if (!stored?.taskToken || !waitIsOver(wait, stored.counts)) return false;
  return ports.workflow.sendTaskSuccess(stored.taskToken, { releasedBy: 'count-write', ...stored.counts });
}
