import { DescribeTasksCommand, StopTaskCommand, type ECSClient } from '@aws-sdk/client-ecs';
import type { ComputeTasks, ComputeTaskState } from '../../ports/workflow-compute-tasks.ts';

/**
 * The attempt's Fargate tasks, through DescribeTasks and StopTask on the coordinator's computation cluster.
 * A server's task runs in its own account's cluster, which the coordinator may start tasks in but not look
 * into: such a task counts as running, and its heartbeat in the job status tells whether it still is.
 */
export class EcsComputeTasks implements ComputeTasks {
  constructor(
    private readonly client: ECSClient,
    private readonly clusterArn: string,
  ) {}

  async describe(taskArns: readonly string[]): Promise<ComputeTaskState[]> {
    const elsewhere = taskArns.filter((arn) => !this.inCluster(arn));
    const own = taskArns.filter((arn) => this.inCluster(arn));
    return [...(await this.describeOwn(own)), ...elsewhere.map((taskArn) => ({ taskArn, running: true }))];
  }

  /**
   * `arn:...:task/<cluster>/<id>` against `arn:...:cluster/<cluster>`: same account, region and cluster. An ARN
   * that does not name its cluster (the short task ARN format, emulators, tests) is taken as this cluster's.
   */
  private inCluster(taskArn: string): boolean {
    const [clusterPrefix, clusterName] = this.clusterArn.split(':cluster/');
    const [taskPrefix, taskPath] = taskArn.split(':task/');
    if (clusterName === undefined || taskPath === undefined || !taskPath.includes('/')) return true;
    return clusterPrefix === taskPrefix && taskPath.startsWith(`${clusterName}/`);
  }

  private async describeOwn(taskArns: readonly string[]): Promise<ComputeTaskState[]> {
    if (taskArns.length === 0) return [];
    const answer = await this.client.send(
      new DescribeTasksCommand({ cluster: this.clusterArn, tasks: [...taskArns] }),
    );
    const states: ComputeTaskState[] = (answer.tasks ?? []).map((task) => {
      const container = task.containers?.[0];
      const running = task.lastStatus !== 'STOPPED' && task.desiredStatus !== 'STOPPED';
      return {
        taskArn: task.taskArn ?? '',
        running,
        ...(running
          ? {}
          : {
              stoppedReason: [
                task.stoppedReason,
                container?.exitCode === undefined ? undefined : `exit code ${container.exitCode}`,
              ]
                .filter(Boolean)
                .join(', '),
            }),
      };
    });
    // Tasks ECS no longer knows (long stopped) come back as failures: they are not running.
    for (const failure of answer.failures ?? [])
      if (failure.arn)
        states.push({ taskArn: failure.arn, running: false, stoppedReason: failure.reason ?? 'MISSING' });
    return states;
  }

  /** Another domain's tasks end by their own timeouts. */
  async stop(taskArns: readonly string[], reason: string): Promise<void> {
    await Promise.all(
      taskArns
        .filter((arn) => this.inCluster(arn))
        .map(async (task) => {
          try {
            await this.client.send(
              new StopTaskCommand({ cluster: this.clusterArn, task, reason: reason.slice(0, 255) }),
            );
          } catch (error) {
            if (error instanceof Error && error.name === 'InvalidParameterException') return;
            throw error;
          }
        }),
    );
  }
}
