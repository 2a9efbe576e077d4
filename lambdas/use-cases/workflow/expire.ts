import type { WorkflowPorts } from '../../ports/workflow-ports.ts';
import { announceTransition, requireWorkflowCollaboration } from './announce-transition.ts';
import { deleteCollaborationShares } from './delete-collaboration-shares.ts';
import { notifyAll, type NotifyOutcome } from './notify-all.ts';

/** Fewer than minParticipants inputs at the deadline: EXPIRED, uploaded shares deleted, everyone told. */
export async function expire(
  ports: WorkflowPorts,
  payload: { collaborationId: string },
): Promise<{ status: string; notified: NotifyOutcome }> {
  const before = await requireWorkflowCollaboration(ports, payload.collaborationId);
  const reason = `Only ${before.completedInputCount} of the minimum ${before.minParticipants} inputs by the deadline.`;
  const expired = await announceTransition(ports, payload.collaborationId, 'OPEN', 'EXPIRED', reason);
  await deleteCollaborationShares(ports, payload.collaborationId);
  const notified = await notifyAll(ports, payload.collaborationId, 'collaboration.expired');
  return { status: expired?.status ?? before.status, notified };
}
