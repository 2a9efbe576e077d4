import type { WorkflowPorts } from '../../ports/workflow-ports.ts';
import { requireWorkflowCollaboration, WorkflowStepError } from './announce-transition.ts';
import { deleteCollaborationShares } from './delete-collaboration-shares.ts';
import { notifyAll, type NotifyOutcome } from './notify-all.ts';

/**
 * The owner cancelled (the API made the change and released the input wait): the status event, uploaded
 * shares deleted, every participant told. Here, not in the API request, so a slow or dead webhook endpoint
 * holds up only this step.
 */
export async function cleanUpCancelled(
  ports: WorkflowPorts,
  payload: { collaborationId: string },
): Promise<{ status: string; deletedObjects: number; notified: NotifyOutcome }> {
  const cancelled = await requireWorkflowCollaboration(ports, payload.collaborationId);
  if (cancelled.status !== 'CANCELLED')
    throw new WorkflowStepError(
      `Collaboration ${payload.collaborationId} is ${cancelled.status}, not CANCELLED.`,
    );
  await ports.events.publish({
    collaborationId: cancelled.collaborationId,
    status: cancelled.status,
    // The transition's own time (the cancel request), not this step's.
    at: cancelled.updatedAt,
    ...(cancelled.statusReason === undefined ? {} : { reason: cancelled.statusReason }),
  });
  const { deletedObjects } = await deleteCollaborationShares(ports, payload.collaborationId);
  const notified = await notifyAll(ports, payload.collaborationId, 'collaboration.cancelled');
  return { status: cancelled.status, deletedObjects, notified };
}
