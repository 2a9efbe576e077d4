import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planesOfWords } from '../../../../../mpc-servers/engine/boolean/bit-planes.ts';
import type { EdaBitShares } from '../../../../../mpc-servers/engine/boolean/boolean-shares.ts';
import {
  maskedRangeCheck,
  maskedRangeCheckRequests,
  lowBitsOf,
  rangeCheck,
  rangeCheckRequests,
} from '../../../../../mpc-servers/engine/boolean/range-check.ts';
import { materialBytes } from '../../../../../mpc-servers/engine/material.ts';
import { add, sub, wordsFromBytes, type RingVector } from '../../../../../contract/sharing/ring.ts';
import { runBoth, sharePlanes } from './boolean-harness.ts';

const MAX = (1n << 64n) - 1n;
const word = (value: bigint): bigint => BigInt.asUintN(64, value);
const words = (values: readonly bigint[]): RingVector => BigUint64Array.from(values.map(word));
const random = (n: number): bigint[] => [...wordsFromBytes(randomBytes(8 * n))];

function share(values: RingVector): Record<'A' | 'B', RingVector> {
  const A = wordsFromBytes(randomBytes(8 * values.length));
  return { A, B: sub(values, A) };
}

/** edaBit shares of chosen masks r (a test fixes r to land the opened y = u + r where it wants). */
function edaBitsOf(r: RingVector): Record<'A' | 'B', EdaBitShares> {
  const arithmetic = share(r);
  const bits = sharePlanes(planesOfWords(r));
  return {
    A: { arithmetic: arithmetic.A, bits: bits.A },
    B: { arithmetic: arithmetic.B, bits: bits.B },
  };
}

/** Reconstructed validity bits of rows with offsets `us` and masks `rs` (per field). */
async function check(
  us: readonly RingVector[],
  rs: readonly RingVector[],
  spans: readonly bigint[],
): Promise<bigint[]> {
  const rows = us[0]!.length;
  const offsets = us.map(share);
  const masks = rs.map(edaBitsOf);
  const out = await runBoth(maskedRangeCheckRequests(spans, rows), (context, material) =>
    maskedRangeCheck(
      context,
      offsets.map((o) => o[context.party]),
      spans,
      masks.map((m) => m[context.party]),
      material,
    ),
  );
  return [...add(out.A, out.B)];
}

const cleartext = (us: readonly RingVector[], spans: readonly bigint[]): bigint[] =>
  Array.from({ length: us[0]!.length }, (_, i) => (us.every((u, f) => u[i]! <= word(spans[f]!)) ? 1n : 0n));

const around = (centre: bigint): bigint[] => [-2n, -1n, 0n, 1n, 2n].map((d) => word(centre + d));

describe('range check with edaBits', () => {
  it.each([0n, 1n, 2n, 3n, 255n, 256n, 365n, 25_600_000n, 1n << 32n, 1n << 62n, 1n << 63n, MAX - 1n, MAX])(
    'is exact for u and y = u + r at 0, span, 2^k, 2^63 and 2^64 - 1 and their neighbours (span %s)',
    async (span) => {
      // Every offset edge against every opened-value edge: where the low interval wraps or just does not,
      // and where the high part (bits k and up, k the span's bit length) turns from 0 to 1 or wraps.
      const top = 1n << BigInt(lowBitsOf(span));
      const edges = [
        ...around(0n),
        ...around(span),
        ...around(top),
        ...around(top + span),
        ...around(1n << 63n),
        ...around(MAX),
      ];
      const pairs = edges.flatMap((u) => edges.map((y) => [u, y] as const));
      const r = random(40);
      const us = words([...pairs.map(([u]) => u), ...r.map((v, i) => (i % 2 === 0 ? v : v % (span + 1n)))]);
      const ys = words([...pairs.map(([, y]) => y), ...random(40)]);
      const got = await check([us], [sub(ys, us)], [span]);
      const want = cleartext([us], [span]);
      expect(got).toEqual(want);
      expect(want).toContain(1n);
      if (span < MAX) expect(want).toContain(0n);
    },
  );

  it('ANDs three fields and agrees with the cleartext row by row', async () => {
    const spans = [365n, 7n, 1n << 62n];
    const rows = 64 * 3 + 5;
    // Offsets mostly in range, some just outside, some anywhere.
    const us = spans.map((span) =>
      words(
        random(rows).map((v, i) =>
          i % 7 === 0 ? v : i % 5 === 0 ? span + 1n + BigInt(i % 3) : v % (span + 1n),
        ),
      ),
    );
    const got = await check(
      us,
      us.map(() => words(random(rows))),
      spans,
    );
    const want = cleartext(us, spans);
    expect(got).toEqual(want);
    expect(new Set(want).size).toBe(2);
  });

  it('draws its masks from the dealer: random offsets, the same answer', async () => {
    const spans = [1000n, 1n << 40n];
    const rows = 300;
    const us = spans.map((span) => words(random(rows).map((v, i) => (i % 3 === 0 ? v : v % (span + 2n)))));
    const offsets = us.map(share);
    const out = await runBoth(rangeCheckRequests(spans, rows), (context, material) =>
      rangeCheck(
        context,
        offsets.map((o) => o[context.party]),
        spans,
        material,
      ),
    );
    expect([...add(out.A, out.B)]).toEqual(cleartext(us, spans));
  });

  it('costs B per field an edaBit (8 bytes) and 1 bit per AND gate, fewer gates for narrower spans', () => {
    const rows = 1 << 14;
    const perRow = (spans: bigint[]): number => materialBytes(rangeCheckRequests(spans, rows), 'B') / rows;
    // 365: k = 9, 2 x 12 gates, P & Q, and a tree over its 55 high planes and low bit (55 gates); the lift
    // 8 bytes per row. A second field adds its 2 x 12 + 1 gates and 56 planes to the one tree.
    expect(perRow([365n])).toBeCloseTo(8 + 8 + 80 / 8, 1);
    expect(perRow([365n, 365n]) - perRow([365n])).toBeCloseTo(8 + 81 / 8, 1);
    // A whole-ring span: two 64-bit comparisons (240 gates) and P & Q, as without a high part.
    expect(perRow([MAX])).toBeCloseTo(8 + 8 + 241 / 8, 1);
    expect(perRow([25_600_000n])).toBeLessThan(perRow([MAX]));
  });
});
