import { randomBytes } from 'node:crypto';
import { chunkRequests } from '../analyses/chunk-program.ts';
import { chunkRowCount, type Program } from '../analyses/program.ts';
import { laterChunkRequests } from '../analyses/later-passes.ts';
import { suppressionRequests } from '../analyses/suppress-small-cells.ts';
import { generateChunkMaterial, type MaterialRequest } from '../engine/material.ts';
import { runOnWorker, workerThreads } from '../engine/worker-pool.ts';
import type { Party } from '../../contract/party.ts';

/** What the dealer must produce for chunk `chunk` of a program: exactly what `runChunk` consumes. */
export function chunkMaterialRequests(program: Program, chunk: number): MaterialRequest[] {
  if (chunk < 0 || chunk >= program.chunkCount) throw new RangeError(`chunk ${chunk} is outside the program`);
  if (chunk < program.rowChunks) return chunkRequests(program, chunkRowCount(program, chunk), chunk > 0);
  if (program.suppression && chunk === program.chunkCount - 1)
    return suppressionRequests(program.suppression);
  // After the row chunks: the group-by pass, then the quantiles' rounds, each over the row chunks again.
  return laterChunkRequests(program, chunk - program.rowChunks, (rowChunk) =>
    chunkRowCount(program, rowChunk),
  );
}

/** A chunk's requests, by chunk index. */
export type ChunkRequests = (chunk: number) => MaterialRequest[];

/**
 * Material for chunks 0 .. chunkCount - 1, one chunk at a time on this thread, so the dealer's memory stays
 * bounded by one chunk. `dealerSeed` is the dealer's own secret seed (the comparison masks); fresh unless
 * given.
 */
export function* plannedChunks(
  chunkCount: number,
  requestsOf: ChunkRequests,
  seeds: Record<Party, Uint8Array>,
  dealerSeed: Uint8Array = randomBytes(16),
): Generator<Record<Party, Uint8Array>> {
  for (let chunk = 0; chunk < chunkCount; chunk++) {
    yield generateChunkMaterial(seeds, chunk, requestsOf(chunk), dealerSeed);
  }
}

/** Every chunk of a program, as `plannedChunks` makes them. */
export function dealerChunks(
  program: Program,
  seeds: Record<Party, Uint8Array>,
  dealerSeed: Uint8Array = randomBytes(16),
): Generator<Record<Party, Uint8Array>> {
  return plannedChunks(
    program.chunkCount,
    (chunk) => chunkMaterialRequests(program, chunk),
    seeds,
    dealerSeed,
  );
}

/**
 * The same chunks, byte for byte, made by up to `threads` worker threads at once and yielded in order:
 * each chunk's streams are keyed by its index, so chunks are independent. At most `threads` chunks are
 * being made or waiting while the caller holds the one yielded last (threads + 1 in memory). With one
 * thread they are made on this thread, as `plannedChunks` makes them.
 */
export async function* plannedChunksInParallel(
  chunkCount: number,
  requestsOf: ChunkRequests,
  seeds: Record<Party, Uint8Array>,
  dealerSeed: Uint8Array,
  threads = workerThreads(),
): AsyncGenerator<Record<Party, Uint8Array>> {
  if (threads <= 1) {
    yield* plannedChunks(chunkCount, requestsOf, seeds, dealerSeed);
    return;
  }
  const make = (chunk: number): Promise<Record<Party, Uint8Array>> =>
    runOnWorker<Record<Party, Uint8Array>>({
      kind: 'chunk',
      seeds,
      dealerSeed,
      chunk,
      requests: requestsOf(chunk),
    });
  const inFlight: Promise<Record<Party, Uint8Array>>[] = [];
  let next = 0;
  const fill = (): void => {
    while (inFlight.length < threads && next < chunkCount) {
      const made = make(next++);
      made.catch(() => undefined); // awaited in order below; an early failure must not go unhandled
      inFlight.push(made);
    }
  };
  fill();
  while (inFlight.length > 0) {
    const material = await inFlight.shift()!;
    fill();
    yield material;
  }
}
