import { describe, expect, it } from 'vitest';
import type { WorkflowStepHandler } from '../../../../lambdas/handlers/workflow/workflow-step.ts';
import { workflowStepHandlers } from '../../../../lambdas/handlers/workflow/registry.ts';
import { LocalComputeLauncher } from '../../../../local/compute/local-compute-launcher.ts';
import { LocalWorkflowRunner } from '../../../../local/workflow/local-workflow-runner.ts';
import { captureUnhandledRejections } from '../../../support/unhandled-rejections.ts';

const launcher = new LocalComputeLauncher({
  baseEnv: {},
  containerEnv: { dealer: {}, serverA: {}, serverB: {} },
});

describe('local workflow runner: a callback step that fails', () => {
  it('drops its task token, so it is refused and stopping the runner rejects nothing unobserved', async () => {
    const unhandled = captureUnhandledRejections();
    let storedToken: string | undefined;
    let markFailedReached!: () => void;
    const reachedMarkFailed = new Promise<void>((resolve) => (markFailedReached = resolve));
    const steps: Record<string, () => Promise<WorkflowStepHandler>> = Object.fromEntries(
      Object.keys(workflowStepHandlers).map((step) => [
        step,
        async (): Promise<WorkflowStepHandler> => async (payload) => {
          if (step === 'StoreInputToken') {
            storedToken = (payload as { taskToken?: string }).taskToken;
            throw new Error('token table unavailable');
          }
          // Keeps the execution running (Catch went to MarkFailed) while the test looks at the token.
          if (step === 'MarkFailed') {
            markFailedReached();
            return new Promise(() => undefined);
          }
          return {};
        },
      ]),
    );
    const runner = new LocalWorkflowRunner({ stepHandlers: steps, launcher });
    try {
      await runner.start({
        collaborationId: 'c-fail',
        inputWindowSeconds: 60,
        retentionSeconds: 60,
        attempts: { left: 1 },
      });
      await reachedMarkFailed;
      expect(storedToken).toMatch(/^local-task-token-/);
      expect(runner.execution('c-fail')?.status).toBe('RUNNING');
      expect(await runner.sendTaskSuccess(storedToken!, {})).toBe(false);
      runner.close();
      await runner.execution('c-fail')!.result.catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled.reasons).toEqual([]);
    } finally {
      runner.close();
      unhandled.stop();
    }
  });
});
