import { describeUnfinished, type JobStatus } from '../../../contract/job/job-status.ts';
import type { WorkflowPorts } from '../../ports/workflow-ports.ts';
import type { PreparedAttempt } from './prepare-attempt.ts';

export interface JobCheck {
  state: 'RUNNING' | 'DONE' | 'FAILED';
  reason?: string;
  progress: number;
  nextWaitSeconds: number;
  /** While RUNNING: where each party stands (phase, progress, heartbeat), shown in the execution history. */
  detail?: string;
}

/** The ECS task ARNs the definition kept from RunDealer, StartServerB and StartServerA. */
export interface AttemptTasks {
  dealer?: { taskArn: string };
  serverA?: { taskArn: string };
  serverB?: { taskArn: string };
}

/**
 * The poll step: the job status the dealer and the servers write, and whether their tasks still run. A task
 * that stopped before its party reported DONE (killed, crashed, out of memory) fails the attempt, as does a
 * party whose heartbeat went stale. The wait before the next poll doubles up to the configured maximum.
 */
export async function checkJob(
  ports: WorkflowPorts,
  payload: { collaborationId: string; job: PreparedAttempt; tasks?: AttemptTasks },
): Promise<JobCheck> {
  const { jobId } = payload.job;
  const nextWaitSeconds = Math.min(
    ports.settings.maxPollWaitSeconds,
    Math.max(1, payload.job.poll.waitSeconds * 2),
  );
  const options = { staleAfterMs: ports.settings.staleAfterMs };
  let status = await ports.jobStatus.getJobStatus(jobId, options);
  const verdict = statusVerdict(status);
  if (verdict) return { ...verdict, progress: status.progress, nextWaitSeconds };
  const stopped = await stoppedTasks(ports, payload.tasks);
  if (stopped.length > 0) {
    // A server writes DONE and then exits: read again so that a clean exit is not taken for a crash.
    status = await ports.jobStatus.getJobStatus(jobId, options);
    const after = statusVerdict(status);
    if (after) return { ...after, progress: status.progress, nextWaitSeconds };
    const unfinished = stopped.filter(({ party }) => status.parties[party]?.state !== 'DONE');
    if (unfinished.length > 0)
      return {
        state: 'FAILED',
        reason: `TASK_STOPPED: ${unfinished.map(({ party, why }) => `${party === 'DEALER' ? 'the dealer' : `server ${party}`} stopped before finishing (${why})`).join('; ')}`,
        progress: status.progress,
        nextWaitSeconds,
      };
  }
  if (status.staleParties.length > 0)
    return {
      state: 'FAILED',
      reason: `NO_HEARTBEAT: ${status.staleParties.join(', ')} stopped reporting`,
      progress: status.progress,
      nextWaitSeconds,
    };
  return {
    state: 'RUNNING',
    progress: status.progress,
    nextWaitSeconds,
    detail: describeUnfinished(status, ports.now()),
  };
}

function statusVerdict(status: JobStatus): Pick<JobCheck, 'state' | 'reason'> | undefined {
  if (status.overall === 'DONE') return { state: 'DONE' };
  if (status.overall === 'FAILED') return { state: 'FAILED', reason: jobFailureReason(status) };
  return undefined;
}

/** What the parties reported, first failure first: `<REASON_CODE>: <party>: <message>; ...`. */
export function jobFailureReason(status: JobStatus): string {
  return status.failures
    .map((failure) => `${failure.reasonCode}: ${failure.party}: ${failure.message}`)
    .join('; ');
}

async function stoppedTasks(
  ports: Pick<WorkflowPorts, 'computeTasks'>,
  tasks: AttemptTasks | undefined,
): Promise<{ party: 'A' | 'B' | 'DEALER'; why: string }[]> {
  const byArn = new Map<string, 'A' | 'B' | 'DEALER'>();
  if (tasks?.dealer) byArn.set(tasks.dealer.taskArn, 'DEALER');
  if (tasks?.serverA) byArn.set(tasks.serverA.taskArn, 'A');
  if (tasks?.serverB) byArn.set(tasks.serverB.taskArn, 'B');
  if (byArn.size === 0) return [];
  const states = await ports.computeTasks.describe([...byArn.keys()]);
  return states
    .filter((task) => !task.running)
    .map((task) => ({ party: byArn.get(task.taskArn) ?? 'A', why: task.stoppedReason ?? 'stopped' }));
}
