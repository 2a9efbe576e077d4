import { availableParallelism } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { environmentFrom, workerThreadsFrom } from '../../../../mpc-servers/runtime/environment.ts';
import { JobFailure } from '../../../../mpc-servers/runtime/failure.ts';
import { setWorkerThreads, workerThreads } from '../../../../mpc-servers/engine/worker-pool.ts';
import { InMemoryJobStatusStore } from '../../../../contract/job/in-memory-job-status-store.ts';

const before = workerThreads();
afterAll(() => setWorkerThreads(before));

describe('MPC_WORKER_THREADS', () => {
  it('is a thread count, the machine parallelism when unset', () => {
    expect(workerThreadsFrom({ MPC_WORKER_THREADS: '2' })).toBe(2);
    expect(workerThreadsFrom({ MPC_WORKER_THREADS: '' })).toBe(availableParallelism());
    expect(workerThreadsFrom({})).toBe(availableParallelism());
  });

  it('refuses anything else as a configuration failure, before any store is opened', () => {
    for (const value of ['0', 'many', '2.5']) {
      const error = (() => {
        try {
          environmentFrom({ MPC_WORKER_THREADS: value }, new InMemoryJobStatusStore());
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(JobFailure);
      expect(error).toMatchObject({ code: 'CONFIGURATION' });
      expect((error as Error).message).toContain('MPC_WORKER_THREADS must be an integer from 1 to 64');
    }
  });

  it('sets the pool of the process that reads it', () => {
    environmentFrom(
      { MPC_WORKER_THREADS: '3', INPUT_BUCKET: 'in', RESULT_BUCKET: 'out' },
      new InMemoryJobStatusStore(),
    );
    expect(workerThreads()).toBe(3);
  });
});
