import { describe, expect, it } from 'vitest';
import type { WorkflowStepHandler } from '../../../../lambdas/handlers/workflow/workflow-step.ts';
import { workflowStepHandlers } from '../../../../lambdas/handlers/workflow/registry.ts';
import { LocalComputeLauncher } from '../../../../local/compute/local-compute-launcher.ts';
import { definitionPlaceholders } from '../../../../workflow/definition.ts';
import {
  LocalWorkflowRunner,
  MAX_LOCAL_WAIT_SECONDS,
} from '../../../../local/workflow/local-workflow-runner.ts';

const launcher = new LocalComputeLauncher({
  baseEnv: {},
  containerEnv: { dealer: {}, serverA: {}, serverB: {} },
});

/** Step handlers that record calls; the waits are released by the test through the runner's port. */
function recordingSteps() {
  const calls: { step: string; payload: Record<string, unknown> }[] = [];
  const steps = Object.fromEntries(
    Object.keys(workflowStepHandlers).map((step) => [
      step,
      async (): Promise<WorkflowStepHandler> => async (payload) => {
        calls.push({ step, payload });
        return step === 'CheckMinimum' ? { enough: false } : {};
      },
    ]),
  );
  return { calls, steps };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('local workflow runner', () => {
  it('has a handler for every step placeholder of the definition', () => {
    const steps = definitionPlaceholders()
      .filter((name) => name.endsWith('FunctionArn'))
      .map((name) => name.replace(/FunctionArn$/, ''));
    expect(Object.keys(workflowStepHandlers).sort()).toEqual(steps.sort());
  });

  it('clamps waits past the Node timer limit instead of timing out at once', async () => {
    const { calls, steps } = recordingSteps();
    const runner = new LocalWorkflowRunner({ stepHandlers: steps, launcher });
    await runner.start({
      collaborationId: 'c-1',
      inputWindowSeconds: 400 * 24 * 3600,
      retentionSeconds: 60,
      attempts: { left: 1 },
    });
    await until(() => calls.length > 0);
    const stored = calls.find((call) => call.step === 'StoreInputToken');
    expect(stored?.payload.timeoutSeconds).toBe(MAX_LOCAL_WAIT_SECONDS);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Unclamped, the overflowing timer would have fired within a millisecond and gone on to CheckMinimum.
    expect(calls.map((call) => call.step)).toEqual(['StoreInputToken']);
    expect(runner.execution('c-1')?.status).toBe('RUNNING');
    runner.close();
  });

  it('starts one execution per collaboration; at the deadline it expires and the wait token dies', async () => {
    const { calls, steps } = recordingSteps();
    const runner = new LocalWorkflowRunner({ stepHandlers: steps, launcher });
    const request = () => ({
      collaborationId: 'c-2',
      inputWindowSeconds: 1,
      retentionSeconds: 60,
      attempts: { left: 1 },
    });
    expect(await runner.start(request())).toBe('started');
    expect(await runner.start(request())).toBe('already-started');
    await runner.execution('c-2')!.result;
    expect(calls.map((call) => call.step)).toEqual(['StoreInputToken', 'CheckMinimum', 'Expire']);
    const token = calls[0]!.payload.taskToken as string;
    expect(token).toMatch(/^local-task-token-/);
    // After the timeout the token is dead, as on AWS.
    expect(await runner.sendTaskSuccess(token, {})).toBe(false);
    // ArmInputDeadline, AwaitInputs, CheckMinimum, EnoughInputs, Expire, Expired.
    expect(runner.stateTransitions('c-2')).toBe(6);
  });

  it('endWaits times out the open callback wait now, as its deadline would', async () => {
    const { calls, steps } = recordingSteps();
    const runner = new LocalWorkflowRunner({ stepHandlers: steps, launcher });
    expect(runner.endWaits('c-3')).toBe(0);
    await runner.start({
      collaborationId: 'c-3',
      inputWindowSeconds: 3600,
      retentionSeconds: 60,
      attempts: { left: 1 },
    });
    await until(() => calls.length > 0);
    expect(runner.endWaits('c-3')).toBe(1);
    await runner.execution('c-3')!.result;
    expect(calls.map((call) => call.step)).toEqual(['StoreInputToken', 'CheckMinimum', 'Expire']);
    expect(runner.endWaits('c-3')).toBe(0);
  });
});
