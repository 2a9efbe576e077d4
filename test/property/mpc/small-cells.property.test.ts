import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ComputationSpec } from '../../../contract/analysis/analysis-spec.ts';
import { runJobInMemory } from './run-job-in-memory.ts';

/**
 * Minimum cell size k against the cleartext: every histogram bin with at least k rows reconstructs to its
 * exact count, every bin with fewer is null and marked suppressed, and the other analyses stay exact.
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
        const { results } = await runJobInMemory(
          spec,
          participants.map((values) => values.map((value) => [value])),
          { chunkRows },
        );
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
