import { describe, expect, it } from 'vitest';
import { InMemoryJobStatusStore } from '../../../../contract/job/in-memory-job-status-store.ts';
import { DealerProgress } from '../../../../mpc-servers/runtime/dealer-progress.ts';

/** Resolves `waiting` only after the dealer's next report, never before. */
async function settlesAfter(waiting: Promise<void>, report: () => Promise<unknown>): Promise<void> {
  let settled = false;
  const watched = waiting.then(
    () => void (settled = true),
    () => void (settled = true),
  );
  await new Promise((done) => setTimeout(done, 60));
  expect(settled).toBe(false);
  await report();
  await watched;
}

describe('DealerProgress: a server waits for the dealer running beside it', () => {
  it('lets chunk c be read only once the dealer reported c + 1 of its chunks written', async () => {
    const status = new InMemoryJobStatusStore();
    const progress = new DealerProgress(status, 'j1', 4);
    await status.report('j1', 'DEALER', { state: 'RUNNING', progress: 0, phase: 'reading the job' });
    await settlesAfter(progress.manifestWritten(), () =>
      status.report('j1', 'DEALER', { state: 'RUNNING', progress: 1 / 4 }),
    );
    await expect(progress.chunkWritten(0)).resolves.toBeUndefined();
    await settlesAfter(progress.chunkWritten(2), () =>
      status.report('j1', 'DEALER', { state: 'RUNNING', progress: 3 / 4 }),
    );
    await settlesAfter(progress.chunkWritten(3), () => status.report('j1', 'DEALER', { state: 'DONE' }));
  });

  it('waits for a dealer that has not reported yet', async () => {
    const status = new InMemoryJobStatusStore();
    const progress = new DealerProgress(status, 'j2', 2);
    await settlesAfter(progress.chunkWritten(1), () => status.report('j2', 'DEALER', { state: 'DONE' }));
  });

  it('fails with the dealer reason code when the dealer failed', async () => {
    const status = new InMemoryJobStatusStore();
    const progress = new DealerProgress(status, 'j3', 3);
    await status.report('j3', 'DEALER', { state: 'RUNNING', progress: 1 / 3 });
    const waiting = progress.chunkWritten(1);
    await status.report('j3', 'DEALER', { state: 'FAILED', reasonCode: 'NO_PROGRESS', message: 'stalled' });
    await expect(waiting).rejects.toMatchObject({
      code: 'DEALER_MATERIAL_MISSING',
      message: 'the dealer failed before writing chunk 2 of 3 (NO_PROGRESS)',
    });
  });

  it('gives up when the dealer report does not move for the silence bound', async () => {
    const status = new InMemoryJobStatusStore();
    const progress = new DealerProgress(status, 'j4', 3, { silenceMs: 100 });
    await status.report('j4', 'DEALER', { state: 'RUNNING', progress: 1 / 3 });
    await expect(progress.chunkWritten(1)).rejects.toMatchObject({
      code: 'DEALER_MATERIAL_MISSING',
      message: expect.stringContaining('waiting for chunk 2 of 3'),
    });
  });
});
