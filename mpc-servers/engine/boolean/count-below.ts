import { add, type RingVector } from '../../../contract/sharing/ring.ts';
import type { ChunkMaterial, MaterialRequest } from '../material.ts';
import { runRound, type PartyContext, type RoundStep } from '../ops.ts';
import {
  concatPlanes,
  plane,
  planeWords,
  planesOfWords,
  subtractConstant,
  xorPublic,
  type Planes,
} from './bit-planes.ts';
import { andStep } from './and-gates.ts';
import { bitCountStep } from './bit-count.ts';
import type { EdaBitShares } from './boolean-shares.ts';
import { lessThanPublic, lessThanPublicLayers } from './compare-public.ts';

/**
 * Counts [u < w] over a chunk's rows for public widths 0 < w < 2^k of offsets known to lie in [0, 2^k)
 * (x' - low of checked values), with a k-bit edaBit r per value: open c = u + r mod 2^k (with the sums'
 * round), then u = c - r mod 2^k and, as in the validity check, u < w iff r lies in [c - w + 1, c] mod 2^k:
 * with L = c - w + 1 mod 2^k and the public wrap z = [c < w - 1], [u < w] = (P & Q) ^ z for P = [r > c] ^ ~z
 * and Q = [r < L] ^ ~z. [r > c] is common to all widths of a value, so w widths cost w + 1 k-bit comparisons
 * side by side (`lessThanPublic`) and one AND round; each width's count of set bits then takes one round and
 * no material per row (`bitCountStep`), exact mod 2^countBits.
 */

/** The opening of c = u + r; only its low ceil(k/8) bytes. */
export function countBelowOpenStep(
  u: RingVector,
  edaBits: EdaBitShares,
  bits: number,
): RoundStep<RingVector> {
  return { masked: add(u, edaBits.arithmetic), openedBytes: Math.ceil(bits / 8), finish: (opened) => opened };
}

/** The material of `countBelow` after the edaBits, for `widthCounts[f]` widths of each field. */
export function countBelowRequests(
  bits: number,
  rows: number,
  widthCounts: readonly number[],
): MaterialRequest[] {
  const width = planeWords(rows) / 2;
  const instances = widthCounts.reduce((total, count) => total + 1 + count, 0);
  const widths = widthCounts.reduce((total, count) => total + count, 0);
  return [
    ...lessThanPublicLayers(bits).map((gates): MaterialRequest => ({
      kind: 'andTriple',
      count: gates * instances * width,
    })),
    { kind: 'andTriple', count: widths * width },
    ...Array.from({ length: widths }, (): MaterialRequest => ({ kind: 'bitCount', count: rows })),
  ];
}

/**
 * Shares (exact mod 2^countBits) of each field's counts of rows with u < w, field by field and width by
 * width, from the opened c of `countBelowOpenStep` and the same edaBits.
 */
export async function countBelow(
  context: PartyContext,
  opened: readonly RingVector[],
  edaBits: readonly EdaBitShares[],
  widths: readonly (readonly bigint[])[],
  bits: number,
  material: ChunkMaterial,
  countBits: number,
): Promise<bigint[]> {
  const isA = context.party === 'A';
  const rows = opened[0]?.length ?? 0;
  const width = planeWords(rows);
  const instances = widths.reduce((total, w) => total + 1 + w.length, 0);
  const s = new Uint32Array(bits * instances * width);
  const c = new Uint32Array(s.length);
  const wraps: Planes[] = [];
  let instance = 0;
  const place = (shared: Planes, publicPlanes: Planes, flip: boolean): void => {
    for (let j = 0; j < bits; j++) {
      const at = (j * instances + instance) * width;
      const sj = plane(shared, j, width);
      if (flip && isA) for (let i = 0; i < width; i++) s[at + i] = ~sj[i]!;
      else s.set(sj, at);
      c.set(plane(publicPlanes, j, width), at);
    }
    instance++;
  };
  opened.forEach((open, f) => {
    const r = edaBits[f]!.bits;
    const { complement, bounds } = publicOperands(open, widths[f]!, bits);
    // [r > c] = [~r < ~c].
    place(r, complement, true);
    for (const { bound, wrap } of bounds) {
      wraps.push(wrap);
      place(r, bound, false);
    }
  });
  const lt = await lessThanPublic(context, s, c, bits, instances * width, (words) =>
    material.andTriples(words),
  );
  const p: Planes[] = [];
  const q: Planes[] = [];
  let k = 0;
  let first = 0;
  widths.forEach((w) => {
    w.forEach((_, t) => {
      const notWrap = wraps[k]!.map((word) => ~word);
      p.push(xorPublic(plane(lt, first, width), notWrap, isA));
      q.push(xorPublic(plane(lt, first + 1 + t, width), notWrap, isA));
      k++;
    });
    first += 1 + w.length;
  });
  const x = concatPlanes(p);
  const [both] = await runRound(context, [
    andStep(context, x, concatPlanes(q), material.andTriples(x.length / 2)),
  ]);
  const belowBits = wraps.map((wrap, t) => xorPublic(plane(both, t, width), wrap, isA));
  return runRound(
    context,
    belowBits.map((bitsOf) => bitCountStep(context, bitsOf, rows, material.bitCounts(rows), countBits)),
  );
}

/**
 * The public operands of `countBelow` for one field, as planes: ~c mod 2^k, and per width w the bound
 * L = c - w + 1 mod 2^k with the wrap plane z = [c < w - 1]. One transpose of c; the rest bit-sliced, each
 * bound a subtraction of the public w - 1 whose last borrow is z. Rows past the chunk's stay zero.
 */
function publicOperands(
  open: RingVector,
  widths: readonly bigint[],
  bits: number,
): { complement: Planes; bounds: { bound: Planes; wrap: Planes }[] } {
  const rows = open.length;
  const width = planeWords(rows);
  const c = planesOfWords(open, bits);
  const live = liveRows(rows, width);
  const complement = new Uint32Array(c.length);
  for (let j = 0; j < bits; j++)
    for (let i = 0, at = j * width; i < width; i++, at++) complement[at] = ~c[at]! & live[i]!;
  const bounds = widths.map((w) => {
    const { difference: bound, borrow: wrap } = subtractConstant(c, w - 1n, bits, width);
    for (let j = 0; j < bits; j++)
      for (let i = 0, at = j * width; i < width; i++, at++) bound[at] = bound[at]! & live[i]!;
    for (let i = 0; i < width; i++) wrap[i] = wrap[i]! & live[i]!;
    return { bound, wrap };
  });
  return { complement, bounds };
}

/** Per plane word, the bits of the chunk's rows (the padding rows' are zero). */
function liveRows(rows: number, width: number): Planes {
  const live = new Uint32Array(width);
  for (let t = 0; t < width; t++) {
    const left = rows - 32 * t;
    live[t] = left >= 32 ? -1 : left > 0 ? (1 << left) - 1 : 0;
  }
  return live;
}
