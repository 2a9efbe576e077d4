import { expect } from 'vitest';
import type { AnalysisSpec } from '../../../contract/analysis/analysis-spec.ts';
import type { AnalysisResult } from '../../../contract/result/result-codec.ts';

/** How far a float statistic (variance, stddev) may stray: relative · max(1, |want|) + absolute. */
export interface FloatTolerance {
  relative: number;
  absolute: number;
}

/**
 * One reconstructed result against the cleartext over one field's column: `encoded` are the encoded values
 * (signed), `decoded` the same values as numbers, `f` the field's fractional bits. Counts, sums, extremes and
 * bins must be exact; mean within 6 decimals; variance and stddev within `tolerance`.
 */
export function expectCleartextResult(
  result: AnalysisResult,
  analysis: AnalysisSpec,
  column: { encoded: readonly bigint[]; decoded: readonly number[]; f: number },
  tolerance: FloatTolerance,
): void {
  const { encoded, decoded, f } = column;
  const n = encoded.length;
  const sum = encoded.reduce((a, b) => a + b, 0n);
  switch (result.kind) {
    case 'count':
      return expect(result.value).toBe(n);
    case 'sum':
      return expect(result.value).toBe(Number(sum) / 2 ** f);
    case 'mean':
      if (n === 0) return expect(result.value).toBeNull();
      return expect(result.value).toBeCloseTo(Number(sum) / 2 ** f / n, 6);
    case 'variance':
    case 'stddev': {
      if (n === 0) return expect(result.value).toBeNull();
      const mean = decoded.reduce((a, b) => a + b, 0) / n;
      const variance = decoded.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
      const want = result.kind === 'variance' ? variance : Math.sqrt(variance);
      return expect(Math.abs(result.value! - want)).toBeLessThanOrEqual(
        tolerance.relative * Math.max(1, Math.abs(want)) + tolerance.absolute,
      );
    }
    case 'min':
    case 'max': {
      if (n === 0) return expect(result.value).toBeNull();
      const best = encoded.reduce((a, b) => ((result.kind === 'min' ? b < a : b > a) ? b : a));
      return expect(result.value).toBe(Number(best) / 2 ** f);
    }
    case 'countBelow':
      return expect(result.value).toBe(decoded.filter((x) => x < analysis.threshold!).length);
    case 'countAbove':
      return expect(result.value).toBe(decoded.filter((x) => x > analysis.threshold!).length);
    case 'histogram': {
      const edges = analysis.binEdges!;
      const want = edges.map(() => 0).concat([0]);
      for (const x of decoded) want[edges.filter((edge) => x >= edge).length]!++;
      return expect(result.bins).toEqual(want);
    }
  }
}
