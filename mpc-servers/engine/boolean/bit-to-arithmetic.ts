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
  const step = bitToArithmeticOpenedStep(context, bits, rows, material);
  return { masked: step.masked, finish: (opened) => step.finish(opened).arithmetic };
}

/**
 * `bitToArithmeticStep`, also giving the plane both parties opened between them: d ^ e = v ^ rho with
 * rho = r_A ^ r_B, uniform to either party, so public (`valid-offsets.ts` uses it).
 */
export function bitToArithmeticOpenedStep(
  context: PartyContext,
  bits: Planes,
  rows: number,
  material: LiftShares,
): RoundStep<{ arithmetic: RingVector; opened: Planes }> {
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
      // out = own - 2 local - 2 s product per row, with local a small integer from public and own bits and
      // s = +-1 (+1 when d = e): own - 2 local from a table of ring constants, so that the row loop has no
      // BigInt conversions and each store is a load, add and store that V8 keeps in 64-bit registers.
      for (let i = 0; i < rows; i++) {
        const at = i >>> 5;
        const shift = i & 31;
        const sent = (mine[at]! >>> shift) & 1;
        const received = (theirs[at]! >>> shift) & 1;
        const own = (bits[at]! >>> shift) & 1;
        const r = sent ^ own;
        const d = isA ? sent : received;
        const e = isA ? received : sent;
        // This party's share of v_A v_B, less its shared term: A's d e + e (1 - 2d) r_A, B's d (1 - 2e) r_B.
        const local = isA ? (d & e) + (e === 1 ? (1 - 2 * d) * r : 0) : d === 1 ? (1 - 2 * e) * r : 0;
        const k = own - 2 * local + SMALL_OFFSET;
        if (d === e) out[i] = SMALL[k]! - product[i]! - product[i]!;
        else out[i] = SMALL[k]! + product[i]! + product[i]!;
      }
      return { arithmetic: out, opened: mine.map((word, i) => word ^ theirs[i]!) };
    },
  };
}

/** The ring words of the small integers -4..3 (own - 2 local), at their value plus `SMALL_OFFSET`. */
const SMALL_OFFSET = 4;
const SMALL = BigUint64Array.from({ length: 8 }, (_, k) => BigInt.asUintN(64, BigInt(k - SMALL_OFFSET)));
