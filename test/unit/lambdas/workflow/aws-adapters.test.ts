import { ECSClient } from '@aws-sdk/client-ecs';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EcsComputeTasks } from '../../../../lambdas/adapters/ecs/ecs-compute-tasks.ts';
import { EventBridgeStatusPublisher } from '../../../../lambdas/adapters/eventbridge/eventbridge-status-publisher.ts';
import {
  AwsJsonRequests,
  EVENTBRIDGE,
  STEP_FUNCTIONS,
} from '../../../../lambdas/adapters/aws-json-requests.ts';
import { StepFunctionsWorkflow } from '../../../../lambdas/adapters/sfn/step-functions-workflow.ts';
import {
  startAwsJsonStub,
  stubClientConfig,
  type StubAnswer,
  type StubCall,
} from './support/aws-json-stub.ts';

/**
 * The AWS adapters against an endpoint that answers as the services do: ECS through the real SDK client,
 * Step Functions and EventBridge through AwsJsonRequests, whose requests must carry the SDK clients' exact
 * signatures.
 */
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
    const workflow = new StepFunctionsWorkflow(
      new AwsJsonRequests(STEP_FUNCTIONS, stubClientConfig(sfn.endpoint)),
      machine,
    );
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
    const workflow = new StepFunctionsWorkflow(
      new AwsJsonRequests(STEP_FUNCTIONS, stubClientConfig(sfn.endpoint)),
      machine,
    );
    expect(await workflow.sendTaskSuccess('fresh', { a: 1 })).toBe(true);
    expect(await workflow.sendTaskSuccess('late', { a: 1 })).toBe(false);
    expect(sfn.calls.map((call) => call.target)).toEqual([
      'AWSStepFunctions.SendTaskSuccess',
      'AWSStepFunctions.SendTaskSuccess',
    ]);
  });

  it('lets other errors through (the step fails and its Retry applies)', async () => {
    const sfn = await stub(() => error('ThrottlingException'));
    const workflow = new StepFunctionsWorkflow(
      new AwsJsonRequests(STEP_FUNCTIONS, stubClientConfig(sfn.endpoint)),
      machine,
    );
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
      new AwsJsonRequests(EVENTBRIDGE, stubClientConfig(events.endpoint)),
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

describe('AwsJsonRequests', () => {
  it('retries throttling and server errors, then answers; other errors fail at once by their name', async () => {
    const answers: StubAnswer[] = [
      error('ThrottlingException'),
      { status: 503, body: { __type: 'ServiceUnavailable', message: 'busy' } },
      { body: { ok: true } },
    ];
    const sfn = await stub(() => answers.shift() ?? error('Unexpected'));
    const states = new AwsJsonRequests(STEP_FUNCTIONS, { ...stubClientConfig(sfn.endpoint), maxAttempts: 3 });
    await expect(states.call('SendTaskSuccess', { taskToken: 't', output: '{}' })).resolves.toEqual({
      ok: true,
    });
    expect(sfn.calls).toHaveLength(3);

    const refusing = await stub(() => error('com.amazonaws.states#ExecutionAlreadyExists'));
    const once = new AwsJsonRequests(STEP_FUNCTIONS, {
      ...stubClientConfig(refusing.endpoint),
      maxAttempts: 3,
    });
    await expect(once.call('StartExecution', {})).rejects.toMatchObject({
      name: 'ExecutionAlreadyExists',
      status: 400,
    });
    expect(refusing.calls).toHaveLength(1);
  });

  const sameMoment = new Date('2030-05-01T10:00:00.000Z');
  const signatureCases = [
    {
      service: STEP_FUNCTIONS,
      sdk: (endpoint: string) =>
        new SFNClient(stubClientConfig(endpoint)).send(
          new StartExecutionCommand({ stateMachineArn: machine, name: 'c-1', input: '{"a":1}' }),
        ),
      operation: 'StartExecution',
      input: { stateMachineArn: machine, name: 'c-1', input: '{"a":1}' },
    },
    {
      service: EVENTBRIDGE,
      sdk: (endpoint: string) =>
        new EventBridgeClient(stubClientConfig(endpoint)).send(
          new PutEventsCommand({
            Entries: [{ EventBusName: 'bus', Source: 's', DetailType: 'd', Detail: '{}', Time: sameMoment }],
          }),
        ),
      operation: 'PutEvents',
      input: {
        Entries: [
          // In the SDK's member order, so that the bodies are byte for byte the same.
          {
            Time: sameMoment.getTime() / 1000,
            Source: 's',
            DetailType: 'd',
            Detail: '{}',
            EventBusName: 'bus',
          },
        ],
      },
    },
  ];
  for (const { service, sdk, operation, input } of signatureCases) {
    it(`${service.targetPrefix}.${operation}: same body and signature as the SDK client`, async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(sameMoment);
      try {
        const endpoint = await stub(() => ({ body: { FailedEntryCount: 0, Entries: [] } }));
        await sdk(endpoint.endpoint);
        const [fromSdk] = endpoint.received.splice(0);
        // The SDK's own extra headers (invocation id, user agent...) are passed along; the rest is ours.
        const extra = Object.fromEntries(
          Object.entries(fromSdk!.headers).filter(
            ([name]) =>
              ![
                'authorization',
                'x-amz-date',
                'host',
                'user-agent',
                'content-type',
                'x-amz-target',
                'content-length',
                'x-amz-content-sha256',
                'connection',
              ].includes(name),
          ),
        ) as Record<string, string>;
        await new AwsJsonRequests(service, stubClientConfig(endpoint.endpoint)).call(operation, input, extra);
        const [fromUs] = endpoint.received.splice(0);
        expect(endpoint.calls[1]).toEqual(endpoint.calls[0]);
        expect(fromUs!.headers['content-type']).toBe(fromSdk!.headers['content-type']);
        expect(fromUs!.headers.authorization).toBe(fromSdk!.headers.authorization);
      } finally {
        vi.useRealTimers();
      }
    });
  }
});
