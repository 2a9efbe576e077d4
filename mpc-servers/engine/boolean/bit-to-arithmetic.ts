import { ringVector, sub, type RingVector } from '../../../contract/sharing/ring.ts';
import type { LiftShares } from '../correlations.ts';
import type { PartyContext, RoundStep } from '../ops.ts';
import { planeWords, planesAsWords, wordsAsPlanes, type Planes } from './bit-planes.ts';

/**
 * Additive shares in Z_2^64 of XOR-shared bits v = v_A ^ v_B (one plane of `rows` rows):
 * v = v_A + v_B - 2 v_A v_B, where v_A v_B is a product of two privately held bits, taken with `lift`
 * material (each party's own mask bit r_P, additive shares of r_A r_B; the daBit of the dealer model): A
 * opens d = v_A ^ r_A, B opens e = v_B ^ r_B (1 bit each, 32 to a word), then with v_A = d + (1 - 2d) r_A
 * and v_B = e + (1 - 2e) r_B the product is de + d(1 - 2e) r_B + e(1 - 2d) r_A + (1 - 2d)(1 - 2e) r_A r_B,
 * each term known to one party or shared. One round, exact.
 */
export function bitToArithmeticStep(
  context: PartyContext,
  bits: Planes,
  rows: number,
  material: LiftShares,
): RoundStep<RingVector> {
  const width = planeWords(rows);
  if (bits.length !== width) throw new RangeError(`a plane of ${rows} rows has ${width} words`);
  const isA = context.party === 'A';
  const { maskBit, product } = material;
  const maskHalves = new Uint32Array(maskBit.buffer, maskBit.byteOffset, 2 * rows);
  const mine = new Uint32Array(width);
  for (let i = 0; i < rows; i++) mine[i >>> 5] = mine[i >>> 5]! | ((maskHalves[2 * i]! & 1) << (i & 31));
  for (let i = 0; i < width; i++) mine[i] = mine[i]! ^ bits[i]!;
  const masked = planesAsWords(mine);
  return {
    masked,
    finish(opened) {
      const theirs = wordsAsPlanes(sub(opened, masked));
      const out = ringVector(rows);
      for (let i = 0; i < rows; i++) {
        const at = i >>> 5;
        const shift = i & 31;
        const sent = (mine[at]! >>> shift) & 1;
        const received = (theirs[at]! >>> shift) & 1;
        const d = isA ? sent : received;
        const e = isA ? received : sent;
        const r = BigInt(maskHalves[2 * i]! & 1);
        const own = BigInt((bits[at]! >>> shift) & 1);
        const shared = d === e ? product[i]! : -product[i]!;
        // This party's share of v_A v_B.
        const term = isA
          ? BigInt(d & e) + (e === 1 ? BigInt(1 - 2 * d) * r : 0n) + shared
          : (d === 1 ? BigInt(1 - 2 * e) * r : 0n) + shared;
        out[i] = own - 2n * term;
      }
      return out;
    },
  };
}
