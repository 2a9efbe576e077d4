import { sealedInputShareBytes } from '../../../contract/input/input-share-size.ts';
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
  const completed = await ports.workflowState.listCompletedInputs(payload.collaborationId);
  if (completed.length === 0) throw new WorkflowStepError('No completed inputs to compute over.');
  const fieldCount = computing.inputSchema.fields.length;
  const inputs = completed.map(({ inputId, clientId, rowCount, shareBBytes }) => ({
    inputId,
    clientId,
    rowCount: rowCount ?? rowCountOfShareB(shareBBytes, fieldCount),
  }));
  await ports.workflowState.saveInputSnapshot(payload.collaborationId, inputs);
  return { inputCount: inputs.length };
}

/**
 * An input registered without a declared row count: the rows B's share can hold (its size is verified at
 * registration). A size that fits no row count gives 0, and the servers then report that input as bad.
 */
export function rowCountOfShareB(shareBBytes: number, fieldCount: number): number {
  const words = shareBBytes - sealedInputShareBytes('B', fieldCount, 0);
  return words > 0 && words % (8 * fieldCount) === 0 ? words / (8 * fieldCount) : 0;
}
