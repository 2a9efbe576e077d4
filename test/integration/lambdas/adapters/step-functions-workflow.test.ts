import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  DeleteActivityCommand,
  DeleteStateMachineCommand,
  DescribeExecutionCommand,
  GetActivityTaskCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sfnClient } from '../../../../lambdas/adapters/aws-clients.ts';
import { StepFunctionsWorkflow } from '../../../../lambdas/adapters/sfn/step-functions-workflow.ts';
import type { WorkflowExecutionInput } from '../../../../lambdas/ports/collaboration-workflow.ts';
import { whereEndpointHas } from '../../../support/endpoint-capabilities.ts';
import { endpointClientSettings, uniqueName } from './support/endpoint-clients.ts';

/** StepFunctionsWorkflow against the endpoint's Step Functions, through the SDK's wire protocol. */
whereEndpointHas('sfn-api').describe('StepFunctionsWorkflow on the endpoint', () => {
  let client: SFNClient;
  let stateMachineArn: string;
  let activityArn: string;
  beforeAll(async () => {
    client = sfnClient(endpointClientSettings());
    activityArn = (await client.send(new CreateActivityCommand({ name: uniqueName('mpc-contract') })))
      .activityArn!;
    // One activity task: an execution waits on it until SendTaskSuccess, as AwaitInputs waits on its token.
    const created = await client.send(
      new CreateStateMachineCommand({
        name: uniqueName('mpc-contract'),
        roleArn: 'arn:aws:iam::000000000000:role/mpc-contract-test',
        definition: JSON.stringify({
          StartAt: 'Await',
          States: { Await: { Type: 'Task', Resource: activityArn, TimeoutSeconds: 120, End: true } },
        }),
      }),
    );
    stateMachineArn = created.stateMachineArn!;
  });
  afterAll(async () => {
    if (stateMachineArn) await client.send(new DeleteStateMachineCommand({ stateMachineArn }));
    if (activityArn) await client.send(new DeleteActivityCommand({ activityArn }));
    client?.destroy();
  });

  const inputFor = (collaborationId: string): WorkflowExecutionInput => ({
    collaborationId,
    inputWindowSeconds: 3600,
    retentionSeconds: 86_400,
    attempts: { left: 3 },
  });
  const executionArn = (name: string): string =>
    `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;

  it('starts one execution named by the collaboration, with the input as sent', async () => {
    const workflow = new StepFunctionsWorkflow(client, stateMachineArn);
    const input = inputFor(uniqueName('collab'));
    expect(await workflow.start(input)).toBe('started');
    const execution = await client.send(
      new DescribeExecutionCommand({ executionArn: executionArn(input.collaborationId) }),
    );
    expect(execution.name).toBe(input.collaborationId);
    expect(JSON.parse(execution.input!)).toEqual(input);
  });

  it('a second start of the same collaboration starts nothing new', async () => {
    const workflow = new StepFunctionsWorkflow(client, stateMachineArn);
    const input = inputFor(uniqueName('collab'));
    expect(await workflow.start(input)).toBe('started');
    // Same name and input: Step Functions answers with the running execution (idempotent start).
    expect(await workflow.start(input)).toBe('started');
    // Same name, other input: ExecutionAlreadyExists, which the adapter reports as already started.
    expect(await workflow.start({ ...input, attempts: { left: 2 } })).toBe('already-started');
  });

  it('a start on a state machine that does not exist fails with the service error', async () => {
    const workflow = new StepFunctionsWorkflow(client, `${stateMachineArn}-missing`);
    await expect(workflow.start(inputFor(uniqueName('collab')))).rejects.toMatchObject({
      name: 'StateMachineDoesNotExist',
    });
  });

  whereEndpointHas('sfn-api', 'sfn-executions').it(
    'ends a wait with its task token and the output, and ignores the token once used or never issued',
    async () => {
      const workflow = new StepFunctionsWorkflow(client, stateMachineArn);
      const input = inputFor(uniqueName('collab'));
      await workflow.start(input);
      const task = await client.send(new GetActivityTaskCommand({ activityArn, workerName: 'contract' }));
      expect(task.taskToken).toBeTruthy();
      expect(await workflow.sendTaskSuccess(task.taskToken!, { quorum: true })).toBe(true);
      let execution = await client.send(
        new DescribeExecutionCommand({ executionArn: executionArn(input.collaborationId) }),
      );
      for (let tries = 0; execution.status === 'RUNNING' && tries < 50; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        execution = await client.send(
          new DescribeExecutionCommand({ executionArn: executionArn(input.collaborationId) }),
        );
      }
      expect(execution.status).toBe('SUCCEEDED');
      expect(JSON.parse(execution.output!)).toEqual({ quorum: true });
      expect(await workflow.sendTaskSuccess(task.taskToken!, { quorum: true })).toBe(false);
      expect(await workflow.sendTaskSuccess('never-issued', {})).toBe(false);
    },
  );
});
