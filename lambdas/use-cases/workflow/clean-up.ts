import type { WorkflowPorts } from '../../ports/workflow-ports.ts';
import { announceTransition } from './announce-transition.ts';
import { deleteCollaborationShares } from './delete-collaboration-shares.ts';

/**
 * Everybody finished, or retention ended: input shares and dealer material go, then COMPLETED. Result
 * shares stay for the retention period (the result bucket's lifecycle rule removes them). A FAILED
 * collaboration (its retention ended) loses its shares and stays FAILED; the answer's status says which, and
 * the definition ends the execution on it.
 */
export async function cleanUp(
  ports: WorkflowPorts,
  payload: { collaborationId: string },
): Promise<{ status: string | undefined; deletedObjects: number }> {
  const { deletedObjects } = await deleteCollaborationShares(ports, payload.collaborationId);
  const completed = await announceTransition(ports, payload.collaborationId, 'RESULT_READY', 'COMPLETED');
  const status = completed?.status ?? (await ports.collaborations.get(payload.collaborationId))?.status;
  return { status, deletedObjects };
}
