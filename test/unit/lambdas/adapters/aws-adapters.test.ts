import { ECSClient } from '@aws-sdk/client-ecs';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SFNClient } from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import { ecsClient, eventBridgeClient, sfnClient } from '../../../../lambdas/adapters/aws-clients.ts';
import { EcsComputeTasks } from '../../../../lambdas/adapters/ecs/ecs-compute-tasks.ts';
import { EventBridgeStatusPublisher } from '../../../../lambdas/adapters/eventbridge/eventbridge-status-publisher.ts';
import { StepFunctionsWorkflow } from '../../../../lambdas/adapters/sfn/step-functions-workflow.ts';
import {
  startAwsJsonStub,
  stubClientConfig,
  type StubAnswer,
  type StubCall,
} from './support/aws-json-stub.ts';

/** The AWS adapters, on the SDK clients, against an endpoint that answers as the services do. */
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});
async function stub(answer: (call: StubCall) => StubAnswer) {
  const started = await startAwsJsonStub(answer);
  stops.push(started.stop);
  return started;
}
const error = (type: string): StubAnswer => ({ status: 400, body: { __type: type, message: type } });
const machine = 'arn:aws:states:eu-west-1:123456789012:stateMachine:mpc-dev-collaboration';

describe('StepFunctionsWorkflow', () => {
  it('starts an execution named by the collaboration; a second start is not an error', async () => {
    let started = 0;
    const sfn = await stub(() =>
      started++ === 0 ? { body: { executionArn: 'arn', startDate: 1 } } : error('ExecutionAlreadyExists'),
    );
    const workflow = new StepFunctionsWorkflow(new SFNClient(stubClientConfig(sfn.endpoint)), machine);
    const input = {
      collaborationId: 'c-1',
      inputWindowSeconds: 60,
      retentionSeconds: 60,
      attempts: { left: 3 },
    };
    expect(await workflow.start(input)).toBe('started');
    expect(await workflow.start(input)).toBe('already-started');
    expect(sfn.calls[0]).toEqual({
      target: 'AWSStepFunctions.StartExecution',
      body: { stateMachineArn: machine, name: 'c-1', input: JSON.stringify(input) },
    });
  });

  it('ignores a release of a timed-out or used token', async () => {
    const sfn = await stub((call) => (call.body.taskToken === 'late' ? error('TaskTimedOut') : { body: {} }));
    const workflow = new StepFunctionsWorkflow(new SFNClient(stubClientConfig(sfn.endpoint)), machine);
    expect(await workflow.sendTaskSuccess('fresh', { a: 1 })).toBe(true);
    expect(await workflow.sendTaskSuccess('late', { a: 1 })).toBe(false);
    expect(sfn.calls.map((call) => call.target)).toEqual([
      'AWSStepFunctions.SendTaskSuccess',
      'AWSStepFunctions.SendTaskSuccess',
    ]);
  });

  it('lets other errors through (the step fails and its Retry applies)', async () => {
    const sfn = await stub(() => error('ThrottlingException'));
    const workflow = new StepFunctionsWorkflow(new SFNClient(stubClientConfig(sfn.endpoint)), machine);
    await expect(workflow.sendTaskSuccess('t', {})).rejects.toMatchObject({ name: 'ThrottlingException' });
  });
});

describe('EcsComputeTasks', () => {
  it('reports running, stopped (with reason and exit code) and unknown tasks', async () => {
    const ecs = await stub(() => ({
      body: {
        tasks: [
          { taskArn: 'arn:a', lastStatus: 'RUNNING', desiredStatus: 'RUNNING', containers: [{}] },
          {
            taskArn: 'arn:b',
            lastStatus: 'STOPPED',
            desiredStatus: 'STOPPED',
            stoppedReason: 'Essential container in task exited',
            containers: [{ exitCode: 137 }],
          },
        ],
        failures: [{ arn: 'arn:c', reason: 'MISSING' }],
      },
    }));
    const tasks = new EcsComputeTasks(new ECSClient(stubClientConfig(ecs.endpoint)), 'arn:cluster');
    expect(await tasks.describe(['arn:a', 'arn:b', 'arn:c'])).toEqual([
      { taskArn: 'arn:a', running: true },
      {
        taskArn: 'arn:b',
        running: false,
        stoppedReason: 'Essential container in task exited, exit code 137',
      },
      { taskArn: 'arn:c', running: false, stoppedReason: 'MISSING' },
    ]);
    expect(ecs.calls[0]).toEqual({
      target: 'AmazonEC2ContainerServiceV20141113.DescribeTasks',
      body: { cluster: 'arn:cluster', tasks: ['arn:a', 'arn:b', 'arn:c'] },
    });
  });

  it('stops each task with the reason', async () => {
    const ecs = await stub(() => ({ body: { task: {} } }));
    const tasks = new EcsComputeTasks(new ECSClient(stubClientConfig(ecs.endpoint)), 'arn:cluster');
    await tasks.stop(['arn:a', 'arn:b'], 'attempt failed: PEER_LOST');
    expect(ecs.calls.map((call) => call.body)).toEqual([
      { cluster: 'arn:cluster', task: 'arn:a', reason: 'attempt failed: PEER_LOST' },
      { cluster: 'arn:cluster', task: 'arn:b', reason: 'attempt failed: PEER_LOST' },
    ]);
  });
});

describe('EventBridgeStatusPublisher', () => {
  it('puts one event per status change on the bus, and fails on a refused entry', async () => {
    let refuse = false;
    const events = await stub(() =>
      refuse
        ? { body: { FailedEntryCount: 1, Entries: [{ ErrorCode: 'X', ErrorMessage: 'bus not found' }] } }
        : { body: { FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] } },
    );
    const publisher = new EventBridgeStatusPublisher(
      new EventBridgeClient(stubClientConfig(events.endpoint)),
      'mpc-bus',
    );
    const event = { collaborationId: 'c-1', status: 'RESULT_READY' as const, at: '2030-01-01T00:00:00.000Z' };
    await publisher.publish(event);
    const [entry] = events.calls[0]?.body.Entries as Record<string, unknown>[];
    expect(entry).toMatchObject({
      EventBusName: 'mpc-bus',
      Source: 'mpc.coordinator',
      DetailType: 'Collaboration Status Changed',
      Detail: JSON.stringify(event),
      Time: Date.parse(event.at) / 1000,
    });
    refuse = true;
    await expect(publisher.publish(event)).rejects.toThrow('bus not found');
  });
});

describe("the composition root's clients", () => {
  const settings = {
    region: 'us-east-1',
    credentials: { accessKeyId: 'stub', secretAccessKey: 'stub' },
    s3ForcePathStyle: false,
  };
  const saved = process.env.AWS_ENDPOINT_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.AWS_ENDPOINT_URL;
    else process.env.AWS_ENDPOINT_URL = saved;
  });

  it('reach the endpoint AWS_ENDPOINT_URL names, each with its own protocol target', async () => {
    const endpoint = await stub(() => ({ body: { FailedEntryCount: 0, Entries: [], tasks: [] } }));
    process.env.AWS_ENDPOINT_URL = endpoint.endpoint;
    await new StepFunctionsWorkflow(sfnClient(settings), machine).sendTaskSuccess('t', {});
    await new EventBridgeStatusPublisher(eventBridgeClient(settings), 'bus').publish({
      collaborationId: 'c-1',
      status: 'OPEN',
      at: '2030-01-01T00:00:00.000Z',
    });
    await new EcsComputeTasks(ecsClient(settings), 'arn:cluster').describe(['arn:a']);
    expect(endpoint.calls.map((call) => call.target)).toEqual([
      'AWSStepFunctions.SendTaskSuccess',
      'AWSEvents.PutEvents',
      'AmazonEC2ContainerServiceV20141113.DescribeTasks',
    ]);
  });

  it("retry throttling and server errors with the SDK's standard retries", async () => {
    const answers = [
      error('ThrottlingException'),
      { status: 503, body: { __type: 'ServiceUnavailable', message: 'busy' } },
      { body: {} },
    ];
    const endpoint = await stub(() => answers.shift() ?? error('Unexpected'));
    process.env.AWS_ENDPOINT_URL = endpoint.endpoint;
    expect(await new StepFunctionsWorkflow(sfnClient(settings), machine).sendTaskSuccess('t', {})).toBe(true);
    expect(endpoint.calls).toHaveLength(3);
  });
});
