import type { RingVector } from '../../../contract/sharing/ring.ts';
import type { LiftShares } from '../correlations.ts';
import type { Planes } from './bit-planes.ts';

/** One party's XOR shares of bit-sliced AND triples: c = a & b, 32 gates to a word. */
export interface AndTripleShares {
  a: Planes;
  b: Planes;
  c: Planes;
}

/**
 * One party's shares of edaBits: random r in Z_2^64, as an additive share and as XOR shares of its low bits
 * (one plane per bit, bit 0 first, of `planeWords(count)` words each, `bit-planes.ts`).
 */
export interface EdaBitShares {
  arithmetic: RingVector;
  bits: Planes;
}

/**
 * One party's shares of bit selects (`select-by-bit.ts`): XOR shares of random bits rho (one plane), additive
 * shares of the same rho, and a product pair: additive shares of a random beta and of rho beta.
 */
export interface BitSelectShares {
  rhoBits: Planes;
  rho: RingVector;
  beta: RingVector;
  c: RingVector;
}

/**
 * One party's share of a bit count (`bit-count.ts`): its own uniform mask per row (A's alpha or B's beta,
 * the peer never learns it) and an additive share of sum alpha beta.
 */
export interface BitCountShares {
  mask: RingVector;
  product: bigint;
}

/**
 * One party's validity masks (`valid-offsets.ts`): a whole-ring edaBit r_f per field, one lift (its mask
 * bit m_P; rho = m_A ^ m_B) and per field additive shares of rho r_f.
 */
export interface ValidityShares {
  edaBits: EdaBitShares[];
  lift: LiftShares;
  maskProducts: RingVector[];
}
