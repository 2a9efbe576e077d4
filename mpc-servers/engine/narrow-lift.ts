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
  const top = BigInt(fromBits - 1);
  const own = ringVector(n);
  for (let i = 0; i < n; i++) own[i] = y[i]! & low;
  const masked = wordsFromBytes(randomBytes(Math.ceil(n / 64) * 8));
  for (let i = 0; i < n; i++) {
    const shift = BigInt(i & 63);
    const bit = (((own[i]! >> top) & 1n) ^ maskBit[i]!) << shift;
    masked[i >> 6] = (masked[i >> 6]! & ~(1n << shift)) | bit;
  }
  const width = BigInt(fromBits);
  return {
    masked,
    finish(opened) {
      // runRound adds the two messages word by word: the peer's bits are the sum minus this party's.
      const theirs = sub(opened, masked);
      const out = ringVector(n);
      for (let i = 0; i < n; i++) {
        const word = i >> 6;
        const shift = BigInt(i & 63);
        const mine = (masked[word]! >> shift) & 1n;
        const other = (theirs[word]! >> shift) & 1n;
        const [d, e] = isA ? [mine, other] : [other, mine];
        const ownBit = (own[i]! >> top) & 1n;
        const sign = d === e ? 1n : -1n;
        const cross = isA
          ? d * e + (e === 1n ? (1n - 2n * d) * maskBit[i]! : 0n)
          : d * (1n - 2n * e) * maskBit[i]!;
        // This party's share of w = a + b - ab, then y_P - 2^m w_P.
        const w = ownBit - cross - sign * product[i]!;
        out[i] = own[i]! - (w << width);
      }
      return out;
    },
  };
}
