import { concatBytes } from '../../contract/crypto/concat-bytes.ts';
import type { Party } from '../../contract/party.ts';
import type { PeerChannel } from '../transport/peer-channel.ts';
import type { ComparisonShares, SquareShares, TripleShares } from './correlations.ts';
import { packLowBytes, unpackLowBytes } from './word-packing.ts';
import { dcfEvaluate, dcfEvaluatePair } from './dcf.ts';
import { WHOLE_RING_BITS } from './material.ts';
import {
  add,
  addConstant,
  negate,
  ringVector,
  shiftRightLogical,
  sub,
  type RingVector,
} from '../../contract/sharing/ring.ts';

/**
 * The online operations on additive shares x = x_A + x_B mod 2^64. Every op is vectorised; ops that open
 * masked values are split into `begin` (what to send) and `finish` (what to do with the opened values) so
 * that independent ops of one layer share a single round trip through `runRound`.
 */
export interface PartyContext {
  party: Party;
  channel: PeerChannel;
}

export interface RoundStep<T> {
  /** This party's shares of the masked values to open. */
  masked: RingVector;
  /** Bytes of each word that must be opened (default 8); fewer when only the low bits matter. */
  openedBytes?: number;
  finish(opened: RingVector): T;
}

/** Opens the masked values of all steps in one message each way and finishes each step. */
export async function runRound<T extends unknown[]>(
  context: PartyContext,
  steps: { [K in keyof T]: RoundStep<T[K]> },
): Promise<T> {
  const widths = steps.map((step) => step.openedBytes ?? 8);
  const parts = steps.map((step, i) => packLowBytes(step.masked, widths[i]!));
  const outgoing = parts.length === 1 ? parts[0]! : concatBytes(...parts);
  const incoming = await context.channel.exchange(outgoing);
  if (incoming.byteLength !== outgoing.byteLength) {
    throw new Error(
      `protocol desynchronised: peer sent ${incoming.byteLength} bytes, expected ${outgoing.byteLength}`,
    );
  }
  let offset = 0;
  return steps.map((step, i) => {
    const length = parts[i]!.byteLength;
    const theirs = unpackLowBytes(incoming.subarray(offset, offset + length), step.masked.length, widths[i]!);
    offset += length;
    // Narrower words were unpacked into a vector of their own: the sum goes there. Whole words may be a
    // view of the peer's message, which stays as it came.
    return step.finish(add(step.masked, theirs, widths[i]! < 8 ? theirs : undefined));
  }) as T;
}

const isA = (context: PartyContext): boolean => context.party === 'A';

/** Adds a public vector or constant: only A adds it, so the shares still sum to x + k. */
export function addPublic(context: PartyContext, x: RingVector, k: bigint): RingVector {
  return isA(context) ? addConstant(x, k) : x.slice();
}

/** Beaver multiplication, 1 round, 16 bytes sent per product per party: z = c + d*b + e*a (+ d*e on A). */
export function multiplyStep(
  context: PartyContext,
  x: RingVector,
  y: RingVector,
  triples: TripleShares,
): RoundStep<RingVector> {
  const n = x.length;
  const masked = ringVector(2 * n);
  sub(x, triples.a, masked.subarray(0, n));
  sub(y, triples.b, masked.subarray(n));
  return {
    masked,
    finish(opened) {
      return beaverCombine(opened.subarray(0, n), opened.subarray(n), triples, isA(context));
    },
  };
}

/** One pass: z = c + d*b + e*a, plus d*e on A (the public term). */
function beaverCombine(
  d: RingVector,
  e: RingVector,
  triples: TripleShares,
  withPublicTerm: boolean,
): RingVector {
  const { a, b, c } = triples;
  const z = ringVector(d.length);
  if (withPublicTerm)
    for (let i = 0; i < z.length; i++) z[i] = c[i]! + d[i]! * b[i]! + e[i]! * a[i]! + d[i]! * e[i]!;
  else for (let i = 0; i < z.length; i++) z[i] = c[i]! + d[i]! * b[i]! + e[i]! * a[i]!;
  return z;
}

/** One pass: z = c + 2*d*a, plus d^2 on A. */
function squareCombine(d: RingVector, squares: SquareShares, withPublicTerm: boolean): RingVector {
  const { a, c } = squares;
  const z = ringVector(d.length);
  if (withPublicTerm) for (let i = 0; i < z.length; i++) z[i] = c[i]! + 2n * d[i]! * a[i]! + d[i]! * d[i]!;
  else for (let i = 0; i < z.length; i++) z[i] = c[i]! + 2n * d[i]! * a[i]!;
  return z;
}

/** Squaring with a square pair, 1 round, 8 bytes per element per party: z = c + 2*d*a (+ d^2 on A). */
export function squareStep(
  context: PartyContext,
  x: RingVector,
  squares: SquareShares,
): RoundStep<RingVector> {
  const masked = sub(x, squares.a);
  return {
    masked,
    finish(d) {
      return squareCombine(d, squares, isA(context));
    },
  };
}

/**
 * [z < 0] for signed z with -2^(bits-1) <= z < 2^(bits-1), as additive shares of 0/1. One round, 8 bytes per
 * element per party: open zHat = z + r; with u = zHat mod 2^bits the sign is
 * msb(u) xor msb(r) xor [low(zHat) < low(r)] (the borrow of the low bits), the last term from the DCF.
 */
export function lessThanZeroStep(
  context: PartyContext,
  z: RingVector,
  material: ComparisonShares,
): RoundStep<RingVector> {
  const { bits } = material;
  const lowMask = (1n << BigInt(bits - 1)) - 1n;
  const topShift = BigInt(bits - 1);
  return {
    masked: add(z, material.mask),
    // Only u = zHat mod 2^bits is used: open ceil(bits / 8) bytes per element.
    openedBytes: Math.ceil(bits / 8),
    finish(opened) {
      const low = ringVector(opened.length);
      for (let i = 0; i < low.length; i++) low[i] = opened[i]! & lowMask;
      // Shares of w = s + (1 - 2s) * borrow = s xor borrow.
      const w = add(material.maskTopBit, dcfEvaluate(context.party === 'A' ? 0 : 1, material.dcf, low));
      // Result = p xor w with public p = msb(u): w where p = 0, 1 - w where p = 1.
      const out = ringVector(w.length);
      const one = isA(context) ? 1n : 0n;
      for (let i = 0; i < out.length; i++) {
        const p = (opened[i]! >> topShift) & 1n;
        out[i] = p === 1n ? one - w[i]! : w[i]!;
      }
      return out;
    },
  };
}

/**
 * [u < w] for u anywhere in Z_2^64 read as unsigned and public 0 < w (one per element), as additive shares
 * of 0/1, exact over the whole ring. One round, 8 bytes per element per party. The material is a DCF over
 * all 64 bits with alpha = r, beta = 1 (`WHOLE_RING_BITS`); with uHat = u + r opened,
 * [u < w] = [uHat < w] - [uHat < r] + [uHat - w < r] (the wraps of uHat = u + r and uHat - w = (u - w) + r
 * cancel), two evaluations of the same key that share their top levels (`dcfEvaluatePair`).
 */
export function belowPublicStep(
  context: PartyContext,
  u: RingVector,
  width: RingVector,
  material: ComparisonShares,
): RoundStep<RingVector> {
  if (material.bits !== WHOLE_RING_BITS)
    throw new RangeError(`a whole-ring comparison needs ${WHOLE_RING_BITS}-bit material`);
  return {
    masked: add(u, material.mask),
    finish(opened) {
      const party = context.party === 'A' ? 0 : 1;
      const [atMasked, atShifted] = dcfEvaluatePair(party, material.dcf, opened, sub(opened, width));
      return belowPublicCombine(opened, width, atMasked, atShifted, isA(context));
    },
  };
}

/** One pass: [uHat < w] (public, A only) - [uHat < r] + [uHat - w < r], per element's own w. */
export function belowPublicCombine(
  opened: RingVector,
  width: RingVector,
  atMasked: RingVector,
  atShifted: RingVector,
  withPublicTerm: boolean,
): RingVector {
  const out = ringVector(opened.length);
  for (let i = 0; i < out.length; i++) {
    const publicTerm = withPublicTerm && opened[i]! < width[i]! ? 1n : 0n;
    out[i] = publicTerm - atMasked[i]! + atShifted[i]!;
  }
  return out;
}

/** Oblivious select b ? x : y = y + b * (x - y), for shared bits b: one multiplication. */
export function selectStep(
  context: PartyContext,
  bit: RingVector,
  x: RingVector,
  y: RingVector,
  triples: TripleShares,
): RoundStep<RingVector> {
  const step = multiplyStep(context, bit, sub(x, y), triples);
  return { masked: step.masked, finish: (opened) => add(y, step.finish(opened)) };
}

export const multiply = (
  c: PartyContext,
  x: RingVector,
  y: RingVector,
  t: TripleShares,
): Promise<RingVector> => runRound(c, [multiplyStep(c, x, y, t)]).then(([z]) => z);
export const square = (c: PartyContext, x: RingVector, s: SquareShares): Promise<RingVector> =>
  runRound(c, [squareStep(c, x, s)]).then(([z]) => z);
export const lessThanZero = (c: PartyContext, z: RingVector, m: ComparisonShares): Promise<RingVector> =>
  runRound(c, [lessThanZeroStep(c, z, m)]).then(([b]) => b);
export const select = (
  c: PartyContext,
  b: RingVector,
  x: RingVector,
  y: RingVector,
  t: TripleShares,
): Promise<RingVector> => runRound(c, [selectStep(c, b, x, y, t)]).then(([z]) => z);

/**
 * Probabilistic truncation by f bits without communication (SecureML, Mohassel-Zhang 2017): A shifts its
 * share (as an unsigned word), B shifts the negation of its share and negates back. For |x| < 2^k the result
 * is floor(x/2^f) or that + 1 (error at most 1 unit in the last place), except with probability at most
 * 2^(k-64) over A's uniform share, where it is wrong by about 2^(64-f).
 */
export function truncateLocal(context: PartyContext, x: RingVector, fractionalBits: number): RingVector {
  if (isA(context)) return shiftRightLogical(x, fractionalBits);
  return negate(shiftRightLogical(negate(x), fractionalBits));
}
