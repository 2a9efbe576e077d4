import { describe, expect, it } from 'vitest';
import { compareWithCleartext, encodingError } from '../../../../local/demo/cleartext-comparison.ts';
import { generatePatients, toCsv, HOSPITAL_FIELDS } from '../../../../local/demo/hospital-data.ts';
import type { FieldSpec } from '../../../../contract/analysis/analysis-spec.ts';

const fields: FieldSpec[] = [
  { name: 'age', type: 'int' },
  { name: 'bmi', type: 'fixed', fractionalBits: 4 },
];
const rows = [
  [20, 18.0],
  [30, 22.5],
  [40, 30.25],
  [50, 18.49],
];

describe('compareWithCleartext (the demo and the CLI end-to-end test rely on it)', () => {
  it('computes each figure in the clear and accepts results within the encoding error', () => {
    const e = encodingError(fields[1]!); // 2^-5
    expect(e).toBe(1 / 32);
    const figures = compareWithCleartext(fields, rows, [
      { kind: 'count', count: 4, value: 4 },
      { kind: 'mean', field: 'age', count: 4, value: 35 },
      { kind: 'sum', field: 'bmi', value: 89.24 + 3 * e },
      { kind: 'variance', field: 'age', count: 4, value: 125 },
      { kind: 'stddev', field: 'age', count: 4, value: Math.sqrt(125) },
      { kind: 'min', field: 'bmi', count: 4, value: 18 },
      { kind: 'max', field: 'age', count: 4, value: 50 },
      { kind: 'histogram', field: 'age', bins: [1, 1, 2], binEdges: [25, 40] },
      { kind: 'countAbove', field: 'age', value: 2, threshold: 30 },
      { kind: 'countBelow', field: 'bmi', value: 2, threshold: 18.5 },
    ]);
    expect(figures.map((f) => [f.label, f.cleartext])).toEqual([
      ['count', 4],
      ['mean(age)', 35],
      ['sum(bmi)', 89.24],
      ['variance(age)', 125],
      ['stddev(age)', Math.sqrt(125)],
      ['min(bmi)', 18],
      ['max(age)', 50],
      ['histogram(age) (-inf, 25)', 1],
      ['histogram(age) [25, 40)', 1],
      ['histogram(age) [40, +inf)', 2],
      ['count(age > 30)', 2],
      ['count(bmi < 18.5)', 2],
    ]);
    expect(figures.every((f) => f.withinBound)).toBe(true);
    // sum of 4 values: 4e allowed (plus float slack), 3e off.
    expect(figures[2]!.allowedError).toBeCloseTo(4 * e + 89.24e-9, 12);
    // 18.49 is within e of 18.5: encoding may move it across the threshold, so one row of slack.
    expect(figures[11]!.allowedError).toBeCloseTo(1, 6);
  });

  it('rejects figures off by more than the encoding allows', () => {
    const e = encodingError(fields[1]!);
    const figures = compareWithCleartext(fields, rows, [
      { kind: 'count', count: 4, value: 5 },
      { kind: 'mean', field: 'bmi', count: 4, value: 89.24 / 4 + 1.5 * e },
      { kind: 'countAbove', field: 'age', value: 3, threshold: 30 },
      { kind: 'min', field: 'age', count: 0, value: null },
    ]);
    expect(figures.map((f) => f.withinBound)).toEqual([false, false, false, false]);
    expect(figures[3]!.absoluteError).toBe(Number.POSITIVE_INFINITY);
    expect(() => compareWithCleartext(fields, rows, [{ kind: 'sum', field: 'height', value: 1 }])).toThrow(
      /does not declare/,
    );
  });
});

describe('demo data', () => {
  it('is reproducible from the seed, inside the declared bounds, on the cents grid', () => {
    const first = generatePatients(42, 1, 50);
    expect(generatePatients(42, 1, 50)).toEqual(first);
    expect(generatePatients(43, 1, 50)).not.toEqual(first);
    for (const row of first) {
      HOSPITAL_FIELDS.forEach((field, i) => {
        expect(row[i]).toBeGreaterThanOrEqual(field.min!);
        expect(row[i]).toBeLessThanOrEqual(field.max!);
        expect(Math.abs(row[i]! * 100 - Math.round(row[i]! * 100))).toBeLessThan(1e-6);
      });
    }
    expect(toCsv(HOSPITAL_FIELDS, first.slice(0, 1))).toBe(
      `age,stay_days,bill,bmi\n${first[0]!.join(',')}\n`,
    );
  });
});
