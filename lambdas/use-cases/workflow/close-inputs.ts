import type { WorkflowPorts } from '../../ports/workflow-ports.ts';
import { announceTransition, WorkflowStepError } from './announce-transition.ts';

/**
 * OPEN -> COMPUTING (no input can complete afterwards: completion is conditional on OPEN), then a snapshot
 * of the counted inputs every attempt computes over.
 */
export async function closeInputs(
  ports: WorkflowPorts,
  payload: { collaborationId: string },
): Promise<{ inputCount: number }> {
  const computing = await announceTransition(ports, payload.collaborationId, 'OPEN', 'COMPUTING');
  if (!computing) throw new WorkflowStepError(`Collaboration ${payload.collaborationId} is no longer OPEN.`);
  const inputs = await ports.workflowState.listCompletedInputs(payload.collaborationId);
  if (inputs.length === 0) throw new WorkflowStepError('No completed inputs to compute over.');
  await ports.workflowState.saveInputSnapshot(payload.collaborationId, inputs);
  return { inputCount: inputs.length };
}
