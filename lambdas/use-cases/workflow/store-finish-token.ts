import type { WorkflowPorts } from '../../ports/workflow-ports.ts';
import { storeWaitToken } from './await-waits.ts';

/** AwaitFinish: keeps the token until every participant has finished (released here if all have). */
export function storeFinishToken(
  ports: WorkflowPorts,
  payload: { collaborationId: string; taskToken: string },
): Promise<{ stored: boolean; released: boolean }> {
  return storeWaitToken(ports, 'finish', payload);
}
