import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  AllOfCircuit,
  allOfLayers,
  andLayerWords,
  runAndCircuits,
} from '../../../../../mpc-servers/engine/boolean/and-layers.ts';
import { planeWords } from '../../../../../mpc-servers/engine/boolean/bit-planes.ts';
import {
  LessThanCircuit,
  lessThanPublicLayers,
} from '../../../../../mpc-servers/engine/boolean/compare-public.ts';
import type { MaterialRequest } from '../../../../../mpc-servers/engine/material.ts';
import { openPlanes, runBoth, sharePlanes } from './boolean-harness.ts';

const randomPlanes = (words: number): Uint32Array => new Uint32Array(randomBytes(4 * words).buffer);

describe('AND circuits side by side', () => {
  it('counts the ANDs of a tree over any number of planes', () => {
    expect(allOfLayers(1)).toEqual([]);
    expect(allOfLayers(2)).toEqual([1]);
    expect(allOfLayers(5)).toEqual([2, 1, 1]);
    for (const count of [3, 39, 55, 64])
      expect(allOfLayers(count).reduce((a, b) => a + b, 0)).toBe(count - 1);
    expect(andLayerWords([[3, 1], [2], [5, 2, 1]], 4)).toEqual([40, 12, 4]);
  });

  it('runs trees of different depths in the rounds of the deepest, with the triples andLayerWords counts', async () => {
    const rows = 100;
    const width = planeWords(rows);
    const sizes = [1, 2, 7, 55];
    const inputs = sizes.map((count) => Array.from({ length: count }, () => randomPlanes(width)));
    const shared = inputs.map((planes) => planes.map(sharePlanes));
    const comparison = { lt: randomPlanes(9 * width), eq: randomPlanes(9 * width) };
    const lt = sharePlanes(comparison.lt);
    const eq = sharePlanes(comparison.eq);
    const layers = [...sizes.map(allOfLayers), lessThanPublicLayers(9)];
    const requests = andLayerWords(layers, width / 2).map((count): MaterialRequest => ({
      kind: 'andTriple',
      count,
    }));
    let rounds = 0;
    const out = await runBoth(requests, async (context, material) => {
      const trees = shared.map((planes) => new AllOfCircuit(planes.map((p) => p[context.party])));
      const compare = new LessThanCircuit(lt[context.party], eq[context.party], 9, width);
      await runAndCircuits(context, [...trees, compare], (words) => {
        if (context.party === 'A') rounds++;
        return material.andTriples(words);
      });
      return [...trees.map((tree) => tree.result), compare.result];
    });
    // ceil(log2 55) = 6 rounds for the deepest tree; the comparison's 4 fit inside them.
    expect(rounds).toBe(6);
    inputs.forEach((planes, t) => {
      const want = planes.reduce((acc, p) => acc.map((word, i) => word & p[i]!));
      expect(openPlanes(out.A[t]!, out.B[t]!)).toEqual(want);
    });
    // The comparison tree against the cleartext recurrence lt = lt_hi ^ (eq_hi & lt_lo), bit 0 first.
    const plane = (planes: Uint32Array, j: number): Uint32Array =>
      planes.subarray(j * width, (j + 1) * width);
    let wantLt = plane(comparison.lt, 0);
    for (let j = 1; j < 9; j++) {
      const hiLt = plane(comparison.lt, j);
      const hiEq = plane(comparison.eq, j);
      wantLt = hiLt.map((word, i) => word ^ (hiEq[i]! & wantLt[i]!));
    }
    expect(openPlanes(out.A[sizes.length]!, out.B[sizes.length]!)).toEqual(wantLt);
  });
});
