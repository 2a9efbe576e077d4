import type { ECSClient } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { EcsComputeTasks } from '../../../../lambdas/adapters/ecs/ecs-compute-tasks.ts';

/*
 * A server's task runs in its own account's cluster: the coordinator may start it there (the granted role)
 * but neither describe nor stop it, so the adapter asks ECS only about tasks of its own cluster.
 */

const CLUSTER = 'arn:aws:ecs:eu-west-1:111111111111:cluster/mpc-dev-computation';
const DEALER = 'arn:aws:ecs:eu-west-1:111111111111:task/mpc-dev-computation/0a1';
const SERVER_B = 'arn:aws:ecs:eu-central-1:333333333333:task/mpc-dev-server-b/0b1';

function recordingClient(): { client: ECSClient; sent: unknown[] } {
  const sent: unknown[] = [];
  const client = {
    send: async (command: { input: { tasks?: string[] } }) => {
      sent.push(command.input);
      return {
        tasks: (command.input.tasks ?? []).map((taskArn) => ({
          taskArn,
          lastStatus: 'STOPPED',
          desiredStatus: 'STOPPED',
          containers: [{ exitCode: 1 }],
        })),
      };
    },
  } as unknown as ECSClient;
  return { client, sent };
}

describe('tasks in another domain', () => {
  it("describes only its own cluster's tasks and counts another account's as running", async () => {
    const { client, sent } = recordingClient();
    const states = await new EcsComputeTasks(client, CLUSTER).describe([DEALER, SERVER_B]);
    expect(states).toEqual([
      { taskArn: DEALER, running: false, stoppedReason: 'exit code 1' },
      { taskArn: SERVER_B, running: true },
    ]);
    expect(sent).toEqual([{ cluster: CLUSTER, tasks: [DEALER] }]);
  });

  it("stops only its own cluster's tasks", async () => {
    const { client, sent } = recordingClient();
    await new EcsComputeTasks(client, CLUSTER).stop([SERVER_B], 'attempt failed');
    expect(sent).toEqual([]);
  });
});
