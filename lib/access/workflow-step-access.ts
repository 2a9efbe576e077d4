import { READ_TABLE, WRITE_TABLE, type FunctionAccess } from './function-access.ts';

/**
 * Access of each workflow step function, by the step name in `workflow/collaboration.asl.json`
 * (placeholder `${<Step>FunctionArn}`).
 */
export const WORKFLOW_STEP_ACCESS: Readonly<Record<string, FunctionAccess>> = {
  StoreInputToken: { table: WRITE_TABLE },
  CheckMinimum: { table: READ_TABLE },
  Expire: { table: WRITE_TABLE, publishEvents: true },
  CloseInputs: { table: WRITE_TABLE, publishEvents: true },
  PrepareAttempt: { table: WRITE_TABLE, writeJobDescriptions: true },
  CheckJob: { table: READ_TABLE, computeTasks: 'describe' },
  RecordAttemptFailure: { table: WRITE_TABLE, computeTasks: 'describeAndStop' },
  MarkFailed: { table: WRITE_TABLE, publishEvents: true },
  PublishResult: { table: WRITE_TABLE, publishEvents: true },
  NotifyParticipants: { table: WRITE_TABLE, publishEvents: true, deadLetters: true },
  StoreFinishToken: { table: WRITE_TABLE },
  CleanUp: { table: WRITE_TABLE, deleteShares: true, publishEvents: true },
};
