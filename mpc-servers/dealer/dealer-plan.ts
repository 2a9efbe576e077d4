import { chunkRequests } from '../analyses/chunk-program.ts';
import { chunkRowCount, type Program } from '../analyses/program.ts';
import { generateChunkMaterial, type MaterialRequest } from '../engine/material.ts';
import type { Party } from '../../contract/party.ts';

/** What the dealer must produce for chunk `chunk` of a program: exactly what `runChunk` consumes. */
export function chunkMaterialRequests(program: Program, chunk: number): MaterialRequest[] {
  return chunkRequests(program, checkedChunkRows(program, chunk), chunk > 0);
}

function checkedChunkRows(program: Program, chunk: number): number {
  if (chunk < 0 || chunk >= program.chunkCount) throw new RangeError(`chunk ${chunk} is outside the program`);
  return chunkRowCount(program, chunk);
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
