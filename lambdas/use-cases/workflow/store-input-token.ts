import type { WorkflowPorts } from '../../ports/workflow-ports.ts';
import { storeWaitToken } from './await-waits.ts';

/** AwaitInputs: keeps the token until the quorum is met (released here if it already is). */
export function storeInputToken(
  ports: WorkflowPorts,
  payload: { collaborationId: string; taskToken: string },
): Promise<{ stored: boolean; released: boolean }> {
  return storeWaitToken(ports, 'inputs', payload);
}
