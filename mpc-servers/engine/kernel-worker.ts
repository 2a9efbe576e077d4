/**
 * Entry point of a kernel worker thread (started by `worker-pool.ts`): answers each job message with its
 * kernel's result. `chunk` makes one chunk of dealer material and moves its two blobs back; `dcfEvaluate`
 * evaluates a range of a shared DCF batch and answers through the shared memory (`dcf-threads.ts`).
 */
import { parentPort } from 'node:worker_threads';
import type { Party } from '../../contract/party.ts';
import { evaluateKeyRange } from './dcf.ts';
import { answerSlice, type DcfSliceJob } from './dcf-threads.ts';
import { generateChunkMaterial, type MaterialRequest } from './material.ts';
import type { KernelJob } from './worker-pool.ts';

/** A dealer chunk: everything `generateChunkMaterial` needs. */
export interface ChunkJob extends KernelJob {
  kind: 'chunk';
  seeds: Record<Party, Uint8Array>;
  dealerSeed: Uint8Array;
  chunk: number;
  requests: MaterialRequest[];
}

type Job = ChunkJob | DcfSliceJob;

const port = parentPort;
if (!port) throw new Error('kernel-worker.ts runs as a worker thread only');

port.on('message', ({ id, job }: { id: number; job: Job }) => {
  if (job.kind === 'dcfEvaluate') {
    answerSlice(job, (keys, points, out) => evaluateKeyRange(job.party, keys, points, out, job.from, job.to));
    return;
  }
  try {
    const material = generateChunkMaterial(job.seeds, job.chunk, job.requests, job.dealerSeed);
    port.postMessage({ id, answer: material }, [
      material.A.buffer as ArrayBuffer,
      material.B.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    port.postMessage({ id: 0, ready: true });
  }
});
port.postMessage({ id: 0, ready: true });
