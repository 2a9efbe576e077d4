import './promise-with-resolvers.ts';
import { StateMachine, type RunOptions, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { WorkflowStepHandler } from '../../lambdas/handlers/workflow/workflow-step.ts';
import type {
  CollaborationWorkflow,
  WorkflowExecutionInput,
} from '../../lambdas/ports/collaboration-workflow.ts';
import type { ComputeTaskName } from '../../contract/job/compute-tasks.ts';
import type { LocalComputeLauncher } from '../compute/local-compute-launcher.ts';
import {
  allStates,
  definitionPlaceholders,
  loadDefinition,
  type AslDefinition,
} from '../../workflow/definition.ts';
import { TaskTokenRegistry } from './task-token-registry.ts';

type Json = Record<string, unknown>;
type EventLog = ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;
type LocalHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;

/** Node timers overflow past 2^31 - 1 ms (24.8 days) and then fire at once: long waits are clamped. */
export const MAX_LOCAL_WAIT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

const LOCAL_FUNCTION_ARN = 'arn:aws:lambda:local:000000000000:function:';

export interface LocalWorkflowOptions {
  stepHandlers: Record<string, () => Promise<WorkflowStepHandler>>;
  launcher: LocalComputeLauncher;
  /**
   * Milliseconds of each Wait state (the definition's waits are for AWS); the poll waits (WaitBeforeCheck and
   * a shard's WaitBeforeShardCheck) default to 250.
   */
  waitOverridesMs?: Record<string, number>;
  /** Milliseconds between a state's retries (default 100). */
  retryIntervalMs?: number;
  log?: (message: string) => void;
}

/** One execution as the local runner keeps it: its result and its event log. */
export interface LocalExecution {
  collaborationId: string;
  startedAt: number;
  result: Promise<unknown>;
  events: EventLog[];
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  abort(): void;
}

/**
 * Runs `workflow/collaboration.asl.json` with aws-local-stepfunctions: Lambda tasks call the in-process
 * step handlers (answers wrapped as `{ Payload }`), callback waits use a local task-token registry that this
 * class releases as the CollaborationWorkflow port's SendTaskSuccess, and the ECS states start child
 * processes through the compute launcher.
 */
export class LocalWorkflowRunner implements CollaborationWorkflow {
  private readonly executions = new Map<string, LocalExecution>();
  private readonly tokens = new TaskTokenRegistry();
  private readonly definition: AslDefinition;

  constructor(private readonly options: LocalWorkflowOptions) {
    const substitutions = Object.fromEntries(
      definitionPlaceholders().map((name) => [
        name,
        `${LOCAL_FUNCTION_ARN}${name.replace(/FunctionArn$/, '')}`,
      ]),
    );
    this.definition = loadDefinition(substitutions);
  }

  async start(input: WorkflowExecutionInput): Promise<'started' | 'already-started'> {
    if (this.executions.has(input.collaborationId)) return 'already-started';
    const clamped: WorkflowExecutionInput = {
      ...input,
      inputWindowSeconds: Math.min(input.inputWindowSeconds, MAX_LOCAL_WAIT_SECONDS),
      retentionSeconds: Math.min(input.retentionSeconds, MAX_LOCAL_WAIT_SECONDS),
    };
    const machine = new StateMachine(this.definition as unknown as StateMachineDefinition, {
      validationOptions: { checkArn: false },
    });
    const run = machine.run(clamped as unknown as Parameters<StateMachine['run']>[0], {
      overrides: {
        taskResourceLocalHandlers: this.taskHandlers(input.collaborationId),
        waitTimeOverrides: {
          WaitBeforeCheck: 250,
          WaitBeforeShardCheck: 250,
          ...this.options.waitOverridesMs,
        },
        retryIntervalOverrides: this.retryOverrides(),
      },
      // The token of each callback wait is made per state by invokeAndWait; this one only satisfies $$.Task.Token.
      context: {
        Execution: { Id: input.collaborationId, Name: input.collaborationId },
        Task: { Token: 'replaced-per-wait' },
      },
    });
    const execution: LocalExecution = {
      collaborationId: input.collaborationId,
      startedAt: Date.now(),
      result: run.result,
      events: [],
      status: 'RUNNING',
      abort: run.abort,
    };
    this.executions.set(input.collaborationId, execution);
    void (async () => {
      for await (const event of run.eventLogs) execution.events.push(event);
    })().catch(() => undefined);
    // Its callback tokens die with the execution, as on AWS.
    run.result.finally(() => this.tokens.forget(input.collaborationId)).catch(() => undefined);
    run.result.then(
      () => {
        execution.status = 'SUCCEEDED';
        this.options.log?.(`workflow ${input.collaborationId}: succeeded`);
      },
      (error: unknown) => {
        execution.status = execution.status === 'ABORTED' ? 'ABORTED' : 'FAILED';
        this.options.log?.(`workflow ${input.collaborationId}: ${execution.status} ${String(error)}`);
      },
    );
    return 'started';
  }

  async sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<boolean> {
    return this.tokens.succeed(taskToken, output);
  }

  /**
   * Times out the execution's open callback wait now instead of at its deadline or retention end, as if that
   * time had passed (a local run does not wait days); how many waits it ended (0: none open yet).
   */
  endWaits(collaborationId: string): number {
    return this.tokens.timeOut(collaborationId);
  }

  execution(collaborationId: string): LocalExecution | undefined {
    return this.executions.get(collaborationId);
  }

  /** State transitions of an execution (what Step Functions Standard bills): states entered. */
  stateTransitions(collaborationId: string): number {
    return (
      this.executions.get(collaborationId)?.events.filter((event) => event.type === 'StateEntered').length ??
      0
    );
  }

  /** Stops every execution and releases every wait; children are the launcher's to stop. */
  close(): void {
    for (const execution of this.executions.values()) {
      if (execution.status !== 'RUNNING') continue;
      execution.status = 'ABORTED';
      execution.abort();
    }
    this.tokens.failAll(new Error('the local workflow runner stopped'));
  }

  private taskHandlers(collaborationId: string): LocalHandlers {
    const handlers: Record<string, (input: Json) => Promise<unknown>> = {};
    for (const [name, state] of allStates(this.definition)) {
      if (state.Type !== 'Task') continue;
      const resource = state.Resource ?? '';
      if (resource === 'arn:aws:states:::lambda:invoke') handlers[name] = (input) => this.invoke(input);
      else if (resource === 'arn:aws:states:::lambda:invoke.waitForTaskToken')
        handlers[name] = (input) => this.invokeAndWait(input, collaborationId);
      else if (resource === 'arn:aws:states:::ecs:runTask.sync')
        handlers[name] = (input) => this.runTask(input, true);
      else if (resource === 'arn:aws:states:::ecs:runTask')
        handlers[name] = (input) => this.runTask(input, false);
      else throw new Error(`The local runner cannot run ${name} (${resource}).`);
    }
    return handlers as unknown as LocalHandlers;
  }

  private retryOverrides(): Record<string, number> {
    const interval = this.options.retryIntervalMs ?? 100;
    return Object.fromEntries(
      allStates(this.definition)
        .filter(([, state]) => Array.isArray(state.Retry))
        .map(([name]) => [name, interval]),
    );
  }

  private async stepHandler(input: Json): Promise<WorkflowStepHandler> {
    const step = String(input.FunctionName ?? '').replace(LOCAL_FUNCTION_ARN, '');
    const load = this.options.stepHandlers[step];
    if (!load) throw new Error(`No local handler for workflow step ${step}.`);
    return load();
  }

  private async invoke(input: Json): Promise<Json> {
    const handler = await this.stepHandler(input);
    return { Payload: await handler(input.Payload as Parameters<WorkflowStepHandler>[0]) };
  }

  /** `.waitForTaskToken`: the step stores the token; the state ends when someone sends task success. */
  private async invokeAndWait(input: Json, collaborationId: string): Promise<unknown> {
    const handler = await this.stepHandler(input);
    const payload = input.Payload as Json;
    const timeoutSeconds = Number(payload.timeoutSeconds ?? MAX_LOCAL_WAIT_SECONDS);
    const { taskToken, output } = this.tokens.register(
      collaborationId,
      Math.min(timeoutSeconds, MAX_LOCAL_WAIT_SECONDS) * 1000,
    );
    try {
      await handler({ ...payload, taskToken } as unknown as Parameters<WorkflowStepHandler>[0]);
    } catch (error) {
      // Nobody waits on this token's output: left open, a later failAll would reject it unobserved.
      this.tokens.discard(taskToken);
      throw error;
    }
    return output;
  }

  private async runTask(input: Json, waitForStop: boolean): Promise<Json> {
    const override = (
      input.Overrides as { ContainerOverrides?: { Name: ComputeTaskName; Command: string[] }[] }
    )?.ContainerOverrides?.[0];
    if (!override) throw new Error('runTask without a container override');
    const { taskArn } = waitForStop
      ? await this.options.launcher.run(override.Name, override.Command)
      : this.options.launcher.start(override.Name, override.Command);
    return { Tasks: [{ TaskArn: taskArn, LastStatus: waitForStop ? 'STOPPED' : 'PROVISIONING' }] };
  }
}
