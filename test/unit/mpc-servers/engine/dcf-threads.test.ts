import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dcfEvaluate, dcfEvaluatePair, dcfGenerate } from '../../../../mpc-servers/engine/dcf.ts';
import {
  dispatchSlices,
  MIN_KEYS_PER_THREAD,
  splitOverThreads,
} from '../../../../mpc-servers/engine/dcf-threads.ts';
import {
  parseWorkerThreads,
  setWorkerThreads,
  startWorkers,
  workerThreads,
} from '../../../../mpc-servers/engine/worker-pool.ts';
import { wordsFromBytes } from '../../../../contract/sharing/ring.ts';

/** Batched DCF evaluation split over worker threads gives, bit for bit, what one thread gives. */
const count = 2 * MIN_KEYS_PER_THREAD + 77;
const randomWords = (n: number): BigUint64Array => wordsFromBytes(randomBytes(n * 8));

const before = workerThreads();
beforeAll(async () => {
  setWorkerThreads(2);
  await startWorkers(1);
});
afterAll(() => setWorkerThreads(before));

describe('DCF evaluation on worker threads', () => {
  it('splits a batch big enough to pay and leaves small batches on the calling thread', () => {
    expect(splitOverThreads(count)).toEqual({ threads: 2, mainKeys: Math.floor(count / 2) });
    expect(splitOverThreads(2 * MIN_KEYS_PER_THREAD - 1)).toBeUndefined();
  });

  for (const bits of [64, 20]) {
    it(`matches one thread at one and two points per key (${bits}-bit keys, both parties)`, () => {
      const mask = (1n << BigInt(bits)) - 1n;
      const alpha = randomWords(count).map((a) => a & mask);
      const beta = randomWords(count);
      const x = randomWords(count).map((v, k) => (k % 5 === 0 ? alpha[k]! : v & mask));
      const y = x.map((v, k) => (v - BigInt(k % 3)) & mask);
      const { key0, key1 } = dcfGenerate(bits, alpha, beta, randomBytes(count * 16), randomBytes(count * 16));
      const outputs = (threads: number) => {
        setWorkerThreads(threads);
        return [
          dcfEvaluate(0, key0, x),
          dcfEvaluate(1, key1, x),
          ...dcfEvaluatePair(0, key0, x, y),
          ...dcfEvaluatePair(1, key1, x, y),
        ];
      };
      const single = outputs(1);
      const split = outputs(2);
      split.forEach((vector, i) =>
        expect(Buffer.from(vector.buffer).equals(Buffer.from(single[i]!.buffer))).toBe(true),
      );
      let wrong = 0;
      for (let k = 0; k < count; k++) {
        if (BigInt.asUintN(64, split[0]![k]! + split[1]![k]!) !== (x[k]! < alpha[k]! ? beta[k]! : 0n))
          wrong++;
        if (BigInt.asUintN(64, split[3]![k]! + split[5]![k]!) !== (y[k]! < alpha[k]! ? beta[k]! : 0n))
          wrong++;
      }
      expect(wrong).toBe(0);
    });
  }

  it('really hands the second share of the keys to a worker once it is ready', () => {
    setWorkerThreads(2);
    const alpha = randomWords(count);
    const x = randomWords(count);
    const { key0 } = dcfGenerate(64, alpha, alpha, randomBytes(count * 16), randomBytes(count * 16));
    const split = splitOverThreads(count)!;
    const dispatched = dispatchSlices(split, 0, key0, [x]);
    expect(dispatched).toBeDefined();
    const out = new BigUint64Array(count);
    dispatched!.collect([out]);
    setWorkerThreads(1);
    const single = dcfEvaluate(0, key0, x);
    expect(out.subarray(split.mainKeys)).toEqual(single.subarray(split.mainKeys));
    expect(out.subarray(0, split.mainKeys).every((word) => word === 0n)).toBe(true);
  });

  it('reads its thread count as a positive integer, the machine parallelism when unset', () => {
    expect(parseWorkerThreads('3')).toBe(3);
    expect(parseWorkerThreads(undefined)).toBeGreaterThanOrEqual(1);
    for (const bad of ['0', '-1', '1.5', 'two', '65'])
      expect(() => parseWorkerThreads(bad)).toThrow(/MPC_WORKER_THREADS must be an integer from 1 to 64/);
  });
});
