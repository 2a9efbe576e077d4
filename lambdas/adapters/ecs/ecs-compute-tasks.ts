import { DescribeTasksCommand, StopTaskCommand, type ECSClient } from '@aws-sdk/client-ecs';
import type { ComputeTasks, ComputeTaskState } from '../../ports/workflow-compute-tasks.ts';

/** The attempt's Fargate tasks, through DescribeTasks and StopTask on the computation cluster. */
export class EcsComputeTasks implements ComputeTasks {
  constructor(
    private readonly client: ECSClient,
    private readonly clusterArn: string,
  ) {}

  async describe(taskArns: readonly string[]): Promise<ComputeTaskState[]> {
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

  async stop(taskArns: readonly string[], reason: string): Promise<void> {
    await Promise.all(
      taskArns.map(async (task) => {
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
