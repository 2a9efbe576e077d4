import type { WorkflowPorts } from '../../ports/workflow-ports.ts';
import { announceTransition } from './announce-transition.ts';
import { deleteCollaborationShares } from './delete-collaboration-shares.ts';

/**
 * Everybody finished, or retention ended: input shares and dealer material go, then COMPLETED. Result
 * shares stay for the retention period (the result bucket's lifecycle rule removes them).
 */
export async function cleanUp(
  ports: WorkflowPorts,
  payload: { collaborationId: string },
): Promise<{ status: string | undefined; deletedObjects: number }> {
  const { deletedObjects } = await deleteCollaborationShares(ports, payload.collaborationId);
  const completed = await announceTransition(ports, payload.collaborationId, 'RESULT_READY', 'COMPLETED');
  return { status: completed?.status, deletedObjects };
}
