import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  AnalysisSpec,
  CategoryField,
  ComputationSpec,
  FieldSpec,
} from '../../../contract/analysis/analysis-spec.ts';
import { encodeFixed } from '../../../contract/analysis/fixed-point.ts';
import type { CategoryResult } from '../../../contract/result/result-codec.ts';
import {
  expectCellSuppression,
  expectCleartextResult,
  expectSuppressedWordsZero,
} from './cleartext-expectations.ts';
import { runJobInMemory } from './run-job-in-memory.ts';

/**
 * Minimum cell size k against the cleartext: every histogram bin and every group-by cell with at least k
 * rows reconstructs to its exact figures, every one with fewer says only that (null, suppressed, no count),
 * and the other analyses stay exact. Group-by cells are drawn just below, at and just above k, over a fixed
 * field whose squares exceed 2^64, so the suppressed figures include sums of squares in Z_2^128.
 */
const scenario = fc.record({
  k: fc.integer({ min: 2, max: 6 }),
  edges: fc
    .uniqueArray(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 4 })
    .map((edges) => edges.sort((a, b) => a - b)),
  participants: fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 14 }), {
    minLength: 1,
    maxLength: 3,
  }),
  chunkRows: fc.integer({ min: 1, max: 9 }),
});

describe('minimum cell size', () => {
  it('suppresses exactly the bins under k and keeps the rest exact', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ k, edges, participants, chunkRows }) => {
        const spec: ComputationSpec = {
          fields: [{ name: 'x', type: 'int', min: 0, max: 20 }],
          analyses: [{ kind: 'count' }, { kind: 'histogram', field: 'x', binEdges: edges }],
          minCellSize: k,
        };
        const rows = participants.flat();
        const { results, outputWords } = await runJobInMemory(
          spec,
          participants.map((values) => values.map((value) => [value])),
          { chunkRows },
        );
        expectSuppressedWordsZero(spec, outputWords);
        const bounds = [-Infinity, ...edges, Infinity];
        const counts = bounds
          .slice(0, -1)
          .map((lower, bin) => rows.filter((x) => x >= lower && x < bounds[bin + 1]!).length);
        const histogram = results.find((result) => result.kind === 'histogram')!;
        expect(histogram.suppressed).toEqual(counts.map((count) => count < k));
        expect(histogram.bins).toEqual(counts.map((count) => (count < k ? null : count)));
        expect(results.find((result) => result.kind === 'count')!.value).toBe(rows.length);
      }),
      { numRuns: 25 },
    );
  });
});

const F = 16;
const WIDTH = 1_000_000;
const ward = (categories: number): CategoryField => ({
  name: 'ward',
  type: 'category',
  categories: Array.from({ length: categories }, (_, i) => String.fromCharCode(65 + i)),
});
const groupedAnalyses = (p: number): AnalysisSpec[] => [
  { kind: 'count', groupBy: 'ward' },
  { kind: 'sum', field: 'x', groupBy: 'ward' },
  { kind: 'mean', field: 'x', groupBy: 'ward' },
  { kind: 'variance', field: 'x', groupBy: 'ward' },
  { kind: 'stddev', field: 'x', groupBy: 'ward' },
  { kind: 'quantile', field: 'x', p, groupBy: 'ward' },
];

/** Rows [category, x] with each category's row count just below, at or above k (or anything up to k + 2). */
const groupedScenario = fc
  .record({
    k: fc.integer({ min: 2, max: 5 }),
    categories: fc.integer({ min: 1, max: 4 }),
    low: fc.integer({ min: -WIDTH, max: 0 }),
    p: fc.constantFrom(0.5, 0.25, 0.9),
    chunkRows: fc.integer({ min: 1, max: 7 }),
  })
  .chain(({ k, categories, low, p, chunkRows }) => {
    const field: FieldSpec = { name: 'x', type: 'fixed', fractionalBits: F, min: low, max: low + WIDTH };
    const value = fc.oneof(
      fc.double({ min: low, max: low + WIDTH, noNaN: true }),
      fc.constantFrom(low, low + WIDTH),
    );
    const size = fc.oneof(fc.constantFrom(k - 1, k, k + 1), fc.integer({ min: 0, max: k + 2 }));
    const cell = (category: number) =>
      size.chain((n) =>
        fc.array(fc.tuple(fc.constant(category), value, fc.nat({ max: 2 })), { minLength: n, maxLength: n }),
      );
    return fc.record({
      k: fc.constant(k),
      field: fc.constant(field),
      categories: fc.constant(categories),
      p: fc.constant(p),
      chunkRows: fc.constant(chunkRows),
      rows: fc.tuple(...Array.from({ length: categories }, (_, c) => cell(c))).map((cells) => cells.flat()),
    });
  });

describe('minimum cell size over group-by cells', () => {
  it('suppresses exactly the cells under k, every figure of them, and keeps the rest exact', async () => {
    await fc.assert(
      fc.asyncProperty(groupedScenario, async ({ k, field, categories, p, chunkRows, rows }) => {
        const by = ward(categories);
        const analyses = [...groupedAnalyses(p), { kind: 'histogram' as const, field: 'x', binEdges: [0] }];
        const spec: ComputationSpec = { fields: [by, field], analyses, minCellSize: k };
        // Each row goes to the participant drawn for it (1 to 3 participants).
        const participants = [0, 1, 2]
          .map((owner) => rows.filter((row) => row[2] === owner).map(([c, x]) => [c, x]))
          .filter((owned, owner) => owner === 0 || owned.length > 0);
        const { results, outputWords } = await runJobInMemory(spec, participants, { chunkRows });
        expectSuppressedWordsZero(spec, outputWords);
        const encoded = rows.map(([c, x]) => [c, BigInt.asIntN(64, encodeFixed(x, F))] as const);
        for (const analysis of groupedAnalyses(p)) {
          const result = results.find((r) => r.kind === analysis.kind && r.groupBy === 'ward')!;
          by.categories.forEach((category, c) => {
            const column = encoded.filter(([cell]) => cell === c).map(([, x]) => x);
            const group: CategoryResult = result.groups![c]!;
            expect(group.category).toBe(category);
            expectCellSuppression(group, column.length, k);
            if (column.length < k) return;
            const decoded = column.map((x) => Number(x) / 2 ** F);
            expectCleartextResult(group, analysis, { encoded: column, decoded, f: F }, TOLERANCE);
          });
        }
        const below = encoded.filter(([, x]) => x < 0n).length;
        const bins = [below, encoded.length - below];
        const histogram = results.find((r) => r.kind === 'histogram')!;
        expect(histogram.suppressed).toEqual(bins.map((n) => n < k));
        expect(histogram.bins).toEqual(bins.map((n) => (n < k ? null : n)));
      }),
      { numRuns: 15 },
    );
  }, 300_000);

  it('cells of k - 1, k and k + 1 rows at the bounds: sums of squares past 2^64 kept or zeroed', async () => {
    const k = 3;
    const field: FieldSpec = { name: 'x', type: 'fixed', fractionalBits: F, min: -WIDTH, max: WIDTH };
    const sizes = [k - 1, k, k + 1];
    const rows = sizes.flatMap((n, c) =>
      Array.from({ length: n }, (_, i) => [c, i % 2 === 0 ? WIDTH : -WIDTH + i / 1024]),
    );
    const spec: ComputationSpec = {
      fields: [ward(sizes.length), field],
      analyses: groupedAnalyses(0.5),
      minCellSize: k,
    };
    const { results, outputWords } = await runJobInMemory(spec, [rows.slice(0, 4), rows.slice(4)], {
      chunkRows: 2,
    });
    // The k - 1 cell of each of the six analyses.
    expect(expectSuppressedWordsZero(spec, outputWords)).toBe(6);
    const variance = results.find((r) => r.kind === 'variance')!;
    sizes.forEach((n, c) => {
      const column = rows.filter(([cell]) => cell === c).map(([, x]) => encodeFixed(x!, F));
      const squares = column.reduce((total, x) => total + BigInt.asIntN(64, x) ** 2n, 0n);
      expect(squares).toBeGreaterThan(2n ** 64n);
      expectCellSuppression(variance.groups![c]!, n, k);
    });
    const sum = results.find((r) => r.kind === 'sum')!;
    expect(sum.groups!.map((cell) => cell.count)).toEqual([undefined, 3, 4]);
  });

  it('the servers see the same message sizes whichever cells are suppressed', async () => {
    const field: FieldSpec = { name: 'x', type: 'fixed', fractionalBits: F, min: -WIDTH, max: WIDTH };
    const spec: ComputationSpec = {
      fields: [ward(2), field],
      analyses: groupedAnalyses(0.5),
      minCellSize: 4,
    };
    // Four rows each time: both cells under k; A at k and B empty; B at k with values at the other bound.
    const layouts = [
      [0, 0, 1, 1],
      [0, 0, 0, 0],
      [1, 1, 1, 1],
    ].map((cells, i) => cells.map((c) => [c, i === 2 ? -WIDTH : WIDTH]));
    const views = await Promise.all(
      layouts.map(async (rows) => {
        const { channels } = await runJobInMemory(spec, [rows], { chunkRows: 2 });
        return channels.map((channel) => channel.received.map((message) => message.byteLength));
      }),
    );
    expect(views[1]).toEqual(views[0]);
    expect(views[2]).toEqual(views[0]);
  });

  it('with differential privacy the noisy counts are compared: empty cells are kept about half the time', async () => {
    const field: FieldSpec = { name: 'x', type: 'int', min: 0, max: 10 };
    const by = ward(5);
    const spec: ComputationSpec = {
      fields: [by, field],
      analyses: groupedAnalyses(0.5).slice(0, 4),
      minCellSize: 2,
      privacy: { epsilon: 1, delta: 0 },
    };
    // One row in one cell: every exact count is below k, so comparing exact counts would suppress all 20.
    const { results, outputWords } = await runJobInMemory(spec, [[[0, 5]]]);
    expectSuppressedWordsZero(spec, outputWords);
    const cells = results.flatMap((result) => result.groups!);
    const kept = cells.filter((cell) => cell.suppressed === false);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(cells.length);
    for (const cell of kept) expect(cell.count!).toBeGreaterThanOrEqual(2);
    for (const cell of cells.filter((c) => c.suppressed))
      expect([cell.count, cell.value]).toEqual([undefined, null]);
  });
});

const TOLERANCE = { relative: 1e-9, absolute: 1e-9 };
