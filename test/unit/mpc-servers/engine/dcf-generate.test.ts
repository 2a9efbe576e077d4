import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChunkMaterial,
  generateChunkMaterial,
  WHOLE_RING_BITS,
} from '../../../../mpc-servers/engine/material.ts';
import { dcfEvaluate, dcfGenerate, type DcfKeys } from '../../../../mpc-servers/engine/dcf.ts';
import {
  assembleGenerateKernel,
  DCF_GENERATE_LEVEL_BODY,
  dcfGenerateKernel,
} from '../../../../mpc-servers/engine/dcf-generate-kernel.ts';
import { op } from '../../../../mpc-servers/engine/wasm-assembly.ts';
import {
  runOnWorker,
  setWorkerThreads,
  startWorkers,
  workerThreads,
} from '../../../../mpc-servers/engine/worker-pool.ts';
import type { ChunkJob } from '../../../../mpc-servers/engine/kernel-worker.ts';
import type { Party } from '../../../../contract/party.ts';

/**
 * Generated keys evaluate exactly at the edges of each comparison, x = alpha - 1, alpha, alpha + 1, 0 and
 * 2^64 - 1 (mod 2^bits), whether made on the calling thread or on a worker thread as the dealer makes them;
 * and the edges catch a kernel changed by one instruction.
 */
const randomWords = (n: number): BigUint64Array => new BigUint64Array(randomBytes(n * 8).buffer);

/** Each alpha's edge points, five per key: the keys repeated five times and the points. */
function edges(bits: number, alpha: BigUint64Array): { repeat: number[]; x: BigUint64Array } {
  const mask = (1n << BigInt(bits)) - 1n;
  const repeat: number[] = [];
  const points: bigint[] = [];
  alpha.forEach((a, k) => {
    for (const x of [a - 1n, a, a + 1n, 0n, (1n << 64n) - 1n]) {
      repeat.push(k);
      points.push(x & mask);
    }
  });
  return { repeat, x: BigUint64Array.from(points) };
}

/** The keys `repeat` picks, in that order (a key may appear several times). */
function pick(keys: DcfKeys, repeat: number[]): DcfKeys {
  const { bits, count } = keys;
  const n = repeat.length;
  const out: DcfKeys = {
    bits,
    count: n,
    rootSeeds: new Uint8Array(n * 16),
    seedCorrections: new Uint8Array(bits * n * 16),
    valueCorrections: new BigUint64Array(bits * n),
    controlCorrections: new Uint8Array(bits * n),
    finalCorrections: new BigUint64Array(n),
  };
  repeat.forEach((k, i) => {
    out.rootSeeds.set(keys.rootSeeds.subarray(k * 16, k * 16 + 16), i * 16);
    out.finalCorrections[i] = keys.finalCorrections[k]!;
    for (let level = 0; level < bits; level++) {
      const from = level * count + k;
      const to = level * n + i;
      out.seedCorrections.set(keys.seedCorrections.subarray(from * 16, from * 16 + 16), to * 16);
      out.valueCorrections[to] = keys.valueCorrections[from]!;
      out.controlCorrections[to] = keys.controlCorrections[from]!;
    }
  });
  return out;
}

/** Keys evaluated at every alpha's edges that do not add up to beta * [x < alpha]. */
function wrongAtEdges(key0: DcfKeys, key1: DcfKeys, alpha: BigUint64Array, beta: BigUint64Array): number {
  const { repeat, x } = edges(key0.bits, alpha);
  const y0 = dcfEvaluate(0, pick(key0, repeat), x);
  const y1 = dcfEvaluate(1, pick(key1, repeat), x);
  let wrong = 0;
  repeat.forEach((k, i) => {
    if (BigInt.asUintN(64, y0[i]! + y1[i]!) !== (x[i]! < alpha[k]! ? beta[k]! : 0n)) wrong++;
  });
  return wrong;
}

/** Alphas at the ends of the range and in the middle, and random ones. */
function alphas(bits: number, count: number): BigUint64Array {
  const mask = (1n << BigInt(bits)) - 1n;
  const special = [0n, 1n, mask, mask - 1n, 1n << BigInt(bits - 1), (1n << BigInt(bits - 1)) - 1n];
  return randomWords(count).map((a, k) => (k < special.length ? special[k]! : a) & mask);
}

const before = workerThreads();
beforeAll(async () => {
  setWorkerThreads(2);
  await startWorkers(1);
});
afterAll(() => setWorkerThreads(before));

describe('DCF key generation at the edges', () => {
  for (const bits of [64, 63, 20, 1]) {
    it(`evaluates exactly at alpha - 1, alpha, alpha + 1, 0 and 2^64 - 1 (${bits}-bit keys)`, () => {
      const alpha = alphas(bits, 64);
      const beta = randomWords(64);
      const { key0, key1 } = dcfGenerate(bits, alpha, beta, randomBytes(64 * 16), randomBytes(64 * 16));
      expect(wrongAtEdges(key0, key1, alpha, beta)).toBe(0);
    });
  }

  it('makes the same material on a worker thread as on the calling thread, and it is exact at the edges', async () => {
    // More than one tile of keys, then a second section on the same (reused) generation kernel.
    const counts = [3000, 500];
    const seeds = { A: randomBytes(16), B: randomBytes(16) };
    const job: ChunkJob = {
      kind: 'chunk',
      seeds,
      dealerSeed: randomBytes(16),
      chunk: 7,
      requests: counts.map((count) => ({ kind: 'comparison', bits: WHOLE_RING_BITS, count })),
    };
    const onWorker = await runOnWorker<Record<Party, Uint8Array>>(job);
    const here = generateChunkMaterial(job.seeds, job.chunk, job.requests, job.dealerSeed);
    for (const party of ['A', 'B'] as const)
      expect(Buffer.from(onWorker[party]).equals(Buffer.from(here[party]))).toBe(true);
    const readers = (['A', 'B'] as const).map(
      (party) => new ChunkMaterial(party, seeds[party], job.chunk, onWorker[party]),
    );
    for (const count of counts) {
      const shares = readers.map((reader) => reader.comparisons(WHOLE_RING_BITS, count));
      // The comparison is [x < mask] over 64 bits (beta = 1), the mask the sum of the parties' shares.
      const alpha = shares[0]!.mask.map((a, k) => a + shares[1]!.mask[k]!);
      const ones = new BigUint64Array(count).fill(1n);
      expect(wrongAtEdges(shares[0]!.dcf, shares[1]!.dcf, alpha, ones)).toBe(0);
    }
  });

  it('makes the same keys on a kernel reused after a larger generation as on a fresh one', () => {
    const kernel = dcfGenerateKernel();
    dcfGenerate(64, alphas(64, 300), randomWords(300), randomBytes(300 * 16), randomBytes(300 * 16), kernel);
    const alpha = alphas(20, 64);
    const beta = randomWords(64);
    const roots = [randomBytes(64 * 16), randomBytes(64 * 16)] as const;
    const fresh = dcfGenerate(20, alpha, beta, roots[0], roots[1]);
    const reused = dcfGenerate(20, alpha, beta, roots[0], roots[1], kernel);
    expect(reused.key0.finalCorrections).toEqual(fresh.key0.finalCorrections);
    expect(reused.key0.valueCorrections).toEqual(fresh.key0.valueCorrections);
    expect(wrongAtEdges(reused.key0, reused.key1, alpha, beta)).toBe(0);
  });

  it('catches a kernel with any one i64.sub made i64.add or any one i64.xor made i64.or', () => {
    const [sub] = op.i64Sub;
    const [xor] = op.i64Xor;
    const [add] = op.i64Add;
    const or = 0x84;
    const mutations: number[][] = [];
    DCF_GENERATE_LEVEL_BODY.forEach((byte, at) => {
      const replaced = byte === sub ? add : byte === xor ? or : undefined;
      if (replaced === undefined) return;
      const body = [...DCF_GENERATE_LEVEL_BODY];
      body[at] = replaced;
      mutations.push(body);
    });
    expect(mutations.length).toBeGreaterThan(20);
    const alpha = alphas(64, 16);
    const beta = randomWords(16);
    const roots = [randomBytes(16 * 16), randomBytes(16 * 16)] as const;
    const exact = dcfGenerate(64, alpha, beta, roots[0], roots[1]);
    expect(wrongAtEdges(exact.key0, exact.key1, alpha, beta)).toBe(0);
    const survivors = mutations.filter((body) => {
      const kernel = dcfGenerateKernel(assembleGenerateKernel(body));
      const { key0, key1 } = dcfGenerate(64, alpha, beta, roots[0], roots[1], kernel);
      return wrongAtEdges(key0, key1, alpha, beta) === 0;
    });
    expect(survivors.length).toBe(0);
  });
});
