import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { ComputationSpec } from '../../../../contract/analysis/analysis-spec.ts';
import { compileProgram } from '../../../../mpc-servers/analyses/program.ts';
import {
  chunkMaterialRequests,
  dealerChunks,
  plannedChunksInParallel,
} from '../../../../mpc-servers/dealer/dealer-plan.ts';
import { setWorkerThreads, workerThreads } from '../../../../mpc-servers/engine/worker-pool.ts';

/** Chunks made by worker threads are the single-thread dealer's, byte for byte and in order. */
const spec: ComputationSpec = {
  fields: [
    { name: 'x', type: 'int', min: 0, max: 1000 },
    { name: 'y', type: 'int', min: -50, max: 50 },
  ],
  analyses: [
    { kind: 'mean', field: 'x' },
    { kind: 'variance', field: 'y' },
    { kind: 'histogram', field: 'x', binEdges: [100, 500] },
    { kind: 'min', field: 'y' },
    { kind: 'quantile', field: 'x', p: 0.5 },
  ],
};

const before = workerThreads();
afterAll(() => setWorkerThreads(before));

describe('dealer chunks on worker threads', () => {
  it('equal the single-thread chunks for the same seeds, with 2 and 3 threads', async () => {
    const program = compileProgram(spec, 3000, { chunkRows: 1024 });
    expect(program.chunkCount).toBeGreaterThan(3);
    const seeds = { A: randomBytes(16), B: randomBytes(16) };
    const dealerSeed = randomBytes(16);
    const single = [...dealerChunks(program, seeds, dealerSeed)];
    const requestsOf = (chunk: number) => chunkMaterialRequests(program, chunk);
    for (const threads of [2, 3]) {
      setWorkerThreads(threads);
      const parallel = [];
      for await (const material of plannedChunksInParallel(program.chunkCount, requestsOf, seeds, dealerSeed))
        parallel.push(material);
      expect(parallel.length).toBe(single.length);
      parallel.forEach((material, chunk) => {
        expect(Buffer.from(material.A).equals(Buffer.from(single[chunk]!.A))).toBe(true);
        expect(Buffer.from(material.B).equals(Buffer.from(single[chunk]!.B))).toBe(true);
      });
    }
  });

  it('keep at most as many chunks in making as there are threads while the caller holds one', async () => {
    setWorkerThreads(2);
    const seeds = { A: randomBytes(16), B: randomBytes(16) };
    let asked = 0;
    const requestsOf = () => {
      asked++;
      return [{ kind: 'triple' as const, count: 64 }];
    };
    let held = 0;
    for await (const material of plannedChunksInParallel(9, requestsOf, seeds, randomBytes(16), 3)) {
      held++;
      expect(material.B.byteLength).toBeGreaterThan(0);
      // Chunks asked for and not yet handed over: at most the three being made.
      expect(asked - held).toBeLessThanOrEqual(3);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect([asked, held]).toEqual([9, 9]);
  });

  it('draw the comparison masks from the dealer seed: another seed, other material', () => {
    const program = compileProgram(spec, 100);
    const seeds = { A: randomBytes(16), B: randomBytes(16) };
    // The row chunks' boolean material comes from the parties' seeds alone; the quantile's chunks hold keys.
    const first = [...dealerChunks(program, seeds, randomBytes(16))].map((chunk) => Buffer.from(chunk.B));
    const second = [...dealerChunks(program, seeds, randomBytes(16))].map((chunk) => Buffer.from(chunk.B));
    expect(first.some((blob, chunk) => !blob.equals(second[chunk]!))).toBe(true);
  });

  it('report a worker failure as the chunk error', async () => {
    setWorkerThreads(2);
    const seeds = { A: randomBytes(16), B: randomBytes(16) };
    const broken = plannedChunksInParallel(2, () => [{ kind: 'triple', count: -1 }], seeds, randomBytes(16));
    await expect(broken.next()).rejects.toThrow();
  });
});
