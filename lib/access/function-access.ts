/**
 * What one Lambda function may touch: the source of its role's statements. Profiles are written per
 * operation (`operation-access.ts`) and per workflow step (`workflow-step-access.ts`); a function without a
 * profile fails the synth, so nothing gets access until someone decides what it needs.
 */
export type TableAction =
  'GetItem' | 'Query' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'ConditionCheckItem';

export interface FunctionAccess {
  /** Actions on the collaboration table (transactions are authorised by their member actions). */
  readonly table: readonly TableAction[];
  /** Query the GSIs (discovery by status, "my collaborations"). */
  readonly queryIndexes?: boolean;
  /**
   * Input share objects: presign the clients' uploads, or check an upload by listing its key, both through
   * the role each server's operator grants (see function-access-grants.ts).
   */
  readonly inputShares?: 'presignUpload' | 'verifyUpload';
  /** Result share objects: presign the recipients' downloads. */
  readonly resultShares?: 'presignDownload';
  /** Write the job descriptions the dealer and servers read. */
  readonly writeJobDescriptions?: boolean;
  /** Delete the input shares, job descriptions and dealer material of a collaboration (not its results). */
  readonly deleteShares?: boolean;
  /** Step Functions: start a collaboration's execution, or release its task token. */
  readonly workflow?: readonly ('start' | 'sendTaskResult')[];
  /** ECS: look at (and stop) the computation tasks of a job. */
  readonly computeTasks?: 'describe' | 'describeAndStop';
  /** Put a status-change event on the collaboration event bus. */
  readonly publishEvents?: boolean;
}

export const READ_TABLE: readonly TableAction[] = ['GetItem', 'Query'];
/**
 * Conditional writes and transactions of the state-changing functions, including idempotency records (a failed
 * request deletes its claim) and replaced pending inputs (docs/api.md, "What each operation touches").
 */
export const WRITE_TABLE: readonly TableAction[] = [
  'GetItem',
  'Query',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'ConditionCheckItem',
];

export function accessProfile(
  profiles: Readonly<Record<string, FunctionAccess>>,
  name: string,
  profileFile: string,
): FunctionAccess {
  const access = profiles[name];
  if (!access) throw new Error(`${name} has no access profile: add one to ${profileFile}`);
  return access;
}
