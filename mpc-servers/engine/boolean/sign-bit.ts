import { add, type RingVector } from '../../../contract/sharing/ring.ts';
import type { MaterialRequest } from '../material.ts';
import type { PartyContext, RoundStep } from '../ops.ts';
import { notPlanes, plane, planeWords, planesOfWords, type Planes } from './bit-planes.ts';
import type { EdaBitShares } from './boolean-shares.ts';
import type { AndTriples } from './and-layers.ts';
import { lessThanPublic, lessThanPublicLayers } from './compare-public.ts';

/**
 * [z < 0] for signed z with -2^(k-1) <= z < 2^(k-1), as XOR shares of one plane, from a k-bit edaBit r:
 * open c = z + r (only its low ceil(k/8) bytes, uniform since r mod 2^k is), then z mod 2^k = c - r mod 2^k,
 * whose top bit is c[k-1] ^ r[k-1] ^ borrow with borrow = [c mod 2^(k-1) < r mod 2^(k-1)], a comparison of
 * the XOR-shared low bits of r with public ones ([~r < ~c] on k - 1 bits, `lessThanPublic`). One round to
 * open, then ceil(log2(k - 1)) rounds of AND gates (`signBitRequests`); no DCF. `openedBytes` may open
 * more of c (uniform, as r is mod 2^64), for a caller that also needs z mod 2^(8 openedBytes) = c - r.
 */
export function signOpenStep(
  z: RingVector,
  edaBits: EdaBitShares,
  bits: number,
  openedBytes = Math.ceil(bits / 8),
): RoundStep<RingVector> {
  checkBits(bits);
  if (openedBytes < Math.ceil(bits / 8) || openedBytes > 8)
    throw new RangeError(`a sign of ${bits} bits opens ${Math.ceil(bits / 8)}..8 bytes, not ${openedBytes}`);
  return { masked: add(z, edaBits.arithmetic), openedBytes, finish: (opened) => opened };
}

/** The AND triples of `signFromOpened` over `count` values of `bits` bits, after the edaBits. */
export function signBitRequests(bits: number, count: number): MaterialRequest[] {
  checkBits(bits);
  const width = planeWords(count);
  return lessThanPublicLayers(bits - 1).map((gates) => ({ kind: 'andTriple', count: (gates * width) / 2 }));
}

/** The sign bits from the opened c of `signOpenStep` and the same edaBits. */
export async function signFromOpened(
  context: PartyContext,
  opened: RingVector,
  edaBits: EdaBitShares,
  bits: number,
  triples: AndTriples,
): Promise<Planes> {
  const isA = context.party === 'A';
  const width = planeWords(opened.length);
  const c = planesOfWords(opened, bits);
  const low = bits - 1;
  // [~r < ~c] on the low bits: A flips its share of r; the public side is ~c.
  // ~c in place on c's low planes (c is this call's own), its top plane kept.
  const r = edaBits.bits.subarray(0, low * width);
  const s = isA ? notPlanes(r) : r.slice();
  const notC = c.subarray(0, low * width);
  notPlanes(notC, notC);
  const borrow = await lessThanPublic(context, s, notC, low, width, triples);
  const top = plane(edaBits.bits, low, width);
  const cTop = plane(c, low, width);
  const sign = new Uint32Array(width);
  for (let i = 0; i < width; i++) sign[i] = borrow[i]! ^ top[i]! ^ (isA ? cTop[i]! : 0);
  return sign;
}

function checkBits(bits: number): void {
  if (!Number.isInteger(bits) || bits < 2 || bits > 64)
    throw new RangeError(`a sign of ${bits} bits: need 2..64 bits`);
}
