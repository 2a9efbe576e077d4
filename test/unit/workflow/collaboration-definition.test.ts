import '../../../local/workflow/promise-with-resolvers.ts';
import validator from 'asl-validator';
import { StateMachine, type RunOptions, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { describe, expect, it } from 'vitest';
import { allStates, definitionPlaceholders, loadDefinition } from '../../../workflow/definition.ts';

type Json = Record<string, unknown>;
type StepFn = (input: Json) => unknown;
type LocalHandlers = NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers'];

const substitutions = Object.fromEntries(
  definitionPlaceholders().map((name) => [name, `arn:aws:lambda:us-east-1:000000000000:function:${name}`]),
);
const taskStates = allStates(loadDefinition(substitutions)).filter(([, s]) => s.Type === 'Task');

/** Lambda tasks return `{ Payload }`; ECS tasks return `{ Tasks: [...] }`. */
function runWith(steps: Record<string, StepFn>, input: Json) {
  const visited: string[] = [];
  const handlers = Object.fromEntries(
    taskStates.map(([name, state]) => [
      name,
      async (taskInput: Json) => {
        visited.push(name);
        const step = steps[name];
        if ((state.Resource ?? '').startsWith('arn:aws:states:::ecs:')) {
          await step?.(taskInput);
          const command = (taskInput.Overrides as { ContainerOverrides: { Command: string[] }[] })
            .ContainerOverrides[0]!.Command;
          return {
            Tasks: [{ TaskArn: `arn:aws:ecs:us-east-1:000000000000:task/${name}/${command.at(-1)}` }],
          };
        }
        return { Payload: step ? await step(taskInput) : {} };
      },
    ]),
  );
  const machine = new StateMachine(loadDefinition(substitutions) as unknown as StateMachineDefinition, {
    validationOptions: { checkArn: true },
  });
  const execution = machine.run(input as Parameters<StateMachine['run']>[0], {
    overrides: {
      taskResourceLocalHandlers: handlers as unknown as LocalHandlers,
      waitTimeOverrides: { WaitBeforeCheck: 0, WaitBeforeShardCheck: 0 },
      // The ECS states retry a failed RunTask after seconds; the tests need not wait for them.
      retryIntervalOverrides: Object.fromEntries(
        [
          'RunDealer',
          'StartServerB',
          'StartServerA',
          'RunShardDealer',
          'StartShardServerB',
          'StartShardServerA',
        ].map((name) => [name, 0]),
      ),
    },
    context: { Task: { Token: 'task-token' } },
  });
  // Every state entered, Choice and terminal states included (`visited` holds task states only).
  const entered: string[] = [];
  const logged = (async () => {
    for await (const event of execution.eventLogs)
      if (event.type === 'StateEntered') entered.push(event.state.name);
  })();
  /** The terminal state the execution ended in, once it has ended. */
  const endState = async () => {
    await execution.result.catch(() => undefined);
    await logged;
    return entered.at(-1);
  };
  return { execution, visited, endState };
}

const network = (group: string) => ({
  Subnets: ['subnet-1'],
  SecurityGroups: [group],
  AssignPublicIp: 'DISABLED',
});
/** One awsvpc configuration per task, so each task carries only its own security group. */
const networks = { dealer: network('sg-dealer'), serverB: network('sg-b'), serverA: network('sg-a') };
const baseInput = {
  collaborationId: 'c-1',
  inputWindowSeconds: 3600,
  retentionSeconds: 3600,
  attempts: { left: 3 },
};
const prepareAttempt: StepFn = () => ({
  jobId: 'job-1',
  networks,
  dealerCommand: ['--job', 'job-1'],
  serverBCommand: ['--party', 'B', '--job', 'job-1'],
  serverACommand: ['--party', 'A', '--job', 'job-1'],
  poll: { waitSeconds: 1, pollsLeft: 5 },
});

describe('collaboration state machine definition', () => {
  it('passes asl-validator with path and ARN checks', () => {
    const result = validator(loadDefinition(substitutions), { checkPaths: true, checkArn: true });
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  it('gives every task state a timeout', () => {
    for (const [name, state] of taskStates) {
      expect(state.TimeoutSeconds ?? state.TimeoutSecondsPath, `${name} has no timeout`).toBeDefined();
    }
  });

  it('runs the happy path: quorum, one attempt, publish, notify, finish, clean up', async () => {
    let checks = 0;
    const { execution, visited } = runWith(
      {
        PrepareAttempt: prepareAttempt,
        CheckJob: () => ({ state: ++checks < 3 ? 'RUNNING' : 'DONE', nextWaitSeconds: 2 }),
      },
      baseInput,
    );
    await execution.result;
    expect(visited).toEqual([
      'AwaitInputs',
      'CloseInputs',
      'PrepareAttempt',
      'RunDealer',
      'StartServerB',
      'StartServerA',
      'CheckJob',
      'CheckJob',
      'CheckJob',
      'PublishResult',
      'NotifyParticipants',
      'AwaitFinish',
      'CleanUp',
    ]);
  });

  it('bounds the poll loop and the retries in the definition itself, ending FAILED after retention and clean-up', async () => {
    let failures = 0;
    const { execution, visited, endState } = runWith(
      {
        PrepareAttempt: prepareAttempt,
        // A check step that never sees the job finish: the definition alone must stop the loop.
        CheckJob: () => ({ state: 'RUNNING', nextWaitSeconds: 1 }),
        RecordAttemptFailure: () => ({ retryable: true, failures: ++failures }),
        CleanUp: () => ({ status: 'FAILED', deletedObjects: 4 }),
      },
      baseInput,
    );
    await expect(execution.result).resolves.toMatchObject({ cleanup: { value: { status: 'FAILED' } } });
    expect(await endState()).toBe('FailedAndCleanedUp');
    expect(visited.filter((s) => s === 'PrepareAttempt')).toHaveLength(3);
    expect(visited.filter((s) => s === 'CheckJob')).toHaveLength(3 * 5);
    expect(visited.slice(-3)).toEqual(['MarkFailed', 'AwaitFinish', 'CleanUp']);
  });

  it('keeps a FAILED collaboration inputs through the retention wait, then cleans up and ends saying so', async () => {
    const { execution, visited, endState } = runWith(
      {
        // Retention ends by the state's timeout: nobody finishes a failed collaboration.
        AwaitFinish: () => new Promise(() => undefined),
        PrepareAttempt: prepareAttempt,
        CheckJob: () => ({
          state: 'FAILED',
          reason: 'BAD_INPUT: B: share does not open',
          nextWaitSeconds: 1,
        }),
        RecordAttemptFailure: () => ({ retryable: false }),
        CleanUp: () => ({ status: 'FAILED', deletedObjects: 4 }),
      },
      { ...baseInput, retentionSeconds: 1 },
    );
    await expect(execution.result).resolves.toMatchObject({ cleanup: { value: { status: 'FAILED' } } });
    expect(await endState()).toBe('FailedAndCleanedUp');
    expect(visited.slice(-4)).toEqual(['RecordAttemptFailure', 'MarkFailed', 'AwaitFinish', 'CleanUp']);
  });

  const cancelled = () => {
    throw Object.assign(new Error('Collaboration c-1 was cancelled by the owner.'), {
      name: 'CollaborationCancelled',
    });
  };

  it('winds up a cancelled collaboration: the released input wait leads to CleanUpCancelled, then success', async () => {
    const { execution, visited } = runWith({ CloseInputs: cancelled }, baseInput);
    await execution.result;
    expect(visited).toEqual(['AwaitInputs', 'CloseInputs', 'CleanUpCancelled']);
  });

  it('winds up a cancel that raced the deadline or a failure the same way', async () => {
    for (const [steps, path] of [
      [{ CheckMinimum: () => ({ enough: false }), Expire: cancelled }, ['CheckMinimum', 'Expire']],
      [{ CheckMinimum: () => ({ enough: true }), CloseInputs: cancelled }, ['CheckMinimum', 'CloseInputs']],
      [
        {
          CheckMinimum: () => {
            throw new Error('table unavailable');
          },
          MarkFailed: cancelled,
        },
        ['CheckMinimum', 'MarkFailed'],
      ],
    ] as const) {
      const { execution, visited } = runWith(
        { AwaitInputs: () => new Promise(() => undefined), ...steps },
        { ...baseInput, inputWindowSeconds: 1 },
      );
      await execution.result;
      expect(visited).toEqual(['AwaitInputs', ...path, 'CleanUpCancelled']);
    }
  });

  it('starts each attempt from a clean state: a failure step never reads the previous attempt reason', async () => {
    let attempt = 0;
    const failures: Json[] = [];
    const { execution } = runWith(
      {
        PrepareAttempt: () => ({ ...(prepareAttempt({}) as Json), attempt: ++attempt }),
        RunDealer: () => {
          if (attempt === 2)
            throw Object.assign(new Error('RunTask failed: no capacity'), { name: 'States.TaskFailed' });
        },
        CheckJob: () => ({
          state: attempt === 1 ? 'FAILED' : 'DONE',
          reason: 'PEER_LOST: A: gone',
          nextWaitSeconds: 1,
        }),
        RecordAttemptFailure: (input) => {
          failures.push(input.Payload as Json);
          return { retryable: true, reason: `attempt ${attempt}` };
        },
      },
      baseInput,
    );
    await execution.result;
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatchObject({ check: { value: { state: 'FAILED' } } });
    expect(failures[0]).not.toHaveProperty('error');
    expect(failures[1]).toMatchObject({
      error: { Error: 'States.TaskFailed' },
      previousFailure: { reason: 'attempt 1' },
      attempts: { left: 2 },
    });
    expect(failures[1]).not.toHaveProperty('check');
    expect(failures[1]).not.toHaveProperty('attemptFailure');
  });

  it('gives each ECS task its own network configuration and command', async () => {
    const seen: Record<string, unknown> = {};
    const capture = (name: string) => (input: Json) => void (seen[name] = input);
    const { execution } = runWith(
      {
        PrepareAttempt: prepareAttempt,
        RunDealer: capture('RunDealer'),
        StartServerB: capture('StartServerB'),
        StartServerA: capture('StartServerA'),
        CheckJob: () => ({ state: 'DONE', nextWaitSeconds: 1 }),
      },
      baseInput,
    );
    await execution.result;
    for (const [state, task, group] of [
      ['RunDealer', 'dealer', 'sg-dealer'],
      ['StartServerB', 'serverB', 'sg-b'],
      ['StartServerA', 'serverA', 'sg-a'],
    ] as const) {
      expect(seen[state]).toMatchObject({
        NetworkConfiguration: { AwsvpcConfiguration: { SecurityGroups: [group] } },
        Overrides: { ContainerOverrides: [{ Name: task }] },
      });
    }
  });

  it('retries a failed attempt and succeeds on the next', async () => {
    let attempt = 0;
    const { execution, visited } = runWith(
      {
        PrepareAttempt: () => ({ ...(prepareAttempt({}) as Json), attempt: ++attempt }),
        CheckJob: () => ({ state: attempt === 1 ? 'FAILED' : 'DONE', nextWaitSeconds: 1 }),
        RecordAttemptFailure: () => ({ retryable: true }),
      },
      baseInput,
    );
    await execution.result;
    expect(visited.filter((s) => s === 'PrepareAttempt')).toHaveLength(2);
    expect(visited).toContain('PublishResult');
  });

  it('expires at the deadline when fewer than the minimum inputs arrived', async () => {
    const { execution, visited } = runWith(
      {
        // The token is never released: the state's TimeoutSecondsPath ends the wait.
        AwaitInputs: () => new Promise(() => undefined),
        CheckMinimum: () => ({ enough: false }),
      },
      { ...baseInput, inputWindowSeconds: 1 },
    );
    await execution.result;
    expect(visited).toEqual(['AwaitInputs', 'CheckMinimum', 'Expire']);
  });

  it('computes at the deadline when the minimum but not all inputs arrived', async () => {
    const { execution, visited } = runWith(
      {
        AwaitInputs: () => new Promise(() => undefined),
        CheckMinimum: () => ({ enough: true }),
        PrepareAttempt: prepareAttempt,
        CheckJob: () => ({ state: 'DONE', nextWaitSeconds: 1 }),
      },
      { ...baseInput, inputWindowSeconds: 1 },
    );
    await execution.result;
    expect(visited.slice(0, 3)).toEqual(['AwaitInputs', 'CheckMinimum', 'CloseInputs']);
    expect(visited).toContain('CleanUp');
  });
  describe('a sharded job', () => {
    const shards = [0, 1, 2].map((index) => ({
      jobId: `job-1-shard-${index}`,
      dealerCommand: ['--job', `job-1-shard-${index}`],
      serverBCommand: ['--party', 'B', '--job', `job-1-shard-${index}`],
      serverACommand: ['--party', 'A', '--job', `job-1-shard-${index}`],
    }));
    const prepareSharded: StepFn = () => ({ ...(prepareAttempt({}) as Json), shards });
    const jobOf = (input: Json) => ((input.Payload as Json).job as Json).jobId as string;

    it('names every state once across the machine, shard states included', () => {
      const names = allStates(loadDefinition(substitutions)).map(([name]) => name);
      expect(new Set(names).size).toBe(names.length);
      expect(names).toEqual(expect.arrayContaining(['RunShards', 'RunShardDealer', 'CheckShard']));
    });

    it('runs each part on its own dealer and servers until DONE, then the combine job as an unsharded one', async () => {
      const commands: string[][] = [];
      const polls = new Map<string, number>();
      const order: string[] = [];
      const capture = (input: Json) =>
        void commands.push(
          (input.Overrides as { ContainerOverrides: { Command: string[] }[] }).ContainerOverrides[0]!.Command,
        );
      const { execution, visited } = runWith(
        {
          PrepareAttempt: prepareSharded,
          RunShardDealer: capture,
          StartShardServerB: capture,
          StartShardServerA: capture,
          CheckShard: (input) => {
            const jobId = jobOf(input);
            polls.set(jobId, (polls.get(jobId) ?? 0) + 1);
            const done = polls.get(jobId)! >= 2;
            if (done) order.push(jobId);
            return { state: done ? 'DONE' : 'RUNNING', nextWaitSeconds: 1 };
          },
          RunDealer: capture,
          CheckJob: (input) => {
            order.push(jobOf(input));
            return { state: 'DONE', nextWaitSeconds: 1 };
          },
        },
        baseInput,
      );
      const output = (await execution.result) as Json;
      for (const shard of shards)
        expect(commands).toEqual(
          expect.arrayContaining([shard.dealerCommand, shard.serverBCommand, shard.serverACommand]),
        );
      expect(visited.filter((s) => s === 'RunShardDealer')).toHaveLength(3);
      expect(visited.filter((s) => s === 'CheckShard')).toHaveLength(6);
      // The combine job starts once every part is DONE, from the state PrepareAttempt left.
      expect(order.slice(0, 3).sort()).toEqual(shards.map((shard) => shard.jobId));
      expect(order[3]).toBe('job-1');
      expect(commands.at(-1)).toEqual(['--job', 'job-1']);
      expect(visited).toContain('PublishResult');
      expect(output).not.toHaveProperty('check.value.state', 'RUNNING');
      expect((output.job as Json).value).toMatchObject({ jobId: 'job-1', shards });
    });

    it('leaves an unsharded job on the old path when shards is empty', async () => {
      const { execution, visited } = runWith(
        {
          PrepareAttempt: () => ({ ...(prepareAttempt({}) as Json), shards: [] }),
          CheckJob: () => ({ state: 'DONE', nextWaitSeconds: 1 }),
        },
        baseInput,
      );
      await execution.result;
      expect(visited).not.toContain('RunShardDealer');
      expect(visited).toContain('PublishResult');
    });

    it("fails the attempt with the shard's reason after stopping its tasks, and retries with new jobs", async () => {
      let attempt = 0;
      const stopped: Json[] = [];
      const failures: Json[] = [];
      const { execution, visited } = runWith(
        {
          PrepareAttempt: () => ({ ...(prepareSharded({}) as Json), attempt: ++attempt }),
          CheckShard: (input) => ({
            state: attempt === 1 && jobOf(input) === 'job-1-shard-1' ? 'FAILED' : 'DONE',
            reason: 'BAD_INPUT: B: share does not open',
            nextWaitSeconds: 1,
          }),
          CheckJob: () => ({ state: 'DONE', nextWaitSeconds: 1 }),
          StopShard: (input) => {
            stopped.push(input.Payload as Json);
            return { retryable: true, reason: 'PEER_LOST: A: peer link lost' };
          },
          RecordAttemptFailure: (input) => {
            failures.push(input.Payload as Json);
            return { retryable: true, reason: 'shard failed' };
          },
        },
        baseInput,
      );
      await execution.result;
      expect(stopped).toHaveLength(1);
      expect(stopped[0]).toMatchObject({
        shard: 1,
        job: { value: { jobId: 'job-1-shard-1' } },
        tasks: { dealer: { taskArn: expect.stringMatching(/RunShardDealer\/job-1-shard-1$/) } },
        check: { value: { state: 'FAILED' } },
      });
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({
        error: { Error: 'ShardFailed', Cause: 'shard 1 (job-1-shard-1): PEER_LOST: A: peer link lost' },
        job: { value: { jobId: 'job-1' } },
      });
      // The failed attempt's combine job never ran: its tasks are not in the state.
      expect(failures[0]).not.toHaveProperty('tasks');
      expect(visited.filter((s) => s === 'PrepareAttempt')).toHaveLength(2);
      expect(visited).toContain('PublishResult');
    });

    it('bounds a part that never finishes by its own poll budget', async () => {
      const stopped: Json[] = [];
      const { execution } = runWith(
        {
          PrepareAttempt: () => ({ ...(prepareSharded({}) as Json), attempt: 1 }),
          CheckShard: (input) => ({
            state: jobOf(input) === 'job-1-shard-0' ? 'RUNNING' : 'DONE',
            nextWaitSeconds: 1,
          }),
          StopShard: (input) => {
            stopped.push(input.Payload as Json);
            return { retryable: true, reason: 'POLL_BUDGET_EXHAUSTED: the job did not finish in time' };
          },
          RecordAttemptFailure: () => ({ retryable: false }),
          CleanUp: () => ({ status: 'FAILED', deletedObjects: 0 }),
        },
        { ...baseInput, retentionSeconds: 1 },
      );
      await execution.result;
      expect(stopped).toHaveLength(1);
      expect(stopped[0]).toMatchObject({
        job: { value: { jobId: 'job-1-shard-0', poll: { pollsLeft: 1 } } },
      });
    });
  });
});
