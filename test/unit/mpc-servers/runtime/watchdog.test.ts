import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobFailure } from '../../../../mpc-servers/runtime/failure.ts';
import { Watchdog } from '../../../../mpc-servers/runtime/watchdog.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('watchdog', () => {
  it('bounds each step, not the whole work: steps that keep coming in time never stall it', async () => {
    vi.useFakeTimers();
    const watchdog = new Watchdog('the dealer');
    let stalled: unknown;
    watchdog.stalled.catch((error: unknown) => (stalled = error));
    for (let step = 0; step < 10; step++) {
      watchdog.progress(`step ${step}`, 100);
      await vi.advanceTimersByTimeAsync(99);
    }
    expect(stalled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(stalled).toBeInstanceOf(JobFailure);
    expect(stalled).toMatchObject({
      code: 'NO_PROGRESS',
      message: 'the dealer made no progress for 100 ms while step 9',
    });
  });

  it('gives each step its own allowance and stays quiet once stopped', async () => {
    vi.useFakeTimers();
    const watchdog = new Watchdog('the dealer');
    let stalled: unknown;
    watchdog.stalled.catch((error: unknown) => (stalled = error));
    watchdog.progress('writing a large chunk', 1_000);
    await vi.advanceTimersByTimeAsync(900);
    watchdog.progress('reporting', 50);
    await vi.advanceTimersByTimeAsync(49);
    watchdog.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(stalled).toBeUndefined();
  });

  it('ends work abandoned after it stopped: its next step throws and arms no new timer', async () => {
    vi.useFakeTimers();
    const watchdog = new Watchdog('the dealer');
    watchdog.stop();
    expect(() => watchdog.progress('writing chunk 3', 1_000)).toThrow(
      expect.objectContaining({
        code: 'NO_PROGRESS',
        message: 'the dealer was stopped before writing chunk 3',
      }),
    );
    expect(vi.getTimerCount()).toBe(0);
  });
});
