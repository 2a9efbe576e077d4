import { READ_TABLE, WRITE_TABLE, type FunctionAccess } from './function-access.ts';

/**
 * Access of each workflow step function, by the step name in `workflow/collaboration.asl.json`
 * (placeholder `${<Step>FunctionArn}`), from the ports its use case calls (lambdas/use-cases/workflow/).
 * Webhook deliveries need no IAM: the step functions run outside the VPC.
 */
export const WORKFLOW_STEP_ACCESS: Readonly<Record<string, FunctionAccess>> = {
  StoreInputToken: { table: WRITE_TABLE, workflow: ['sendTaskResult'] },
  CheckMinimum: { table: READ_TABLE },
  Expire: { table: WRITE_TABLE, publishEvents: true, deleteShares: true },
  CloseInputs: { table: WRITE_TABLE, publishEvents: true },
  PrepareAttempt: { table: WRITE_TABLE, writeJobDescriptions: true },
  CheckJob: { table: READ_TABLE, computeTasks: 'describe' },
  RecordAttemptFailure: { table: WRITE_TABLE, computeTasks: 'describeAndStop' },
  MarkFailed: { table: WRITE_TABLE, publishEvents: true },
  PublishResult: { table: WRITE_TABLE, publishEvents: true },
  NotifyParticipants: { table: WRITE_TABLE },
  StoreFinishToken: { table: WRITE_TABLE, workflow: ['sendTaskResult'] },
  CleanUp: { table: WRITE_TABLE, deleteShares: true, publishEvents: true },
  CleanUpCancelled: { table: WRITE_TABLE, deleteShares: true, publishEvents: true },
};
