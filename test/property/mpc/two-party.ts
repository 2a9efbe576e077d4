import { randomBytes } from 'node:crypto';
import { createInMemoryPeerPair } from '../../../mpc-servers/transport/in-memory-peer-channel.ts';
import {
  ChunkMaterial,
  generateChunkMaterial,
  type MaterialRequest,
} from '../../../mpc-servers/engine/material.ts';
import type { PartyContext } from '../../../mpc-servers/engine/ops.ts';
import { add, ringVector, sub, wordsFromBytes, type RingVector } from '../../../contract/sharing/ring.ts';
import type { Party } from '../../../contract/party.ts';
import type { PeerChannel } from '../../../mpc-servers/transport/peer-channel.ts';

/** Test harness: both parties in one process over an in-memory channel, with real dealer material. */
export function shareVector(values: readonly bigint[]): { A: RingVector; B: RingVector } {
  const x = ringVector(values.length);
  values.forEach((value, i) => (x[i] = BigInt.asUintN(64, value)));
  const A = wordsFromBytes(randomBytes(values.length * 8));
  return { A, B: sub(x, A) };
}

export function reconstruct(a: RingVector, b: RingVector): bigint[] {
  return [...add(a, b)].map((value) => BigInt.asIntN(64, value));
}

export async function runTwoParty<T>(
  requests: readonly MaterialRequest[],
  program: (context: PartyContext, material: ChunkMaterial) => Promise<T>,
): Promise<{ A: T; B: T }> {
  const seeds = { A: randomBytes(16), B: randomBytes(16) };
  const blobs = generateChunkMaterial(seeds, 0, requests);
  const [channelA, channelB] = createInMemoryPeerPair();
  const run = (party: Party, channel: PeerChannel): Promise<T> =>
    program({ party, channel }, new ChunkMaterial(party, seeds[party], 0, blobs[party]));
  const [A, B] = await Promise.all([run('A', channelA), run('B', channelB)]);
  return { A, B };
}
