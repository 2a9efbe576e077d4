/**
 * The dealer of `bench/mpc.ts`, run as its own process so that its worker threads come from its environment
 * (MPC_WORKER_THREADS) like the dealer task's: makes one task's material for both parties, writes it to files
 * the party processes read, and prints one JSON line (`DealerFigure`): the time to make all of it (writes
 * excluded), its bytes per party and the AES blocks it took.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { compileProgram } from '../mpc-servers/analyses/program.ts';
import {
  chunkMaterialRequests,
  plannedChunksInParallel,
  type ChunkRequests,
} from '../mpc-servers/dealer/dealer-plan.ts';
import { startWorkers } from '../mpc-servers/engine/worker-pool.ts';
import { WHOLE_RING_BITS, type MaterialRequest } from '../mpc-servers/engine/material.ts';
import type { Party } from '../contract/party.ts';
import { aesBlocksCounted, installAesBlockCounter } from './aes-block-counter.ts';
import { materialFile, type DealerConfig, type DealerFigure } from './mpc-bench-config.ts';

installAesBlockCounter();

async function deal(config: DealerConfig): Promise<DealerFigure> {
  const { task, directory } = config;
  const seeds = { A: Buffer.from(config.seeds.A, 'base64'), B: Buffer.from(config.seeds.B, 'base64') };
  const bytes = { A: 0, B: 0 };
  const blocksBefore = aesBlocksCounted();
  const save = async (chunk: number, material: Record<Party, Uint8Array>): Promise<void> => {
    for (const party of ['A', 'B'] as const) {
      bytes[party] += material[party].byteLength;
      if (config.write) await writeFile(materialFile(directory, task.name, party, chunk), material[party]);
    }
  };
  // As the dealer task makes chunks: up to MPC_WORKER_THREADS at once, yielded in order. A single-op task's
  // chunk is one repeat's batch. The time is the loop's wall time less the writes (none in a timing run).
  const { chunks, requestsOf, ops } = dealerWork(task);
  let writing = 0;
  let chunk = 0;
  const started = performance.now();
  for await (const material of plannedChunksInParallel(chunks, requestsOf, seeds, randomBytes(16))) {
    const writeStarted = performance.now();
    await save(chunk++, material);
    writing += performance.now() - writeStarted;
  }
  return {
    task: task.name,
    seconds: (performance.now() - started - writing) / 1000,
    ops,
    bytes,
    aesBlocks: aesBlocksCounted() - blocksBefore,
  };
}

/** A task's material as chunks: the program's, or one batch per repeat of a single-op task. */
function dealerWork(task: DealerConfig['task']): { chunks: number; requestsOf: ChunkRequests; ops: number } {
  if (task.kind === 'stats') {
    const program = compileProgram(task.spec, task.totalRows, { validity: task.validity });
    return {
      chunks: program.chunkCount,
      requestsOf: (index) => chunkMaterialRequests(program, index),
      ops: task.totalRows,
    };
  }
  const request: MaterialRequest =
    task.kind === 'multiply'
      ? { kind: 'triple', count: task.count }
      : task.kind === 'compare'
        ? { kind: 'comparison', bits: task.bits, count: task.count }
        : { kind: 'comparison', bits: WHOLE_RING_BITS, count: task.count };
  return { chunks: task.repeats, requestsOf: () => [request], ops: task.count * task.repeats };
}

await startWorkers();
console.log(JSON.stringify(await deal(JSON.parse(process.argv[2]!) as DealerConfig)));
process.exit(0);
