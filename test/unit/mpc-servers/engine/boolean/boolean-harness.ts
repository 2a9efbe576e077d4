import { randomBytes } from 'node:crypto';
import { createInMemoryPeerPair } from '../../../../../mpc-servers/transport/in-memory-peer-channel.ts';
import {
  ChunkMaterial,
  generateChunkMaterial,
  type MaterialRequest,
} from '../../../../../mpc-servers/engine/material.ts';
import type { PartyContext } from '../../../../../mpc-servers/engine/ops.ts';
import type { Party } from '../../../../../contract/party.ts';

/** Both parties over an in-memory channel with real dealer material; `expand` reads a blob again. */
export async function runBoth<T>(
  requests: readonly MaterialRequest[],
  program: (context: PartyContext, material: ChunkMaterial) => Promise<T>,
  before?: (expand: (party: Party) => ChunkMaterial) => void,
): Promise<{ A: T; B: T }> {
  const seeds = { A: randomBytes(16), B: randomBytes(16) };
  const blobs = generateChunkMaterial(seeds, 0, requests);
  const expand = (party: Party): ChunkMaterial => new ChunkMaterial(party, seeds[party], 0, blobs[party]);
  before?.(expand);
  const [channelA, channelB] = createInMemoryPeerPair();
  const run = async (party: Party, channel: PartyContext['channel']): Promise<T> => {
    const material = expand(party);
    const out = await program({ party, channel }, material);
    material.assertConsumed();
    return out;
  };
  const [A, B] = await Promise.all([run('A', channelA), run('B', channelB)]);
  return { A, B };
}

/** XOR shares of bit planes: A's uniform, B's the rest. */
export function sharePlanes(planes: Uint32Array): { A: Uint32Array; B: Uint32Array } {
  const A = new Uint32Array(randomBytes(planes.length * 4).buffer);
  return { A, B: planes.map((word, i) => word ^ A[i]!) };
}

export function openPlanes(a: Uint32Array, b: Uint32Array): Uint32Array {
  return a.map((word, i) => word ^ b[i]!);
}

/** Row `i`'s bit of a plane. */
export const bitAt = (plane: Uint32Array, i: number): number => (plane[i >>> 5]! >>> (i & 31)) & 1;
