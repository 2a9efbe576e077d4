import type { RingVector } from '../../../contract/sharing/ring.ts';
import type { Planes } from './bit-planes.ts';

/** One party's XOR shares of bit-sliced AND triples: c = a & b, 32 gates to a word. */
export interface AndTripleShares {
  a: Planes;
  b: Planes;
  c: Planes;
}

/**
 * One party's shares of edaBits: random r in Z_2^64, as an additive share and as XOR shares of its 64 bits
 * (64 planes of `planeWords(count)` words, `bit-planes.ts`).
 */
export interface EdaBitShares {
  arithmetic: RingVector;
  bits: Planes;
}
