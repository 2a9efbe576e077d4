import { add, ringVector, type RingVector } from '../../../contract/sharing/ring.ts';
import type { ChunkMaterial, MaterialRequest } from '../material.ts';
import { runRound, type PartyContext, type RoundStep } from '../ops.ts';
import { concatPlanes, plane, planeWords, planesOfWords, xorPublic, type Planes } from './bit-planes.ts';
import { andStep } from './and-gates.ts';
import { bitToArithmeticStep } from './bit-to-arithmetic.ts';
import type { EdaBitShares } from './boolean-shares.ts';
import { lessThanPublic, lessThanPublicLayers } from './compare-public.ts';

/**
 * The validity check of the dealer model with edaBits (Escudero, Ghosh, Keller, Rachuri, Scholl: "Improved
 * Primitives for MPC over Mixed Arithmetic-Binary Circuits", CRYPTO 2020, eprint 2020/338), exact for any
 * 64-bit word. Per value x of a field with bounds [low, high] and an edaBit r: open y = x - low + r (one
 * round, r uniform so y is); then u = x - low = y - r mod 2^64, and x is valid iff u <= span = high - low,
 * i.e. iff r lies in the public interval [y - span, y] mod 2^64. Without wrap (y >= span) that is
 * [r <= y] AND [r >= y - span]; with wrap (y < span) it is [r <= y] OR [r >= y - span + 2^64]. With
 * P = [r > y] ^ ~w and Q = [r < L] ^ ~w (L = y - span mod 2^64, w = [y < span] public per row) both cases
 * are v = (P & Q) ^ w. [r > y] = [~r < ~y]; both comparisons of every field run as one bit-sliced
 * comparison circuit (`lessThanPublic`, 6 rounds), then one AND round, a tree of ANDs over the fields, and
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
  const isA = context.party === 'A';
  const rows = offsets[0]?.length ?? 0;
  const width = planeWords(rows);
  const opened = await runRound(
    context,
    offsets.map((u, f) => openStep(u, edaBits[f]!.arithmetic)),
  );
  // Per field two instances side by side in each plane: [~r < ~y], then [r < L].
  const s = new Uint32Array(BITS * 2 * offsets.length * width);
  const c = new Uint32Array(s.length);
  const wraps: Planes[] = [];
  offsets.forEach((_, f) => {
    const y = opened[f]!;
    const span = BigInt.asUintN(64, spans[f]!);
    const notY = ringVector(rows);
    const bound = ringVector(rows);
    const wrap = ringVector(rows);
    for (let i = 0; i < rows; i++) {
      notY[i] = ~y[i]!;
      bound[i] = y[i]! - span;
      wrap[i] = y[i]! < span ? 1n : 0n;
    }
    wraps.push(planesOfWords(wrap, 1));
    const r = edaBits[f]!.bits;
    const publicPlanes = [planesOfWords(notY), planesOfWords(bound)];
    for (let j = 0; j < BITS; j++) {
      const rj = plane(r, j, width);
      for (let k = 0; k < 2; k++) {
        const at = (j * 2 * offsets.length + 2 * f + k) * width;
        // ~r: A flips its share.
        if (k === 0 && isA) for (let i = 0; i < width; i++) s[at + i] = ~rj[i]!;
        else s.set(rj, at);
        c.set(plane(publicPlanes[k]!, j, width), at);
      }
    }
  });
  const lt = await lessThanPublic(context, s, c, BITS, 2 * offsets.length * width, (words) =>
    material.andTriples(words),
  );
  // P = [r > y] ^ ~w, Q = [r < L] ^ ~w; v = (P & Q) ^ w.
  const flip = (bits: Planes, f: number): Planes => {
    const notWrap = wraps[f]!.map((word) => ~word);
    return xorPublic(bits, notWrap, isA);
  };
  const p = concatPlanes(offsets.map((_, f) => flip(plane(lt, 2 * f, width), f)));
  const q = concatPlanes(offsets.map((_, f) => flip(plane(lt, 2 * f + 1, width), f)));
  const [both] = await runRound(context, [andStep(context, p, q, material.andTriples(p.length / 2))]);
  let bits = offsets.map((_, f) => xorPublic(plane(both, f, width), wraps[f]!, isA));
  while (bits.length > 1) {
    const pairs = Math.floor(bits.length / 2);
    const x = concatPlanes(bits.slice(0, pairs));
    const y = concatPlanes(bits.slice(pairs, 2 * pairs));
    const [products] = await runRound(context, [andStep(context, x, y, material.andTriples(x.length / 2))]);
    bits = [...Array.from({ length: pairs }, (_, k) => plane(products, k, width)), ...bits.slice(2 * pairs)];
  }
  const valid = bits[0] ?? new Uint32Array(width);
  const [arithmetic] = await runRound(context, [
    bitToArithmeticStep(context, valid, rows, material.lifts(rows)),
  ]);
  return arithmetic;
}
