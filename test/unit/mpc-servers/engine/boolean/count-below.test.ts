import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planesOfWords } from '../../../../../mpc-servers/engine/boolean/bit-planes.ts';
import { bitCountStep } from '../../../../../mpc-servers/engine/boolean/bit-count.ts';
import {
  countBelow,
  countBelowOpenStep,
  countBelowRequests,
} from '../../../../../mpc-servers/engine/boolean/count-below.ts';
import { runRound } from '../../../../../mpc-servers/engine/ops.ts';
import { materialBytes } from '../../../../../mpc-servers/engine/material.ts';
import { sub, wordsFromBytes, type RingVector } from '../../../../../contract/sharing/ring.ts';
import { runBoth, sharePlanes } from './boolean-harness.ts';

const random = (n: number): bigint[] => [...wordsFromBytes(randomBytes(8 * n))];

function share(values: RingVector): Record<'A' | 'B', RingVector> {
  const A = wordsFromBytes(randomBytes(8 * values.length));
  return { A, B: sub(values, A) };
}

const low24 = (value: bigint): bigint => BigInt.asUintN(24, value);

describe('count of XOR-shared bits by an inner product', () => {
  it.each([0, 1, 2])('counts exactly mod 2^24 (%i: none, all, random set)', async (pattern) => {
    const rows = 300;
    const bits = BigUint64Array.from(
      random(rows).map((r) => (pattern === 0 ? 0n : pattern === 1 ? 1n : r & 1n)),
    );
    const shares = sharePlanes(planesOfWords(bits, 1));
    const out = await runBoth([{ kind: 'bitCount', count: rows }], async (context, material) => {
      const [count] = await runRound(context, [
        bitCountStep(context, shares[context.party], rows, material.bitCounts(rows), 24),
      ]);
      return count;
    });
    expect(low24(out.A + out.B)).toBe([...bits].reduce((total, b) => total + b, 0n));
  });

  it.each([8, 32, 40, 64])('counts exactly mod 2^%i', async (countBits) => {
    const rows = 333;
    const bits = BigUint64Array.from(random(rows).map((r) => r & 1n));
    const shares = sharePlanes(planesOfWords(bits, 1));
    const out = await runBoth([{ kind: 'bitCount', count: rows }], async (context, material) => {
      const [count] = await runRound(context, [
        bitCountStep(context, shares[context.party], rows, material.bitCounts(rows), countBits),
      ]);
      return count;
    });
    const total = [...bits].reduce((sum, b) => sum + b, 0n);
    expect(BigInt.asUintN(countBits, out.A + out.B)).toBe(BigInt.asUintN(countBits, total));
  });

  it('costs B one word per vector, whatever its length', () => {
    expect(materialBytes([{ kind: 'bitCount', count: 1 << 15 }], 'B')).toBe(8 + 8 + 8);
  });
});

describe('threshold counts on k-bit offsets', () => {
  it('counts u < w exactly for every width, u at 0, w - 1, w and 2^k - 1', async () => {
    const bits = 9;
    const rows = 200;
    const widths = [[1n, 30n, 90n, 365n, 511n], [7n]];
    const us = widths.map((ws) =>
      BigUint64Array.from(
        random(rows).map((r, i) => {
          const w = ws[i % ws.length]!;
          const edges = [0n, w - 1n, w, w + 1n, 511n];
          return i % 2 === 0 ? edges[i % edges.length]! & 511n : r & 511n;
        }),
      ),
    );
    const shares = us.map(share);
    const requests = [
      ...widths.map(() => ({ kind: 'edaBit', count: rows, bits }) as const),
      ...countBelowRequests(
        bits,
        rows,
        widths.map((w) => w.length),
      ),
    ];
    const out = await runBoth(requests, async (context, material) => {
      const edaBits = widths.map(() => material.edaBits(rows, bits));
      const opened = await runRound(
        context,
        shares.map((u, f) => countBelowOpenStep(u[context.party], edaBits[f]!, bits)),
      );
      return countBelow(context, opened, edaBits, widths, bits, material, 24);
    });
    const want = widths.flatMap((ws, f) => ws.map((w) => BigInt([...us[f]!].filter((u) => u < w).length)));
    expect(out.A.map((a, i) => low24(a + out.B[i]!))).toEqual(want);
  });
});

describe('threshold counts on wide offsets', () => {
  it.each([31, 32, 40])('counts u < w exactly at %i bits, edges included', async (bits) => {
    const rows = 100;
    const top = (1n << BigInt(bits)) - 1n;
    const ws = [1n, 1000n, top >> 1n, top];
    const u = BigUint64Array.from(
      random(rows).map((r, i) => {
        const w = ws[i % ws.length]!;
        const edges = [0n, w - 1n, w, w + 1n, top];
        return i % 2 === 0 ? edges[i % edges.length]! & top : r & top;
      }),
    );
    const shares = share(u);
    const requests = [{ kind: 'edaBit', count: rows, bits } as const, ...countBelowRequests(bits, rows, [4])];
    const out = await runBoth(requests, async (context, material) => {
      const edaBits = [material.edaBits(rows, bits)];
      const opened = await runRound(context, [countBelowOpenStep(shares[context.party], edaBits[0]!, bits)]);
      return countBelow(context, opened, edaBits, [ws], bits, material, 24);
    });
    const want = ws.map((w) => BigInt([...u].filter((value) => value < w).length));
    expect(out.A.map((a, i) => low24(a + out.B[i]!))).toEqual(want);
  });
});
