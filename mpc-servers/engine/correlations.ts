import type { DcfKeys } from './dcf.ts';
import type { RingVector } from '../../contract/sharing/ring.ts';
import type { WideVector } from './ring128.ts';

/** One party's share of Beaver triples: c = a * b. */
export interface TripleShares {
  a: RingVector;
  b: RingVector;
  c: RingVector;
}

/** One party's share of square pairs: c = a^2. */
export interface SquareShares {
  a: RingVector;
  c: RingVector;
}

/**
 * One party's share of comparison material for `bits`-bit signed differences: a mask r (uniform in
 * Z_2^64), the bit s = r[bits-1] and DCF keys for [x < r mod 2^(bits-1)] with payload 1 - 2s.
 */
export interface ComparisonShares {
  bits: number;
  /** The outputs (and so every result of the comparison) are exact mod 2^outputBits only. */
  outputBits: number;
  mask: RingVector;
  maskTopBit: RingVector;
  dcf: DcfKeys;
}

/**
 * One party's share of lift material (see `liftStep`): this party's own mask bit (the peer never learns it)
 * and an additive share in Z_2^64 of the product of both parties' mask bits.
 */
export interface LiftShares {
  maskBit: RingVector;
  product: RingVector;
}

/** One party's share of square pairs in Z_2^128 (interleaved limbs, `ring128.ts`): c = a^2 mod 2^128. */
export interface WideSquareShares {
  a: WideVector;
  c: WideVector;
}

/** One party's share of Beaver triples in Z_2^128 (interleaved limbs, `ring128.ts`): c = a b mod 2^128. */
export interface WideTripleShares {
  a: WideVector;
  b: WideVector;
  c: WideVector;
}
