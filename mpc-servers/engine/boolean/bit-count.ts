import { ringVector } from '../../../contract/sharing/ring.ts';
import type { PartyContext, RoundStep } from '../ops.ts';
import { planeWords, type Planes } from './bit-planes.ts';
import type { BitCountShares } from './boolean-shares.ts';

/**
 * The number of set bits of XOR-shared bits b = x ^ y (one plane of `rows` rows; A holds x, B holds y) as an
 * additive share exact mod 2^countBits: sum b = sum x + sum y - 2 sum x y, and sum x y is an inner product
 * of two privately held vectors, taken with `bitCount` material: A's uniform alpha and B's beta from their
 * seeds, additive shares of sum alpha beta (one word for the whole vector). A opens x - alpha, B opens
 * y - beta (countBits / 8 bytes per row each), then
 * sum x y = sum x (y - beta) + sum (x - alpha) beta + sum alpha beta, the first term known to A, the second
 * to B. Each message is masked by the sender's uniform alpha or beta. One round, no material per row.
 */
export function bitCountStep(
  context: PartyContext,
  bits: Planes,
  rows: number,
  material: BitCountShares,
  countBits: number,
): RoundStep<bigint> {
  if (bits.length !== planeWords(rows) || material.mask.length !== rows)
    throw new RangeError(`a count over ${rows} rows needs one plane and ${rows} masks`);
  if (countBits % 8 !== 0 || countBits < 8 || countBits > 64)
    throw new RangeError(`counts of ${countBits} bits: need whole bytes`);
  const isA = context.party === 'A';
  if (countBits <= 32) return narrowBitCount(isA, bits, rows, material, countBits);
  const own = ringVector(rows);
  let ownSum = 0n;
  for (let i = 0; i < rows; i++) {
    own[i] = BigInt((bits[i >>> 5]! >>> (i & 31)) & 1);
    ownSum += own[i]!;
  }
  const { mask } = material;
  const masked = ringVector(rows);
  for (let i = 0; i < rows; i++) masked[i] = own[i]! - mask[i]!;
  const low = (1n << BigInt(countBits)) - 1n;
  return {
    masked,
    openedBytes: countBits / 8,
    finish(opened) {
      // The peer's x - alpha or y - beta, mod 2^countBits.
      // A: sum x (y - beta); B: sum (x - alpha) beta; each plus its share of sum alpha beta.
      let product = material.product;
      for (let i = 0; i < rows; i++) {
        const theirs = BigInt.asUintN(64, opened[i]! - masked[i]!) & low;
        product += (isA ? own[i]! : mask[i]!) * theirs;
      }
      return BigInt.asUintN(64, ownSum - 2n * product);
    },
  };
}

/**
 * `bitCountStep` for counts of at most 32 bits: everything mod 2^32 on the words' low halves, in plain
 * numbers (Math.imul keeps a product's low 32 bits exact), so no BigInt per row. The count is exact mod
 * 2^32, hence mod 2^countBits; the masked words' high halves are zero, and only their low bytes are sent.
 */
function narrowBitCount(
  isA: boolean,
  bits: Planes,
  rows: number,
  material: BitCountShares,
  countBits: number,
): RoundStep<bigint> {
  const maskHalves = new Uint32Array(material.mask.buffer, material.mask.byteOffset, 2 * rows);
  const masked = ringVector(rows);
  const maskedHalves = new Uint32Array(masked.buffer);
  let ownSum = 0;
  for (let i = 0; i < rows; i++) {
    const bit = (bits[i >>> 5]! >>> (i & 31)) & 1;
    ownSum += bit;
    maskedHalves[2 * i] = bit - maskHalves[2 * i]!;
  }
  return {
    masked,
    openedBytes: countBits / 8,
    finish(opened) {
      const openedHalves = new Uint32Array(opened.buffer, opened.byteOffset, 2 * rows);
      let product = Number(BigInt.asUintN(32, material.product));
      for (let i = 0; i < rows; i++) {
        // The peer's x - alpha or y - beta, mod 2^32.
        const theirs = (openedHalves[2 * i]! - maskedHalves[2 * i]!) >>> 0;
        if (isA) {
          if (((bits[i >>> 5]! >>> (i & 31)) & 1) === 1) product = (product + theirs) >>> 0;
        } else product = (product + Math.imul(maskHalves[2 * i]!, theirs)) >>> 0;
      }
      return BigInt((ownSum - 2 * product) >>> 0);
    },
  };
}
