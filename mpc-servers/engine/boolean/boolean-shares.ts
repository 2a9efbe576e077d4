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
 * One party's share of a bit count (`bit-count.ts`): its own uniform mask per row (A's alpha or B's beta,
 * the peer never learns it) and an additive share of sum alpha beta.
 */
export interface BitCountShares {
  mask: RingVector;
  product: bigint;
}

/**
 * One party's edaBits with a lift (`valid-offsets.ts`): edaBits r_f, one lift (its mask bit m_P;
 * rho = m_A ^ m_B) and per edaBit additive shares of rho r_f.
 */
export interface EdaLiftShares {
  edaBits: EdaBitShares[];
  lift: LiftShares;
  maskProducts: RingVector[];
}
