// The behaviour every JobStatusStore adapter must show; run against the in-memory store (unit) and
// DynamoDB Local (integration). `makeStore` gets a clock the test moves.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { JobStatusStore } from '../../../../contract/job/job-status.ts';

export interface TestClock {
  now: Date;
  advance(ms: number): void;
}

export function describeJobStatusStoreContract(
  name: string,
  makeStore: (clock: () => Date) => JobStatusStore,
): void {
  function setup(): { store: JobStatusStore; clock: TestClock; jobId: string } {
    const clock: TestClock = {
      now: new Date('2026-01-01T00:00:00.000Z'),
      advance(ms) {
        this.now = new Date(this.now.getTime() + ms);
      },
    };
    return { store: makeStore(() => clock.now), clock, jobId: `job-${randomUUID()}` };
  }

  describe(`JobStatusStore contract: ${name}`, () => {
    it('is PENDING before anyone reports, then RUNNING with mean progress, then DONE when all three are', async () => {
      const { store, jobId } = setup();
      expect((await store.getJobStatus(jobId)).overall).toBe('PENDING');
      await store.report(jobId, 'DEALER', { state: 'DONE' });
      await store.report(jobId, 'B', { state: 'RUNNING', progress: 0.5 });
      const running = await store.getJobStatus(jobId);
      expect(running.overall).toBe('RUNNING');
      expect(running.progress).toBeCloseTo(0.5);
      expect(running.parties.B).toMatchObject({ state: 'RUNNING', progress: 0.5 });
      await store.report(jobId, 'A', { state: 'DONE' });
      await store.report(jobId, 'B', { state: 'DONE' });
      const done = await store.getJobStatus(jobId);
      expect(done.overall).toBe('DONE');
      expect(done.progress).toBe(1);
    });

    it('never lets a late RUNNING (or any report) overwrite DONE or FAILED', async () => {
      const { store, jobId } = setup();
      expect(await store.report(jobId, 'A', { state: 'RUNNING', progress: 0.9 })).toEqual({ applied: true });
      expect(await store.report(jobId, 'A', { state: 'DONE' })).toEqual({ applied: true });
      expect(await store.report(jobId, 'A', { state: 'RUNNING', progress: 0.95 })).toEqual({
        applied: false,
      });
      expect(await store.report(jobId, 'A', { state: 'FAILED', reasonCode: 'LATE', message: 'x' })).toEqual({
        applied: false,
      });
      await store.report(jobId, 'B', {
        state: 'FAILED',
        reasonCode: 'PEER_LINK_LOST',
        message: 'A went away',
      });
      expect(await store.report(jobId, 'B', { state: 'RUNNING', progress: 0.1 })).toEqual({ applied: false });
      const status = await store.getJobStatus(jobId);
      expect(status.parties.A?.state).toBe('DONE');
      expect(status.parties.B?.state).toBe('FAILED');
    });

    it('keeps the terminal state when RUNNING and DONE race', async () => {
      const { store, jobId } = setup();
      await Promise.all([
        ...Array.from({ length: 10 }, (_, i) =>
          store.report(jobId, 'B', { state: 'RUNNING', progress: i / 10 }),
        ),
        store.report(jobId, 'B', { state: 'DONE' }),
        ...Array.from({ length: 10 }, () => store.report(jobId, 'B', { state: 'RUNNING', progress: 1 })),
      ]);
      expect((await store.getJobStatus(jobId)).parties.B?.state).toBe('DONE');
    });

    it('reports a failure with its reason, message and failed inputs, first failure first', async () => {
      const { store, clock, jobId } = setup();
      await store.report(jobId, 'B', {
        state: 'FAILED',
        reasonCode: 'INPUT_SHARE_DOES_NOT_OPEN',
        message: 'input i-2 does not open',
        failedInputIds: ['i-2', 'i-7'],
      });
      clock.advance(1_000);
      await store.report(jobId, 'A', { state: 'FAILED', reasonCode: 'PEER_LINK_LOST', message: 'B closed' });
      const status = await store.getJobStatus(jobId);
      expect(status.overall).toBe('FAILED');
      expect(status.failures.map((failure) => failure.party)).toEqual(['B', 'A']);
      expect(status.failures[0]).toMatchObject({
        reasonCode: 'INPUT_SHARE_DOES_NOT_OPEN',
        message: 'input i-2 does not open',
        failedInputIds: ['i-2', 'i-7'],
      });
    });

    it('flags a RUNNING party whose heartbeat went stale, and a heartbeat clears it', async () => {
      const { store, clock, jobId } = setup();
      await store.report(jobId, 'A', { state: 'RUNNING', progress: 0.2 });
      await store.report(jobId, 'DEALER', { state: 'DONE' });
      clock.advance(90_000);
      expect((await store.getJobStatus(jobId, { staleAfterMs: 60_000 })).staleParties).toEqual(['A']);
      await store.heartbeat(jobId, 'A');
      await store.heartbeat(jobId, 'DEALER'); // no effect on a terminal state
      const status = await store.getJobStatus(jobId, { staleAfterMs: 60_000 });
      expect(status.staleParties).toEqual([]);
      expect(status.parties.A?.heartbeatAt).toBe(clock.now.toISOString());
      expect(status.parties.A?.updatedAt).toBe('2026-01-01T00:00:00.000Z');
    });

    it('keeps the phase a RUNNING party names, cut to a bounded length, and only with the report naming it', async () => {
      const { store, jobId } = setup();
      await store.report(jobId, 'B', {
        state: 'RUNNING',
        progress: 0,
        phase: 'waiting for peer A on port 4100',
      });
      expect((await store.getJobStatus(jobId)).parties.B).toMatchObject({
        state: 'RUNNING',
        phase: 'waiting for peer A on port 4100',
      });
      await store.report(jobId, 'A', { state: 'RUNNING', progress: 0.5, phase: 'x'.repeat(500) });
      expect((await store.getJobStatus(jobId)).parties.A).toMatchObject({ phase: 'x'.repeat(200) });
      await store.report(jobId, 'B', { state: 'RUNNING', progress: 0.1 });
      expect((await store.getJobStatus(jobId)).parties.B).not.toHaveProperty('phase');
    });

    it('refuses invalid states', async () => {
      const { store, jobId } = setup();
      await expect(store.report(jobId, 'A', { state: 'RUNNING', progress: 1.5 })).rejects.toThrow(RangeError);
      await expect(
        store.report(jobId, 'A', { state: 'FAILED', reasonCode: 'bad code', message: '' }),
      ).rejects.toThrow(RangeError);
    });
  });
}
