import {
  CreateClusterCommand,
  DeleteClusterCommand,
  DeregisterTaskDefinitionCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  type ECSClient,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ecsClient } from '../../../../lambdas/adapters/aws-clients.ts';
import { EcsComputeTasks } from '../../../../lambdas/adapters/ecs/ecs-compute-tasks.ts';
import { whereEndpointHas } from '../../../support/endpoint-capabilities.ts';
import { defaultNetwork, endpointClientSettings, uniqueName } from './support/endpoint-clients.ts';

/**
 * EcsComputeTasks against the endpoint's ECS, through the SDK's wire protocol. The tasks are records in the
 * endpoint's registry (the state machine starts them on AWS; here the test does, with RunTask); nothing runs.
 */
whereEndpointHas('ecs-api').describe('EcsComputeTasks on the endpoint', () => {
  let client: ECSClient;
  let clusterArn: string;
  let taskDefinitionArn: string;
  const started: string[] = [];
  beforeAll(async () => {
    client = ecsClient(endpointClientSettings());
    clusterArn = (await client.send(new CreateClusterCommand({ clusterName: uniqueName('mpc-contract') })))
      .cluster!.clusterArn!;
    const registered = await client.send(
      new RegisterTaskDefinitionCommand({
        family: uniqueName('mpc-contract'),
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: 'server', image: 'mpc-computation', essential: true, memory: 512 }],
      }),
    );
    taskDefinitionArn = registered.taskDefinition!.taskDefinitionArn!;
  });
  afterAll(async () => {
    for (const task of started)
      await client.send(new StopTaskCommand({ cluster: clusterArn, task })).catch(() => undefined);
    if (taskDefinitionArn)
      await client.send(new DeregisterTaskDefinitionCommand({ taskDefinition: taskDefinitionArn }));
    if (clusterArn)
      await client.send(new DeleteClusterCommand({ cluster: clusterArn })).catch(() => undefined);
    client?.destroy();
  });

  async function runTasks(count: number): Promise<string[]> {
    const { subnet, securityGroup } = await defaultNetwork();
    const run = await client.send(
      new RunTaskCommand({
        cluster: clusterArn,
        taskDefinition: taskDefinitionArn,
        launchType: 'FARGATE',
        count,
        networkConfiguration: {
          awsvpcConfiguration: {
            subnets: [subnet],
            securityGroups: [securityGroup],
            assignPublicIp: 'DISABLED',
          },
        },
      }),
    );
    const arns = (run.tasks ?? []).map((task) => task.taskArn!);
    expect(arns).toHaveLength(count);
    started.push(...arns);
    return arns;
  }

  it('describes started tasks as running, and as stopped with the reason after stop()', async () => {
    const tasks = new EcsComputeTasks(client, clusterArn);
    const [first, second] = await runTasks(2);
    expect(await tasks.describe([first!, second!])).toEqual(
      expect.arrayContaining([
        { taskArn: first, running: true },
        { taskArn: second, running: true },
      ]),
    );
    // ECS keeps at most 255 characters of a stop reason; the adapter cuts longer ones.
    const reason = `attempt 1 failed: ${'x'.repeat(300)}`;
    await tasks.stop([first!], reason);
    const states = await tasks.describe([first!, second!]);
    expect(states).toHaveLength(2);
    expect(states.find((state) => state.taskArn === second)).toEqual({ taskArn: second, running: true });
    const stopped = states.find((state) => state.taskArn === first)!;
    expect(stopped.running).toBe(false);
    expect(stopped.stoppedReason).toContain(reason.slice(0, 255));
    expect(stopped.stoppedReason).not.toContain(reason.slice(0, 256));
  });

  it('asks for nothing when there is no task', async () => {
    expect(await new EcsComputeTasks(client, clusterArn).describe([])).toEqual([]);
  });

  whereEndpointHas('ecs-api', 'ecs-missing-task-answers').it(
    'reports a task ECS does not know as not running, and stopping it is no error',
    async () => {
      const tasks = new EcsComputeTasks(client, clusterArn);
      await runTasks(1);
      const unknown = `${clusterArn.replace(':cluster/', ':task/')}/0123456789abcdef0123456789abcdef`;
      expect(await tasks.describe([unknown])).toEqual([
        { taskArn: unknown, running: false, stoppedReason: 'MISSING' },
      ]);
      await expect(tasks.stop([unknown], 'clean-up')).resolves.toBeUndefined();
    },
  );
});
