import { randomBytes } from 'node:crypto';
import { ringVector, sub, wordsFromBytes, type RingVector } from '../../contract/sharing/ring.ts';
import type { LiftShares } from './correlations.ts';
import type { PartyContext, RoundStep } from './ops.ts';

/**
 * Lift from Z_2^m to Z_2^64: shares exact mod 2^m only (the outputs of a comparison whose value corrections
 * were stored in m bits, and anything computed from them by ring operations) of y < 2^(m-1) become shares of
 * y in Z_2^64. With each party's share reduced to y_P in [0, 2^m), y_A + y_B = y + 2^m w as integers, and
 * since y's bit m - 1 is 0 the wrap w is a OR b for the bits m - 1 of y_A and y_B: if exactly one is set,
 * the lower bits must carry (as in `liftStep`, which is this lift at m = 64 into Z_2^128). w = a + b - ab,
 * and ab is the product of two privately held bits, from the same `lift` material as `liftStep`: A sends
 * d = a xor r_A, B sends e = b xor r_B (one bit each, 64 to a word). The share in Z_2^64 is y_P - 2^m w_P.
 * One round, exact, no error probability; each bit a party sees is masked by a uniform bit it does not know.
 */
export function liftFromStep(
  context: PartyContext,
  y: RingVector,
  fromBits: number,
  material: LiftShares,
): RoundStep<RingVector> {
  if (fromBits < 2 || fromBits > 63) throw new RangeError(`cannot lift from ${fromBits} bits`);
  const isA = context.party === 'A';
  const { maskBit, product } = material;
  const n = y.length;
  const low = (1n << BigInt(fromBits)) - 1n;
  const own = ringVector(n);
  for (let i = 0; i < n; i++) own[i] = y[i]! & low;
  // Bit tests on 32-bit halves (little-endian: word 2i is the low half of element i).
  const ownWords = new Uint32Array(own.buffer, own.byteOffset, 2 * n);
  const topWord = fromBits - 1 >= 32 ? 1 : 0;
  const topShift = (fromBits - 1) & 31;
  const maskWords = new Uint32Array(maskBit.buffer, maskBit.byteOffset, 2 * n);
  const masked = wordsFromBytes(randomBytes(Math.ceil(n / 64) * 8));
  const maskedWords = new Uint32Array(masked.buffer, masked.byteOffset, 2 * masked.length);
  for (let i = 0; i < n; i++) {
    const bit = ((ownWords[2 * i + topWord]! >>> topShift) & 1) ^ (maskWords[2 * i]! & 1);
    const at = i >> 5;
    maskedWords[at] = (maskedWords[at]! & ~(1 << (i & 31))) | (bit << (i & 31));
  }
  const width = BigInt(fromBits);
  return {
    masked,
    finish(opened) {
      // runRound adds the two messages word by word: the peer's bits are the sum minus this party's.
      const theirs = sub(opened, masked);
      const theirWords = new Uint32Array(theirs.buffer, theirs.byteOffset, 2 * theirs.length);
      const out = ringVector(n);
      for (let i = 0; i < n; i++) {
        const at = i >> 5;
        const shift = i & 31;
        const mine = (maskedWords[at]! >>> shift) & 1;
        const other = (theirWords[at]! >>> shift) & 1;
        const d = isA ? mine : other;
        const e = isA ? other : mine;
        const r = maskWords[2 * i]! & 1;
        const ownBit = (ownWords[2 * i + topWord]! >>> topShift) & 1;
        const cross = isA ? d * e + (e === 1 ? (1 - 2 * d) * r : 0) : d * (1 - 2 * e) * r;
        // This party's share of w = a + b - ab is ownBit - cross -+ product; the share in Z_2^64 is
        // y_P - 2^m w_P.
        const scaled = product[i]! << width;
        const base = own[i]! - (BigInt(ownBit - cross) << width);
        out[i] = d === e ? base + scaled : base - scaled;
      }
      return out;
    },
  };
}
