import { READ_TABLE, WRITE_TABLE, type FunctionAccess } from './function-access.ts';

/**
 * Access of each API operation's function, by OpenAPI operationId. Besides its use case, an operation runs the
 * workflow hooks (lambdas/use-cases/workflow/workflow-hooks.ts): create starts the execution and announces the
 * status; cancel, complete-input and finish release a task token (the execution deletes a cancelled
 * collaboration's shares and notifies, in CleanUpCancelled).
 */
export const OPERATION_ACCESS: Readonly<Record<string, FunctionAccess>> = {
  getHealth: { table: [] },
  listComputationServers: { table: [] },
  createCollaboration: { table: WRITE_TABLE, workflow: ['start'], publishEvents: true },
  listCollaborations: { table: READ_TABLE, queryIndexes: true },
  getCollaboration: { table: READ_TABLE },
  cancelCollaboration: { table: WRITE_TABLE, workflow: ['sendTaskResult'] },
  joinCollaboration: { table: WRITE_TABLE },
  getMyParticipation: { table: ['GetItem'] },
  finishParticipation: { table: WRITE_TABLE, workflow: ['sendTaskResult'] },
  createInput: { table: WRITE_TABLE, inputShares: 'presignUpload' },
  completeInput: { table: WRITE_TABLE, inputShares: 'verifyUpload', workflow: ['sendTaskResult'] },
  getResult: { table: READ_TABLE, resultShares: 'presignDownload' },
};
