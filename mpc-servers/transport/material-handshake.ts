/**
 * The handshake of the dealer-to-server material stream (`serve-material.ts`, `connect-to-material.ts`),
 * on a plain TCP connection framed like the peer link (`frames.ts`):
 * 1. The server sends a hello `{ protocol, party, jobId }`.
 * 2. The dealer answers with a hello carrying that party's manifest, HPKE Auth-sealed with the dealer's key
 *    to the server's pinned key (`runtime/dealer-envelope.ts`): only that server opens it, and only as the
 *    pinned dealer's. The manifest holds the job's material key for this party.
 * 3. The server proves it opened it: a data frame with `materialProof(key, jobId, party)`. A wrong proof,
 *    another job or party, or a second connection for a party already served: the dealer refuses.
 * Then the dealer sends one data frame per chunk, in order, each sealed under the material key with the
 * chunk's AAD, and the server answers the last with a goodbye. A refuse frame from either side carries why.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Party } from '../../contract/party.ts';
import { FRAME_TYPE, type Frame } from './frames.ts';

export const MATERIAL_PROTOCOL = 'mpc-material/1';

/** Largest frame either end accepts: a chunk of material is well below it. */
export const MATERIAL_MAX_FRAME_BYTES = 1 << 30;

const utf8 = new TextEncoder();

export function materialHello(party: Party, jobId: string): Uint8Array {
  return utf8.encode(JSON.stringify({ protocol: MATERIAL_PROTOCOL, party, jobId }));
}

/** The party a server's hello names, or why the hello is not acceptable for `jobId`. */
export function readMaterialHello(frame: Frame, jobId: string): { party: Party } | { problem: string } {
  if (frame.type !== FRAME_TYPE.hello) return { problem: `expected a hello frame, got type ${frame.type}` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(frame.payload));
  } catch {
    return { problem: 'malformed hello' };
  }
  const { protocol, party, jobId: theirJob } = (parsed ?? {}) as Record<string, unknown>;
  if (protocol !== MATERIAL_PROTOCOL)
    return { problem: `speaks ${String(protocol)}, expected ${MATERIAL_PROTOCOL}` };
  if (party !== 'A' && party !== 'B') return { problem: `names party ${String(party)}` };
  if (theirJob !== jobId) return { problem: `asks for job ${String(theirJob)}, this dealer serves ${jobId}` };
  return { party };
}

/** What a server returns to prove it opened its manifest (so it holds its pinned private key). */
export function materialProof(materialKey: Uint8Array, jobId: string, party: Party): Uint8Array {
  return createHmac('sha256', materialKey).update(`${MATERIAL_PROTOCOL} proof|${jobId}|${party}`).digest();
}

export function proofMatches(expected: Uint8Array, frame: Frame): boolean {
  return (
    frame.type === FRAME_TYPE.data &&
    frame.payload.byteLength === expected.byteLength &&
    timingSafeEqual(frame.payload, expected)
  );
}
