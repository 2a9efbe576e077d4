import type { WorkflowPorts } from '../../ports/workflow-ports.ts';
import type { QuorumCounts, WaitKind } from '../../ports/workflow-repository.ts';

/**
 * Inputs: every place taken by a completed input, or the collaboration left OPEN (the owner cancelled; the
 * next step sees it and winds the collaboration up). Finish: every result recipient finished (every
 * participant, for a collaboration published before recipients were counted).
 */
export function waitIsOver(wait: WaitKind, counts: QuorumCounts): boolean {
  if (wait === 'inputs')
    return counts.status !== 'OPEN' || counts.completedInputCount >= counts.maxParticipants;
  if (counts.status !== 'RESULT_READY') return false;
  if (counts.recipientCount !== undefined) return counts.finishedCount >= counts.recipientCount;
  return counts.participantCount > 0 && counts.finishedCount >= counts.participantCount;
}

/**
 * Stores the callback token of a wait (the step of a `.waitForTaskToken` state). The write returns the
 * counters, so a quorum met before the token existed releases the wait at once. A token refused because the
 * collaboration already left the wait's status (cancelled before the token came) is released at once too.
 */
export async function storeWaitToken(
  ports: Pick<WorkflowPorts, 'workflowState' | 'workflow'>,
  wait: WaitKind,
  command: { collaborationId: string; taskToken: string },
): Promise<{ stored: boolean; released: boolean }> {
  const { collaborationId, taskToken } = command;
  const stored = await ports.workflowState.storeTaskToken(collaborationId, wait, taskToken);
  const counts = stored ?? (await ports.workflowState.readTaskToken(collaborationId, wait))?.counts;
  if (!counts || !waitIsOver(wait, counts)) return { stored: stored !== undefined, released: false };
  await ports.workflow.sendTaskSuccess(taskToken, { releasedBy: 'token-store', ...counts });
  return { stored: stored !== undefined, released: true };
}

/**
 * Called after a count write (input completed, participant finished) or a cancel: whichever of it and the
 * token store comes second releases the wait.
 */
export async function releaseWaitIfOver(
  ports: Pick<WorkflowPorts, 'workflowState' | 'workflow'>,
  wait: WaitKind,
  collaborationId: string,
  releasedBy: 'count-write' | 'cancel' = 'count-write',
): Promise<boolean> {
  const stored = await ports.workflowState.readTaskToken(collaborationId, wait);
  if (!stored?.taskToken || !waitIsOver(wait, stored.counts)) return false;
  return ports.workflow.sendTaskSuccess(stored.taskToken, { releasedBy, ...stored.counts });
}
