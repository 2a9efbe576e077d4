import { add, type RingVector } from '../../../contract/sharing/ring.ts';
import type { ChunkMaterial, MaterialRequest } from '../material.ts';
import { runRound, type PartyContext, type RoundStep } from '../ops.ts';
import { plane, planeWords, planesOfWords } from './bit-planes.ts';
import { andGates } from './and-gates.ts';
import { bitToArithmeticStep } from './bit-to-arithmetic.ts';
import type { EdaBitShares } from './boolean-shares.ts';
import { lessThanPublicLayers, lessThanTree } from './compare-public.ts';

/**
 * The validity check of the dealer model with edaBits (Escudero, Ghosh, Keller, Rachuri, Scholl: "Improved
 * Primitives for MPC over Mixed Arithmetic-Binary Circuits", CRYPTO 2020, eprint 2020/338), exact for any
 * 64-bit word. Per value x of a field with bounds [low, high] and an edaBit r: open y = x - low + r (one
 * round, r uniform so y is); then u = x - low = y - r mod 2^64, and x is valid iff u <= span = high - low,
 * i.e. iff r lies in the public interval [y - span, y] mod 2^64. Without wrap (y >= span) that is
 * [r <= y] AND [r >= y - span]; with wrap (y < span) it is [r <= y] OR [r >= y - span + 2^64]. With
 * P = [r > y] ^ ~w and Q = [r < L] ^ ~w (L = y - span mod 2^64, w = [y < span] public per row) both cases
 * are v = (P & Q) ^ w. [r > y] = [~r < ~y]; both comparisons of every field run as one bit-sliced
 * comparison circuit (`lessThanTree`, 6 rounds), then one AND round, a tree of ANDs over the fields, and
 * one bit-to-arithmetic round. Rows are in [0, 2^16], fields any number.
 */
const BITS = 64;

/** The material of `rangeCheck` over `fieldCount` fields of `rows` rows, in the order it is consumed. */
export function rangeCheckRequests(fieldCount: number, rows: number): MaterialRequest[] {
  return [
    ...Array.from({ length: fieldCount }, (): MaterialRequest => ({ kind: 'edaBit', count: rows })),
    ...maskedRangeCheckRequests(fieldCount, rows),
  ];
}

/** The material of `maskedRangeCheck`: `rangeCheck`'s after its edaBits. */
export function maskedRangeCheckRequests(fieldCount: number, rows: number): MaterialRequest[] {
  const width = planeWords(rows) / 2;
  const requests: MaterialRequest[] = [];
  for (const gates of lessThanPublicLayers(BITS))
    requests.push({ kind: 'andTriple', count: gates * 2 * fieldCount * width });
  requests.push({ kind: 'andTriple', count: fieldCount * width });
  for (const pairs of andTreeLevels(fieldCount)) requests.push({ kind: 'andTriple', count: pairs * width });
  requests.push({ kind: 'lift', count: rows });
  return requests;
}

/** ANDs per level of the tree that ANDs `count` planes into one. */
function andTreeLevels(count: number): number[] {
  const levels: number[] = [];
  for (let m = count; m > 1; m -= Math.floor(m / 2)) levels.push(Math.floor(m / 2));
  return levels;
}

/** Opens each value plus its mask: y = u + r (both parties get y). */
function openStep(u: RingVector, mask: RingVector): RoundStep<RingVector> {
  return { masked: add(u, mask), finish: (opened) => opened };
}

/**
 * Additive shares of each row's validity bit: 1 iff for every field f, `values[f]` (shares of any 64-bit
 * words) read as a signed word lies within [lows[f], highs[f]]. `values` are offsets x - low already
 * (A subtracted the public low), so the bound is u <= highs[f] - lows[f] as an unsigned word.
 */
export async function rangeCheck(
  context: PartyContext,
  offsets: readonly RingVector[],
  spans: readonly bigint[],
  material: ChunkMaterial,
): Promise<RingVector> {
  const rows = offsets[0]?.length ?? 0;
  const edaBits = offsets.map(() => material.edaBits(rows));
  return maskedRangeCheck(context, offsets, spans, edaBits, material);
}

/** `rangeCheck` with the edaBits given (one per field, of the offsets' rows), the rest from `material`. */
export async function maskedRangeCheck(
  context: PartyContext,
  offsets: readonly RingVector[],
  spans: readonly bigint[],
  edaBits: readonly EdaBitShares[],
  material: ChunkMaterial,
): Promise<RingVector> {
  // A's mask: public terms enter A's shares only.
  const aMask = context.party === 'A' ? -1 : 0;
  const fields = offsets.length;
  const rows = offsets[0]?.length ?? 0;
  const width = planeWords(rows);
  const opened = await runRound(
    context,
    offsets.map((u, f) => openStep(u, edaBits[f]!.arithmetic)),
  );
  // Per field two instances side by side in each plane: [~r < ~y], then [r < L]. Their per-bit lt and eq
  // shares (`lessThanTree`) straight from the planes of y and r: L = y - span and w = [y < span] (the
  // final borrow) by a bit-sliced subtraction of the public span, bit 0 up.
  const stride = 2 * fields * width;
  const lt = new Uint32Array(BITS * stride);
  const eq = new Uint32Array(BITS * stride);
  const wraps = new Uint32Array(fields * width);
  const y = new Uint32Array(BITS * width);
  for (let f = 0; f < fields; f++) {
    planesOfWords(opened[f]!, BITS, y);
    const r = edaBits[f]!.bits;
    const span = BigInt.asUintN(64, spans[f]!);
    const borrow = wraps.subarray(f * width, (f + 1) * width);
    for (let j = 0; j < BITS; j++) {
      const spanMask = (span >> BigInt(j)) & 1n ? -1 : 0;
      const from = j * width;
      const notYAt = j * stride + 2 * f * width;
      const boundAt = notYAt + width;
      for (let i = 0; i < width; i++) {
        const yj = y[from + i]!;
        const rj = r[from + i]!;
        const b = borrow[i]!;
        const bound = yj ^ spanMask ^ b;
        borrow[i] = (~yj & (spanMask | b)) | (spanMask & b);
        // [~r < ~y]: lt = ~y & ~(~r), eq = ~r ^ ~(~y) with A's share of ~r flipped and ~y public.
        lt[notYAt + i] = ~yj & rj;
        eq[notYAt + i] = rj ^ (aMask & ~yj);
        // [r < L]: lt = L & ~r, eq = r ^ ~L.
        lt[boundAt + i] = bound & (rj ^ aMask);
        eq[boundAt + i] = rj ^ (aMask & ~bound);
      }
    }
  }
  const below = await lessThanTree(context, lt, eq, BITS, stride, (words) => material.andTriples(words));
  // P = [r > y] ^ ~w, Q = [r < L] ^ ~w; v = (P & Q) ^ w.
  const p = new Uint32Array(fields * width);
  const q = new Uint32Array(fields * width);
  for (let f = 0; f < fields; f++) {
    const at = f * width;
    const greater = 2 * at;
    const lower = greater + width;
    for (let i = 0; i < width; i++) {
      const notWrap = aMask & ~wraps[at + i]!;
      p[at + i] = below[greater + i]! ^ notWrap;
      q[at + i] = below[lower + i]! ^ notWrap;
    }
  }
  const both = await andGates(context, [p], [q], material.andTriples(p.length / 2));
  for (let i = 0; i < both.length; i++) both[i] = both[i]! ^ (aMask & wraps[i]!);
  let bits = Array.from({ length: fields }, (_, f) => plane(both, f, width));
  while (bits.length > 1) {
    const pairs = Math.floor(bits.length / 2);
    const products = await andGates(
      context,
      bits.slice(0, pairs),
      bits.slice(pairs, 2 * pairs),
      material.andTriples((pairs * width) / 2),
    );
    bits = [...Array.from({ length: pairs }, (_, k) => plane(products, k, width)), ...bits.slice(2 * pairs)];
  }
  const valid = bits[0] ?? new Uint32Array(width);
  const [arithmetic] = await runRound(context, [
    bitToArithmeticStep(context, valid, rows, material.lifts(rows)),
  ]);
  return arithmetic;
}
