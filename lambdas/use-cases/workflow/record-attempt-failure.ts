import { describeUnfinished, type JobStatus } from '../../../contract/job/job-status.ts';
import type { WorkflowPorts } from '../../ports/workflow-ports.ts';
import { jobFailureReason } from './check-job.ts';
import { failureReason, isRetryable, type FailedExecutionState } from './failure-reason.ts';
import { failedInputExclusions, recordJobExclusions } from './record-exclusions.ts';

/** Stops what still runs of the failed attempt and records why; a rerun may fix it unless the inputs are bad. */
export async function recordAttemptFailure(
  ports: WorkflowPorts,
  state: FailedExecutionState,
): Promise<{ retryable: boolean; reason: string; attempt?: number }> {
  const job = state.job?.value;
  // A failed ECS state only says "exit code 1"; the parties' own reports say why (and whether a rerun helps).
  const reported = job?.jobId ? await ports.jobStatus.getJobStatus(job.jobId) : undefined;
  const shard = reported?.failures.length ? undefined : await failedShard(ports, state);
  const reason = shard
    ? `ShardFailed: shard ${shard.index} (${shard.jobId}): ${jobFailureReason(shard.status)}`
    : reported && reported.failures.length > 0 && state.check?.value?.state !== 'FAILED'
      ? jobFailureReason(reported)
      : withWhereItStood(failureReason(state), reported, ports.now());
  const taskArns = [state.tasks?.dealer, state.tasks?.serverA, state.tasks?.serverB]
    .map((task) => task?.taskArn)
    .filter((arn): arn is string => arn !== undefined);
  if (taskArns.length > 0) await ports.computeTasks.stop(taskArns, `attempt failed: ${reason}`.slice(0, 255));
  if (job?.jobId !== undefined && job.attempt !== undefined) {
    const attempts = await ports.workflowState.listAttempts(state.collaborationId);
    const record = attempts.find((attempt) => attempt.jobId === job.jobId);
    await ports.workflowState.recordAttempt(state.collaborationId, {
      ...record,
      attempt: job.attempt,
      jobId: job.jobId,
      startedAt: record?.startedAt ?? ports.now().toISOString(),
      failedAt: ports.now().toISOString(),
      reason,
    });
  }
  const retryable = isRetryable(reason);
  // A permanent failure that names inputs (too few valid ones, a bad one): their owners read why.
  if (!retryable && job?.jobId !== undefined && (reported?.failures.length ?? 0) > 0)
    await recordJobExclusions(ports, state.collaborationId, job.jobId, failedInputExclusions);
  return {
    retryable,
    reason,
    ...(job?.attempt === undefined ? {} : { attempt: job.attempt }),
  };
}

/**
 * The first part job whose parties reported a failure, when RunShards failed without saying which shard did
 * (a Distributed Map fails with its own error, not its child's cause); undefined when the cause names it.
 */
async function failedShard(
  ports: Pick<WorkflowPorts, 'jobStatus'>,
  state: FailedExecutionState,
): Promise<{ index: number; jobId: string; status: JobStatus } | undefined> {
  const shards = state.job?.value?.shards;
  if (!shards || !state.error || state.error.Error === 'ShardFailed') return undefined;
  for (const [index, { jobId }] of shards.entries()) {
    const status = await ports.jobStatus.getJobStatus(jobId);
    if (status.failures.length > 0) return { index, jobId, status };
  }
  return undefined;
}

/**
 * A job that ran out of polls says where each party stood (phase, progress, last heartbeat, or no report at
 * all), so that a hang can be told apart from a slow job afterwards.
 */
function withWhereItStood(reason: string, reported: JobStatus | undefined, now: Date): string {
  if (!reported || !reason.startsWith('POLL_BUDGET_EXHAUSTED:')) return reason;
  const unfinished = describeUnfinished(reported, now);
  return unfinished === '' ? reason : `${reason} (${unfinished})`;
}
