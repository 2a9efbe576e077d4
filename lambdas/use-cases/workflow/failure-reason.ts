/** The parts of the execution state (`$`) a failure step reads; any of them may be missing. */
export interface FailedExecutionState {
  collaborationId: string;
  /** A shard's own failure step gets the part job (no attempt); the attempt's gets the whole, shards listed. */
  job?: { value?: { jobId?: string; attempt?: number; shards?: { jobId: string }[] } };
  tasks?: { dealer?: { taskArn: string }; serverA?: { taskArn: string }; serverB?: { taskArn: string } };
  check?: { value?: { state?: string; reason?: string } };
  error?: { Error?: string; Cause?: string };
  attemptFailure?: { value?: { reason?: string } };
  attempts?: { left?: number };
}

/**
 * Reason codes that a rerun with the same inputs cannot fix: a participant's bad input (the servers already
 * left out what they could; TOO_FEW_VALID_INPUTS says too few valid ones remain) is not the system's failure.
 */
const PERMANENT_CODES = [
  'BAD_INPUT',
  'TOO_FEW_VALID_INPUTS',
  'PROGRAM_INVALID',
  'JOB_DESCRIPTION_INVALID',
  'CONFIGURATION',
];

/** Why the attempt (or the workflow) failed, in words for the operator and the participants. */
export function failureReason(state: FailedExecutionState): string {
  if (state.attemptFailure?.value?.reason) return state.attemptFailure.value.reason;
  if (state.check?.value?.state === 'FAILED' && state.check.value.reason) return state.check.value.reason;
  if (state.error) return `${state.error.Error ?? 'Error'}: ${causeText(state.error.Cause)}`.slice(0, 1000);
  if (state.check?.value?.state === 'RUNNING') return 'POLL_BUDGET_EXHAUSTED: the job did not finish in time';
  return 'UNKNOWN: the workflow failed without a recorded reason';
}

export function isRetryable(reason: string): boolean {
  return !PERMANENT_CODES.some((code) => reason.includes(`${code}:`));
}

/** Lambda errors arrive as a JSON Cause with errorMessage. */
function causeText(cause: string | undefined): string {
  if (!cause) return 'no cause';
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: string };
    return parsed.errorMessage ?? cause;
  } catch {
    return cause;
  }
}
