import { chunkRequests } from '../analyses/chunk-program.ts';
import { chunkRowCount, type Program } from '../analyses/program.ts';
import { laterChunkRequests } from '../analyses/later-passes.ts';
import { suppressionRequests } from '../analyses/suppress-small-cells.ts';
import { generateChunkMaterial, type MaterialRequest } from '../engine/material.ts';
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

/** Material for every chunk, one chunk at a time, so the dealer's memory stays bounded by one chunk. */
export function* dealerChunks(
  program: Program,
  seeds: Record<Party, Uint8Array>,
): Generator<Record<Party, Uint8Array>> {
  for (let chunk = 0; chunk < program.chunkCount; chunk++) {
    yield generateChunkMaterial(seeds, chunk, chunkMaterialRequests(program, chunk));
  }
}
