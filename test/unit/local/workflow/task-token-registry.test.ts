import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { TaskTokenRegistry } from '../../../../local/workflow/task-token-registry.ts';
import { captureUnhandledRejections } from '../../../support/unhandled-rejections.ts';

describe('local task tokens', () => {
  it('a wait ended before its state awaits it is no unhandled rejection, and the state still sees the timeout', async () => {
    const unhandled = captureUnhandledRejections();
    try {
      const registry = new TaskTokenRegistry();
      const { taskToken, output } = registry.register('collaboration-1', 60_000);
      // The state is still handing its token out (e.g. the StoreFinishToken Lambda runs) when retention ends.
      expect(registry.timeOut('collaboration-1')).toBe(1);
      await nextTurn();
      await nextTurn();
      expect(unhandled.reasons).toEqual([]);
      await expect(output).rejects.toMatchObject({ name: 'States.Timeout' });
      expect(registry.succeed(taskToken, {})).toBe(false);
    } finally {
      unhandled.stop();
    }
  });

  it('a token is single-use: the first answer wins, later ones are refused', async () => {
    const registry = new TaskTokenRegistry();
    const { taskToken, output } = registry.register('collaboration-2', 60_000);
    expect(registry.succeed(taskToken, { quorum: true })).toBe(true);
    expect(registry.fail(taskToken, new Error('late'))).toBe(false);
    await expect(output).resolves.toEqual({ quorum: true });
  });
});
