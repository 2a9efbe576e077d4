import { randomBytes } from 'node:crypto';
import { sub, wordsFromBytes, type RingVector } from '../../contract/sharing/ring.ts';
import type { LiftShares, WideSquareShares, WideTripleShares } from './correlations.ts';
import type { PartyContext, RoundStep } from './ops.ts';
import { add128, mul128, sub128, wideLength, wideVector, type WideVector } from './ring128.ts';

/**
 * Ops on shares in Z_2^128 (`ring128.ts`): the lift of 64-bit shares of a value below 2^63 into Z_2^128,
 * squaring with a 128-bit square pair and multiplying with a 128-bit Beaver triple. With them a sum of
 * squares of 64-bit inputs is exact far past 2^64, and a 128-bit figure can be multiplied by a lifted bit.
 * All are `RoundStep`s, so they share rounds with the 64-bit ops through `runRound`.
 */

/**
 * Lift: shares y_A + y_B = y mod 2^64 of y < 2^63 become shares of y in Z_2^128. As integers
 * y_A + y_B = y + 2^64 w, and since y's top bit is 0, the wrap w is a OR b for the top bits a of y_A (known
 * to A) and b of y_B (known to B): w = a + b - ab. The product ab of two privately held bits costs one
 * opening of one bit each: A sends d = a xor r_A, B sends e = b xor r_B, each r uniform and known to its
 * owner only, with shares of r_A r_B from the dealer; a = d + (1 - 2d) r_A, b = e + (1 - 2e) r_B, so
 * ab = de + d (1 - 2e) r_B + e (1 - 2d) r_A + (1 - 2d)(1 - 2e) r_A r_B, each term local to one party.
 * The wide share is (y_own, -w_own): its sum is y_A + y_B - 2^64 w = y. One round, one bit per element per
 * party (64 to a word, the last word padded with random bits), exact, no error probability.
 */
export function liftStep(context: PartyContext, y: RingVector, material: LiftShares): RoundStep<WideVector> {
  const isA = context.party === 'A';
  const { maskBit, product } = material;
  const n = y.length;
  const masked = packBits(y, maskBit);
  return {
    masked,
    finish(opened) {
      // runRound adds the two messages word by word: the peer's bits are the sum minus this party's.
      const theirs = sub(opened, masked);
      const mine = halvesOf(masked);
      const other = halvesOf(theirs);
      const yHalves = halvesOf(y);
      const maskHalves = halvesOf(maskBit);
      const out = wideVector(n);
      for (let i = 0; i < n; i++) {
        // Bit i of the packed words is bit i & 31 of 32-bit word i >> 5 (little-endian).
        const sent = (mine[i >>> 5]! >>> (i & 31)) & 1;
        const received = (other[i >>> 5]! >>> (i & 31)) & 1;
        const d = isA ? sent : received;
        const e = isA ? received : sent;
        const own = yHalves[2 * i + 1]! >>> 31;
        const r = maskHalves[2 * i]! & 1;
        const cross = isA ? d * e + (e === 1 ? (1 - 2 * d) * r : 0) : d * (1 - 2 * e) * r;
        // alpha beta = (1 - 2d)(1 - 2e) = +-1; the high limb is -w = -(own - cross - alpha beta product).
        out[2 * i] = y[i]!;
        const high = d === e ? product[i]! : -product[i]!;
        out[2 * i + 1] = high - SMALL[own - cross + 1]!;
      }
      return out;
    },
  };
}

/** own - cross in {-1, 0, 1, 2}, at index own - cross + 1, as bigints (no conversion per element). */
const SMALL = [-1n, 0n, 1n, 2n];

/** 32-bit halves of ring words, little-endian (no copy). */
function halvesOf(words: RingVector): Uint32Array {
  return new Uint32Array(words.buffer, words.byteOffset, 2 * words.length);
}

/** Bit i of the result is msb(y_i) xor mask_i; the bits past the last element are random padding. */
function packBits(y: RingVector, maskBit: RingVector): RingVector {
  const packed = wordsFromBytes(randomBytes(Math.ceil(y.length / 64) * 8));
  const words = halvesOf(packed);
  const yHalves = halvesOf(y);
  const maskHalves = halvesOf(maskBit);
  for (let i = 0; i < y.length; i++) {
    const shift = i & 31;
    const bit = (yHalves[2 * i + 1]! >>> 31) ^ (maskHalves[2 * i]! & 1);
    words[i >>> 5] = (words[i >>> 5]! & ~(1 << shift)) | (bit << shift);
  }
  return packed;
}

/**
 * Squaring in Z_2^128 with a square pair (a, c = a^2): open d = x - a (16 bytes per element per party),
 * z = c + 2 d a (+ d^2 on A). The opened words are added limb by limb by `runRound`, so `finish` restores the
 * carry from the low to the high limb.
 */
export function wideSquareStep(
  context: PartyContext,
  x: WideVector,
  squares: WideSquareShares,
): RoundStep<WideVector> {
  const masked = sub128(x, squares.a);
  return {
    masked,
    finish(opened) {
      const d = restoreCarries(opened, masked);
      const z = mul128(d, squares.a);
      add128(z, z, z);
      add128(z, squares.c, z);
      // d is not read again: its square goes into its own memory.
      return context.party === 'A' ? add128(z, mul128(d, d, d), z) : z;
    },
  };
}

/**
 * Multiplication in Z_2^128 with a Beaver triple (a, b, c = ab): open d = x - a and e = y - b (32 bytes per
 * element per party, d's words then e's), z = c + d b + e a (+ d e on A).
 */
export function wideMultiplyStep(
  context: PartyContext,
  x: WideVector,
  y: WideVector,
  triples: WideTripleShares,
): RoundStep<WideVector> {
  const n = wideLength(x);
  if (wideLength(y) !== n || wideLength(triples.a) !== n)
    throw new RangeError(`wide multiply of ${n} by ${wideLength(y)} with ${wideLength(triples.a)} triples`);
  const masked = new BigUint64Array(4 * n);
  sub128(x, triples.a, masked.subarray(0, 2 * n));
  sub128(y, triples.b, masked.subarray(2 * n));
  return {
    masked,
    finish(opened) {
      const open = restoreCarries(opened, masked);
      const d = open.subarray(0, 2 * n);
      const e = open.subarray(2 * n);
      const z = add128(triples.c, mul128(d, triples.b));
      add128(z, mul128(e, triples.a), z);
      return context.party === 'A' ? add128(z, mul128(d, e), z) : z;
    },
  };
}

/**
 * `opened` = mine + theirs word by word: adds the low limb's carry ([low < mine's low]) to the high limb, in
 * place (`runRound` hands each step a fresh vector).
 */
function restoreCarries(opened: RingVector, mine: RingVector): WideVector {
  const open = new Uint32Array(opened.buffer, opened.byteOffset, 2 * opened.length);
  const own = new Uint32Array(mine.buffer, mine.byteOffset, 2 * mine.length);
  for (let i = 0; i < open.length; i += 4) {
    // The low limb's words compared as (high half, low half).
    const carry = open[i + 1]! < own[i + 1]! || (open[i + 1] === own[i + 1] && open[i]! < own[i]!);
    if (carry) {
      const low = open[i + 2]! + 1;
      open[i + 2] = low;
      if (low === 4294967296) open[i + 3] = open[i + 3]! + 1;
    }
  }
  return opened;
}
