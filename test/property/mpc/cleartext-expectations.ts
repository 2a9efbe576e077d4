import { expect } from 'vitest';
import type { AnalysisSpec, ComputationSpec } from '../../../contract/analysis/analysis-spec.ts';
import { quantileRank } from '../../../contract/analysis/quantile-rank.ts';
import type { AnalysisResult, CategoryResult } from '../../../contract/result/result-codec.ts';
import { resultLayout, slotWords } from '../../../contract/result/result-layout.ts';

/** How far a float statistic (variance, stddev) may stray: relative · max(1, |want|) + absolute. */
export interface FloatTolerance {
  relative: number;
  absolute: number;
}

/**
 * One reconstructed result (or group-by cell) against the cleartext over one field's column: `encoded` are
 * the encoded values (signed), `decoded` the same values as numbers, `f` the field's fractional bits. Counts,
 * sums, extremes, quantiles and bins must be exact; mean within 6 decimals; variance and stddev within
 * `tolerance`.
 */
export function expectCleartextResult(
  result: Omit<AnalysisResult, 'suppressed'>,
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
    case 'quantile': {
      if (n === 0) return expect(result.value).toBeNull();
      const sorted = [...encoded].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return expect(result.value).toBe(Number(sorted[quantileRank(analysis.p!, n) - 1]!) / 2 ** f);
    }
    case 'histogram': {
      const edges = analysis.binEdges!;
      const want = edges.map(() => 0).concat([0]);
      for (const x of decoded) want[edges.filter((edge) => x >= edge).length]!++;
      return expect(result.bins).toEqual(want);
    }
  }
}

/**
 * A group-by cell under a minimum cell size k against its n rows: under k it says only that (suppressed,
 * no count, every figure null); otherwise it is not suppressed and carries its exact count.
 */
export function expectCellSuppression(cell: CategoryResult, n: number, k: number): void {
  if (n >= k) {
    expect(cell.suppressed).toBe(false);
    return expect(cell.count).toBe(n);
  }
  expect(cell.suppressed).toBe(true);
  expect(cell.count).toBeUndefined();
  expect(cell.value).toBeNull();
  if (cell.mean !== undefined) expect(cell.mean).toBeNull();
}

/**
 * What a recipient reconstructs before decoding (the two servers' output words added slot by slot, a
 * 128-bit slot in Z_2^128): every kept bit is 0 or 1, and every figure of a cell whose kept bit is 0 (a bin,
 * or each figure of a group-by cell) is 0, so nothing of a suppressed cell is left to read. Returns the
 * number of suppressed cells.
 */
export function expectSuppressedWordsZero(
  spec: ComputationSpec,
  words: Readonly<Record<'A' | 'B', BigUint64Array>>,
): number {
  let suppressed = 0;
  let word = 0;
  const element = (share: BigUint64Array, width: number): bigint =>
    width === 2 ? share[word]! + (share[word + 1]! << 64n) : share[word]!;
  for (const entry of resultLayout(spec)) {
    const cells = new Map<string, { kept?: bigint; figures: bigint[] }>();
    for (const slot of entry.slots) {
      // A histogram's cell is its bin (parameter), a group-by cell its category.
      const key = entry.groupBy === undefined ? `bin ${slot.parameter}` : `cell ${slot.cell}`;
      const cell = cells.get(key) ?? { figures: [] };
      cells.set(key, cell);
      const width = slotWords(slot);
      const value = BigInt.asUintN(64 * width, element(words.A, width) + element(words.B, width));
      if (slot.name === 'kept') cell.kept = value;
      else cell.figures.push(value);
      word += width;
    }
    for (const cell of cells.values()) {
      if (cell.kept === undefined) continue;
      expect([0n, 1n]).toContain(cell.kept);
      if (cell.kept === 1n) continue;
      suppressed++;
      expect(cell.figures).toEqual(cell.figures.map(() => 0n));
    }
  }
  return suppressed;
}
