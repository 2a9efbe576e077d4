/**
 * The kernels of `bench/mpc.ts` on their own, in a process whose worker threads come from its environment
 * (MPC_WORKER_THREADS): this machine's AES-128 block rate (the limit every kernel is read against), then
 * 64-bit DCF key generation and evaluation, timed per tree level. Generation runs as the dealer runs it:
 * chunks of comparison material, up to one per thread at once (`plannedChunksInParallel`); evaluation as a
 * server runs it: one batch, split over the threads (`dcfEvaluate`). Prints one JSON line (`KernelFigures`).
 */
import { randomBytes } from 'node:crypto';
import { plannedChunksInParallel } from '../mpc-servers/dealer/dealer-plan.ts';
import { dcfEvaluate, dcfGenerate } from '../mpc-servers/engine/dcf.ts';
import { startWorkers, workerThreads } from '../mpc-servers/engine/worker-pool.ts';
import { wordsFromBytes } from '../contract/sharing/ring.ts';
import { aesBlocksCounted, installAesBlockCounter } from './aes-block-counter.ts';
import { AES_LIMIT_CALL_BYTES, measureAesBlockRate } from './aes-block-rate.ts';
import type { KernelFigures } from './mpc-bench-config.ts';

installAesBlockCounter();

/** Runs `body` at least twice and for at least `minSeconds`; returns the fastest run and its AES blocks. */
async function fastest(
  body: () => unknown,
  minSeconds: number,
): Promise<{ seconds: number; blocks: number }> {
  let best = Infinity;
  let blocks = 0;
  const started = performance.now();
  for (let run = 0; run < 2 || (performance.now() - started) / 1000 < minSeconds; run++) {
    const blocksBefore = aesBlocksCounted();
    const runStarted = performance.now();
    await body();
    best = Math.min(best, (performance.now() - runStarted) / 1000);
    blocks = aesBlocksCounted() - blocksBefore;
  }
  return { seconds: best, blocks };
}

/** The best of several short AES runs: on a shared machine the fastest is the closest to the ceiling. */
function aesLimit(quick: boolean): number {
  return Math.max(
    ...Array.from({ length: 5 }, () => measureAesBlockRate(AES_LIMIT_CALL_BYTES, quick ? 0.1 : 0.2)),
  );
}

async function measure(quick: boolean): Promise<KernelFigures> {
  const aesBefore = aesLimit(quick);
  const aesLargeCallBlocksPerSec = measureAesBlockRate(4 << 20, quick ? 0.2 : 0.5);
  const bits = 64;
  const keys = quick ? 1 << 12 : 1 << 16;
  const seeds = { A: randomBytes(16), B: randomBytes(16) };
  // Two chunks per thread, so every thread has work while the caller takes the chunks in order.
  const chunks = 2 * workerThreads();
  const keysPerChunk = keys / 2;
  const generate = await fastest(
    async () => {
      const made = plannedChunksInParallel(
        chunks,
        () => [{ kind: 'comparison', bits, count: keysPerChunk }],
        seeds,
        randomBytes(16),
      );
      for await (const _ of made);
    },
    quick ? 0.2 : 1,
  );
  const alpha = wordsFromBytes(randomBytes(keys * 8));
  const beta = wordsFromBytes(randomBytes(keys * 8)).fill(1n);
  const { key0 } = dcfGenerate(bits, alpha, beta, randomBytes(keys * 16), randomBytes(keys * 16));
  const points = wordsFromBytes(randomBytes(keys * 8));
  const evaluate = await fastest(() => dcfEvaluate(0, key0, points), quick ? 0.2 : 1);
  const generatedLevels = chunks * keysPerChunk * bits;
  const levels = keys * bits;
  return {
    aesBlocksPerSec: Math.max(aesBefore, aesLimit(quick)),
    aesLargeCallBlocksPerSec,
    dcfBits: bits,
    dcfKeys: keys,
    generateLevelsPerSec: generatedLevels / generate.seconds,
    generateBlocksPerLevel: generate.blocks / generatedLevels,
    evaluateLevelsPerSec: levels / evaluate.seconds,
    evaluateBlocksPerLevel: evaluate.blocks / levels,
  };
}

await startWorkers();
console.log(JSON.stringify(await measure(process.argv[2] === 'quick')));
process.exit(0);
