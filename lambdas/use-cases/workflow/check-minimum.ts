import type { WorkflowPorts } from '../../ports/workflow-ports.ts';
import { requireWorkflowCollaboration } from './announce-transition.ts';

/** At the input deadline: enough completed inputs to compute? */
export async function checkMinimum(
  ports: WorkflowPorts,
  payload: { collaborationId: string },
): Promise<{ enough: boolean; completedInputCount: number; minParticipants: number }> {
  const collaboration = await requireWorkflowCollaboration(ports, payload.collaborationId);
  return {
    enough:
      collaboration.status === 'OPEN' && collaboration.completedInputCount >= collaboration.minParticipants,
    completedInputCount: collaboration.completedInputCount,
    minParticipants: collaboration.minParticipants,
  };
}
