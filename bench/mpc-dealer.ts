/**
 * The dealer of `bench/mpc.ts`, run as its own process so that its worker threads come from its environment
 * (MPC_WORKER_THREADS) like the dealer task's: makes one task's material for both parties, writes it to files
 * the party processes read, and prints one JSON line (`DealerFigure`): the time to make all of it (writes
 * excluded), its bytes per party and the AES blocks it took.
 */
import { writeFile } from 'node:fs/promises';
import { compileProgram } from '../mpc-servers/analyses/program.ts';
import { dealerChunks } from '../mpc-servers/dealer/dealer-plan.ts';
import {
  generateChunkMaterial,
  WHOLE_RING_BITS,
  type MaterialRequest,
} from '../mpc-servers/engine/material.ts';
import type { Party } from '../contract/party.ts';
import { aesBlocksCounted, installAesBlockCounter } from './aes-block-counter.ts';
import { materialFile, type DealerConfig, type DealerFigure } from './mpc-bench-config.ts';

installAesBlockCounter();

async function deal(config: DealerConfig): Promise<DealerFigure> {
  const { task, directory } = config;
  const seeds = { A: Buffer.from(config.seeds.A, 'base64'), B: Buffer.from(config.seeds.B, 'base64') };
  const bytes = { A: 0, B: 0 };
  let seconds = 0;
  const blocksBefore = aesBlocksCounted();
  const save = async (chunk: number, material: Record<Party, Uint8Array>): Promise<void> => {
    for (const party of ['A', 'B'] as const) {
      bytes[party] += material[party].byteLength;
      if (config.write) await writeFile(materialFile(directory, task.name, party, chunk), material[party]);
    }
  };
  if (task.kind === 'stats') {
    const program = compileProgram(task.spec, task.totalRows, { validity: task.validity });
    const chunks = dealerChunks(program, seeds);
    for (let chunk = 0; ; chunk++) {
      const started = performance.now();
      const next = chunks.next();
      seconds += (performance.now() - started) / 1000;
      if (next.done) break;
      await save(chunk, next.value);
    }
    return {
      task: task.name,
      seconds,
      ops: task.totalRows,
      bytes,
      aesBlocks: aesBlocksCounted() - blocksBefore,
    };
  }
  const request: MaterialRequest =
    task.kind === 'multiply'
      ? { kind: 'triple', count: task.count }
      : task.kind === 'compare'
        ? { kind: 'comparison', bits: task.bits, count: task.count }
        : { kind: 'comparison', bits: WHOLE_RING_BITS, count: task.count };
  for (let repeat = 0; repeat < task.repeats; repeat++) {
    const started = performance.now();
    const material = generateChunkMaterial(seeds, repeat, [request]);
    seconds += (performance.now() - started) / 1000;
    await save(repeat, material);
  }
  return {
    task: task.name,
    seconds,
    ops: task.count * task.repeats,
    bytes,
    aesBlocks: aesBlocksCounted() - blocksBefore,
  };
}

console.log(JSON.stringify(await deal(JSON.parse(process.argv[2]!) as DealerConfig)));
process.exit(0);
