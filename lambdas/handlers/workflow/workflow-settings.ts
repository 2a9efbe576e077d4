import { ConfigurationError } from '../../config.ts';
import { COMPUTE_TASK_NAMES } from '../../../contract/job/compute-tasks.ts';
import { DEFAULT_ROWS_PER_SHARD } from '../../../contract/job/shard-plan.ts';
import type { WorkflowSettings } from '../../ports/workflow-ports.ts';
import { settingsReader, type Environment } from '../../environment-settings.ts';

/**
 * A poll round is about 11 history events (Wait, CheckJob task, Choice, Pass) and an execution keeps at most
 * 25,000: all attempts' polls together stay under 2,000 rounds, leaving room for the other states.
 */
export const MAX_POLLS_PER_EXECUTION = 2_000;

export const DEFAULT_WORKFLOW_SETTINGS: WorkflowSettings = {
  attempts: 3,
  retentionSeconds: 7 * 24 * 3600,
  firstPollWaitSeconds: 10,
  maxPollWaitSeconds: 60,
  pollsPerAttempt: 120,
  staleAfterMs: 60_000,
  rowsPerShard: DEFAULT_ROWS_PER_SHARD,
  taskNetworks: { dealer: {}, serverB: {}, serverA: {} },
};

/**
 * MPC_ATTEMPTS, RESULT_RETENTION_SECONDS, POLL_FIRST_WAIT_SECONDS, POLL_MAX_WAIT_SECONDS, POLLS_PER_ATTEMPT,
 * HEARTBEAT_STALE_MS, MPC_ROWS_PER_SHARD (rows per pair of servers; a job over more runs as shards),
 * MPC_TASK_NETWORK (JSON AwsvpcConfiguration: Subnets, SecurityGroups, AssignPublicIp; one for all tasks or one
 * per task).
 */
export function workflowSettingsFrom(env: Environment = process.env): WorkflowSettings {
  const problems: string[] = [];
  const { integer } = settingsReader(env, problems);
  let taskNetworks = DEFAULT_WORKFLOW_SETTINGS.taskNetworks;
  if (env.MPC_TASK_NETWORK) {
    try {
      taskNetworks = networksPerTask(JSON.parse(env.MPC_TASK_NETWORK) as Record<string, unknown>);
    } catch {
      problems.push('MPC_TASK_NETWORK is not JSON');
    }
  }
  const settings: WorkflowSettings = {
    attempts: integer('MPC_ATTEMPTS', DEFAULT_WORKFLOW_SETTINGS.attempts, 10),
    retentionSeconds: integer(
      'RESULT_RETENTION_SECONDS',
      DEFAULT_WORKFLOW_SETTINGS.retentionSeconds,
      365 * 24 * 3600,
    ),
    firstPollWaitSeconds: integer(
      'POLL_FIRST_WAIT_SECONDS',
      DEFAULT_WORKFLOW_SETTINGS.firstPollWaitSeconds,
      3600,
    ),
    maxPollWaitSeconds: integer('POLL_MAX_WAIT_SECONDS', DEFAULT_WORKFLOW_SETTINGS.maxPollWaitSeconds, 3600),
    pollsPerAttempt: integer('POLLS_PER_ATTEMPT', DEFAULT_WORKFLOW_SETTINGS.pollsPerAttempt, 1000),
    staleAfterMs: integer('HEARTBEAT_STALE_MS', DEFAULT_WORKFLOW_SETTINGS.staleAfterMs, 3_600_000),
    rowsPerShard: integer(
      'MPC_ROWS_PER_SHARD',
      DEFAULT_WORKFLOW_SETTINGS.rowsPerShard,
      DEFAULT_ROWS_PER_SHARD,
    ),
    taskNetworks,
  };
  if (settings.attempts * settings.pollsPerAttempt > MAX_POLLS_PER_EXECUTION)
    problems.push(
      `MPC_ATTEMPTS x POLLS_PER_ATTEMPT must be at most ${MAX_POLLS_PER_EXECUTION} (execution history limit)`,
    );
  if (problems.length > 0)
    throw new ConfigurationError(`Invalid workflow configuration: ${problems.join('; ')}`);
  return settings;
}

/**
 * MPC_TASK_NETWORK is either one `AwsvpcConfiguration` for all three tasks or `{ dealer, serverB, serverA }`,
 * one each (then only A's security group needs to reach B's peer port).
 */
function networksPerTask(parsed: Record<string, unknown>): WorkflowSettings['taskNetworks'] {
  const perTask = COMPUTE_TASK_NAMES.every(
    (name) => typeof parsed[name] === 'object' && parsed[name] !== null,
  );
  return Object.fromEntries(
    COMPUTE_TASK_NAMES.map((name) => [name, perTask ? (parsed[name] as Record<string, unknown>) : parsed]),
  ) as WorkflowSettings['taskNetworks'];
}
