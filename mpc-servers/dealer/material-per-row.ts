import type { Party } from '../../contract/party.ts';
import type { Program } from '../analyses/program.ts';
import { materialBytes } from '../engine/material.ts';
import { chunkMaterialRequests } from './dealer-plan.ts';

/**
 * Dealer material per row of a program for one party (B's is the larger: it carries the corrections A draws
 * from its seed): every chunk's blob, headers included, over the program's rows. Exact, from the same
 * `chunkMaterialRequests` the dealer generates from, without generating anything.
 */
export function materialBytesPerRow(program: Program, party: Party = 'B'): number {
  let bytes = 0;
  for (let chunk = 0; chunk < program.chunkCount; chunk++)
    bytes += materialBytes(chunkMaterialRequests(program, chunk), party);
  return bytes / Math.max(program.totalRows, 1);
}
