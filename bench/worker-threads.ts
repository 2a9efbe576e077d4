/**
 * `npm run bench:threads`: the kernels with 1 and 2 worker threads (or BENCH_THREADS, e.g. 1,2,4) in one
 * run, beside this machine's AES-128-ECB block rate on one thread: 64-bit DCF key
 * generation through the dealer's chunks (WHOLE_RING_BITS comparisons, as the validity check asks for), 64-bit
 * DCF evaluation of one batch, and the dealer's time for a statistics job of BENCH_ROWS rows (default 10^6:
 * mean, variance and a 4-edge histogram of one int field, with the validity check). Each kernel's figure is
 * also given as the share of the AES rate it uses (evaluation: 2 blocks per level, generation 4: 2 per party).
 * BENCH_QUICK=1 for small sizes. Prints a table, then one JSON line.
 */
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { ComputationSpec } from '../contract/analysis/analysis-spec.ts';
import { wordsFromBytes } from '../contract/sharing/ring.ts';
import { compileProgram } from '../mpc-servers/analyses/program.ts';
import { chunkMaterialRequests, plannedChunksInParallel } from '../mpc-servers/dealer/dealer-plan.ts';
import { dcfEvaluate, dcfGenerate } from '../mpc-servers/engine/dcf.ts';
import { WHOLE_RING_BITS, type MaterialRequest } from '../mpc-servers/engine/material.ts';
import { setWorkerThreads, startWorkers } from '../mpc-servers/engine/worker-pool.ts';
import { AES_LIMIT_CALL_BYTES, measureAesBlockRate } from './aes-block-rate.ts';

const quick = process.env.BENCH_QUICK === '1';
const threadCounts = (process.env.BENCH_THREADS ?? '1,2').split(',').map(Number);
const rows = Number(process.env.BENCH_ROWS ?? (quick ? 50_000 : 1_000_000));
const EVAL_KEYS = quick ? 1 << 13 : 1 << 16;
const GEN_KEYS_PER_CHUNK = quick ? 1 << 11 : 1 << 14;
const GEN_CHUNKS = quick ? 4 : 16;

const statsSpec: ComputationSpec = {
  fields: [{ name: 'x', type: 'int', min: 0, max: 1000 }],
  analyses: [{ kind: 'mean' }, { kind: 'variance' }, { kind: 'histogram', binEdges: [100, 250, 500, 750] }],
};

/**
 * The best of `runs` timings of `body`: wall seconds, and the process's CPU seconds over all its threads in
 * that run (CPU / wall near the thread count means the threads really ran at once; on a shared machine the
 * fastest run is the closest to the ceiling).
 */
async function fastest(runs: number, body: () => unknown): Promise<{ seconds: number; cpuSeconds: number }> {
  let best = { seconds: Infinity, cpuSeconds: 0 };
  for (let run = 0; run < runs; run++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await body();
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    if (seconds < best.seconds) best = { seconds, cpuSeconds: (used.user + used.system) / 1e6 };
  }
  return best;
}

async function drain(chunks: AsyncGenerator<unknown>): Promise<number> {
  let count = 0;
  for await (const _ of chunks) count++;
  return count;
}

interface ThreadFigures {
  threads: number;
  dcfGenerateKeysPerSec: number;
  dcfGenerateCpuPerWall: number;
  dcfEvaluateKeysPerSec: number;
  dcfEvaluateCpuPerWall: number;
  dealerStatsSeconds: number;
  dealerCpuPerWall: number;
}

async function measure(threads: number, aes: number): Promise<ThreadFigures> {
  setWorkerThreads(threads);
  await startWorkers();
  const seeds = { A: randomBytes(16), B: randomBytes(16) };
  // Generation: chunks of whole-ring comparisons (a 64-bit DCF each), as the dealer makes them.
  const comparisons: MaterialRequest[] = [
    { kind: 'comparison', bits: WHOLE_RING_BITS, count: GEN_KEYS_PER_CHUNK },
  ];
  // Worker threads start cold: their JS and WebAssembly tier up over the first calls, as in a long job.
  await drain(plannedChunksInParallel(GEN_CHUNKS, () => comparisons, seeds, randomBytes(16), threads));
  const generate = await fastest(2, () =>
    drain(plannedChunksInParallel(GEN_CHUNKS, () => comparisons, seeds, randomBytes(16), threads)),
  );
  // Evaluation: one batch, split over the threads by dcfEvaluate itself.
  const alpha = wordsFromBytes(randomBytes(EVAL_KEYS * 8));
  const { key0 } = dcfGenerate(64, alpha, alpha, randomBytes(EVAL_KEYS * 16), randomBytes(EVAL_KEYS * 16));
  const points = wordsFromBytes(randomBytes(EVAL_KEYS * 8));
  for (let warm = 0; warm < 8; warm++) dcfEvaluate(0, key0, points);
  const evaluate = await fastest(quick ? 3 : 8, () => dcfEvaluate(0, key0, points));
  // The dealer's whole statistics job (material made, not written).
  const program = compileProgram(statsSpec, rows);
  const requestsOf = (chunk: number) => chunkMaterialRequests(program, chunk);
  const dealer = await fastest(1, () =>
    drain(plannedChunksInParallel(program.chunkCount, requestsOf, seeds, randomBytes(16), threads)),
  );
  const figures = {
    threads,
    dcfGenerateKeysPerSec: (GEN_CHUNKS * GEN_KEYS_PER_CHUNK) / generate.seconds,
    dcfGenerateCpuPerWall: generate.cpuSeconds / generate.seconds,
    dcfEvaluateKeysPerSec: EVAL_KEYS / evaluate.seconds,
    dcfEvaluateCpuPerWall: evaluate.cpuSeconds / evaluate.seconds,
    dealerStatsSeconds: dealer.seconds,
    dealerCpuPerWall: dealer.cpuSeconds / dealer.seconds,
  };
  const share = (keysPerSec: number, blocksPerKey: number) =>
    `${((100 * keysPerSec * blocksPerKey) / aes).toFixed(0)}% of one thread's AES`;
  // Keys per CPU second: on a loaded machine the figure that moves least with the load.
  const cpu = (ratio: number, keysPerSec?: number) =>
    `CPU/wall ${ratio.toFixed(2)}` +
    (keysPerSec === undefined ? '' : `, ${(keysPerSec / ratio).toFixed(0)} keys per CPU second`);
  console.log(
    `${threads} thread(s): DCF-64 generation ${figures.dcfGenerateKeysPerSec.toFixed(0)} keys/s ` +
      `(${share(figures.dcfGenerateKeysPerSec, 4 * 64)}, ${cpu(figures.dcfGenerateCpuPerWall, figures.dcfGenerateKeysPerSec)}), evaluation ` +
      `${figures.dcfEvaluateKeysPerSec.toFixed(0)} keys/s (${share(figures.dcfEvaluateKeysPerSec, 2 * 64)}, ` +
      `${cpu(figures.dcfEvaluateCpuPerWall, figures.dcfEvaluateKeysPerSec)}), dealer for ${rows} rows ${dealer.seconds.toFixed(2)} s ` +
      `(${program.chunkCount} chunks, ${cpu(figures.dealerCpuPerWall)})`,
  );
  return figures;
}

const aes = Math.max(
  measureAesBlockRate(AES_LIMIT_CALL_BYTES, 0.3),
  measureAesBlockRate(AES_LIMIT_CALL_BYTES, 0.3),
);
console.log(
  `AES-128-ECB on one thread: ${(aes / 1e6).toFixed(1)} M blocks/s (${availableParallelism()} CPUs)`,
);
const results: ThreadFigures[] = [];
for (const threads of threadCounts) results.push(await measure(threads, aes));
console.log(JSON.stringify({ aesBlocksPerSec: aes, rows, threads: results }));
process.exit(0);
