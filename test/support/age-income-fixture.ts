import { expect } from 'vitest';
import type { AnalysisSpec, FieldSpec } from '../../contract/analysis/analysis-spec.ts';
import type { AnalysisResult } from '../../contract/result/result-codec.ts';

/**
 * One computation exercised end to end by several suites: an int and a fixed-point field, every analysis kind,
 * deterministic rows, and the cleartext answers the reconstructed results must match.
 */
export const AGE_INCOME_FIELDS: FieldSpec[] = [
  { name: 'age', type: 'int', min: 0, max: 120 },
  { name: 'income', type: 'fixed', fractionalBits: 8, min: -1000, max: 100000 },
];

export const AGE_INCOME_ANALYSES: AnalysisSpec[] = [
  { kind: 'count' },
  { kind: 'sum', field: 'income' },
  { kind: 'mean' },
  { kind: 'variance', field: 'income' },
  { kind: 'stddev', field: 'age' },
  { kind: 'histogram', field: 'age', binEdges: [18, 40, 65] },
  { kind: 'countAbove', field: 'income', threshold: 50000 },
  { kind: 'countBelow', field: 'age', threshold: 30 },
  { kind: 'min' },
  { kind: 'max' },
];

/** `count` rows [age, income] within the fields' bounds, the same for the same seed. */
export function ageIncomeRows(seed: number, count: number): number[][] {
  return Array.from({ length: count }, (_, i) => {
    const x = (seed * 7919 + i * 104729) % 100_003;
    return [x % 121, ((x * 37) % 101_000) - 1000 + (x % 256) / 256];
  });
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]): number => mean(xs.map((x) => (x - mean(xs)) ** 2));

/** Every analysis of AGE_INCOME_ANALYSES against its cleartext answer over all `rows`. */
export function expectCleartextAnswers(results: AnalysisResult[], rows: number[][]): void {
  const ages = rows.map((row) => row[0]!);
  const incomes = rows.map((row) => row[1]!);
  const find = (kind: string, field?: string) => results.find((r) => r.kind === kind && r.field === field)!;
  expect(find('count').value).toBe(rows.length);
  expect(find('sum', 'income').value).toBeCloseTo(
    incomes.reduce((a, b) => a + b, 0),
    6,
  );
  expect(find('mean', 'age').value).toBeCloseTo(mean(ages), 9);
  expect(find('mean', 'income').value).toBeCloseTo(mean(incomes), 6);
  expect(find('variance', 'income').value).toBeCloseTo(variance(incomes), 3);
  expect(find('stddev', 'age').value).toBeCloseTo(Math.sqrt(variance(ages)), 9);
  expect(find('histogram', 'age').bins).toEqual([
    ages.filter((x) => x < 18).length,
    ages.filter((x) => x >= 18 && x < 40).length,
    ages.filter((x) => x >= 40 && x < 65).length,
    ages.filter((x) => x >= 65).length,
  ]);
  expect(find('countAbove', 'income').value).toBe(incomes.filter((x) => x > 50000).length);
  expect(find('countBelow', 'age').value).toBe(ages.filter((x) => x < 30).length);
  expect(find('min', 'age').value).toBe(Math.min(...ages));
  expect(find('max', 'age').value).toBe(Math.max(...ages));
  expect(find('min', 'income').value).toBe(Math.min(...incomes));
  expect(find('max', 'income').value).toBe(Math.max(...incomes));
}
