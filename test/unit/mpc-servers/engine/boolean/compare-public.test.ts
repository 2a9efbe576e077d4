import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planeWords, planesOfWords } from '../../../../../mpc-servers/engine/boolean/bit-planes.ts';
import {
  lessThanPublic,
  lessThanPublicLayers,
} from '../../../../../mpc-servers/engine/boolean/compare-public.ts';
import type { MaterialRequest } from '../../../../../mpc-servers/engine/material.ts';
import { wordsFromBytes } from '../../../../../contract/sharing/ring.ts';
import { bitAt, openPlanes, runBoth, sharePlanes } from './boolean-harness.ts';

const MAX = (1n << 64n) - 1n;

/** [s < c] over the low `bits` bits of each pair, through the circuit, with exactly its material. */
async function compare(pairs: readonly (readonly [bigint, bigint])[], bits: number): Promise<number[]> {
  const rows = pairs.length;
  const width = planeWords(rows);
  const s = planesOfWords(BigUint64Array.from(pairs.map(([v]) => v)), bits);
  const c = planesOfWords(BigUint64Array.from(pairs.map(([, v]) => v)), bits);
  const shares = sharePlanes(s);
  const requests: MaterialRequest[] = lessThanPublicLayers(bits).map((gates) => ({
    kind: 'andTriple',
    count: (gates * width) / 2,
  }));
  const out = await runBoth(requests, (context, material) =>
    lessThanPublic(context, shares[context.party], c, bits, width, (words) => material.andTriples(words)),
  );
  const lt = openPlanes(out.A, out.B);
  return pairs.map((_, i) => bitAt(lt, i));
}

const expected = (pairs: readonly (readonly [bigint, bigint])[], bits: number): number[] => {
  const mask = (1n << BigInt(bits)) - 1n;
  return pairs.map(([s, c]) => ((s & mask) < (c & mask) ? 1 : 0));
};

const random = (n: number): bigint[] => [...wordsFromBytes(randomBytes(8 * n))];

describe('comparison circuit with a public operand', () => {
  it('has the (lt, eq) tree shape: 120 AND planes in 6 layers for 64 bits', () => {
    expect(lessThanPublicLayers(64)).toEqual([63, 31, 15, 7, 3, 1]);
    expect(lessThanPublicLayers(1)).toEqual([]);
    expect(lessThanPublicLayers(3)).toEqual([1, 1]);
  });

  it('is exact for random words and at the edges 0, 1, 2^63 and 2^64 - 1', async () => {
    const edges = [0n, 1n, 2n, (1n << 63n) - 1n, 1n << 63n, (1n << 63n) + 1n, MAX - 1n, MAX];
    const pairs: [bigint, bigint][] = [];
    for (const s of edges) for (const c of edges) pairs.push([s, c]);
    const r = random(200);
    for (let i = 0; i < 100; i++) pairs.push([r[i]!, r[100 + i]!], [r[i]!, r[i]!], [r[i]!, r[i]! + 1n]);
    const words = pairs.map(([s, c]) => [BigInt.asUintN(64, s), BigInt.asUintN(64, c)] as const);
    expect(await compare(words, 64)).toEqual(expected(words, 64));
  });

  it('lets every bit position decide: s = c with one bit flipped, each of the 64', async () => {
    // Any mutation of a leaf, a combine or the tree wiring gets some of these wrong.
    const c = random(4);
    const pairs = c.flatMap((value) =>
      Array.from({ length: 64 }, (_, j) => [value ^ (1n << BigInt(j)), value] as const),
    );
    const out = await compare(pairs, 64);
    expect(out).toEqual(pairs.map(([, value], k) => Number((value >> BigInt(k % 64)) & 1n)));
  });

  it.each([1, 3, 26, 33])('is exact at %i bits (odd trees)', async (bits) => {
    const r = random(300);
    const pairs = Array.from({ length: 150 }, (_, i) => [r[i]!, i % 3 === 0 ? r[i]! : r[150 + i]!] as const);
    expect(await compare(pairs, bits)).toEqual(expected(pairs, bits));
  });
});
