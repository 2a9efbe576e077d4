import { describe, expect, it } from 'vitest';
import type { AnalysisSpec, FieldSpec } from '../../../../contract/analysis/analysis-spec.ts';
import {
  MAX_ANALYSES,
  MAX_BIN_EDGES,
  MAX_FIELDS,
  MAX_ROWS_PER_PARTICIPANT,
} from '../../../../contract/analysis/spec-limits.ts';
import {
  analysisViolations,
  fieldViolations,
  specViolations,
} from '../../../../contract/analysis/spec-rules.ts';

const age: FieldSpec = { name: 'age', type: 'int', min: 0, max: 120 };
const paths = (violations: { path: string }[]) => violations.map((violation) => violation.path);
const analyses = (list: object[]) => paths(analysisViolations(list as AnalysisSpec[], [age]));
const fields = (list: object[]) => paths(fieldViolations(list as FieldSpec[]));

describe('spec rules', () => {
  it('accepts a valid spec', () => {
    expect(specViolations({ fields: [age], analyses: [{ kind: 'count' }, { kind: 'mean' }] })).toEqual([]);
  });

  it('fields: count, unique names, known types, fractional bits, finite encodable ordered bounds', () => {
    expect(fields([])).toEqual(['/fields']);
    expect(
      fields(Array.from({ length: MAX_FIELDS + 1 }, (_, i) => ({ name: `f${i}`, type: 'int' }))),
    ).toEqual(['/fields']);
    expect(fields([age, age])).toEqual(['/fields/1/name']);
    expect(fields([{ name: 'x', type: 'float' }])).toEqual(['/fields/0/type']);
    expect(fields([{ name: 'x', type: 'fixed', fractionalBits: 31 }])).toEqual(['/fields/0/fractionalBits']);
    expect(fields([{ name: 'x', type: 'fixed', fractionalBits: 1.5 }])).toEqual(['/fields/0/fractionalBits']);
    expect(fields([{ name: 'x', type: 'int', max: 0.5 }])).toEqual(['/fields/0/max']);
    expect(fields([{ name: 'x', type: 'fixed', min: Number.NaN }])).toEqual(['/fields/0/min']);
    expect(fields([{ name: 'x', type: 'fixed', fractionalBits: 30, max: 2 ** 32 }])).toEqual([
      '/fields/0/max',
    ]);
    expect(fields([{ name: 'x', type: 'int', min: 2, max: 1 }])).toEqual(['/fields/0/min']);
  });

  it('analyses: count, no repeats, known kinds, existing fields, exactly their parameters', () => {
    expect(analyses([])).toEqual(['/analyses']);
    expect(
      analyses(Array.from({ length: MAX_ANALYSES + 1 }, (_, t) => ({ kind: 'countAbove', threshold: t }))),
    ).toEqual(['/analyses']);
    expect(analyses([{ kind: 'min' }, { kind: 'min' }])).toEqual(['/analyses/1']);
    expect(analyses([{ kind: 'median' }])).toEqual(['/analyses/0/kind']);
    expect(analyses([{ kind: 'count', field: 'age' }])).toEqual(['/analyses/0/field']);
    expect(analyses([{ kind: 'sum', field: 'weight' }])).toEqual(['/analyses/0/field']);
    expect(analyses([{ kind: 'countAbove' }])).toEqual(['/analyses/0/threshold']);
    expect(analyses([{ kind: 'countAbove', threshold: Number.POSITIVE_INFINITY }])).toEqual([
      '/analyses/0/threshold',
    ]);
    expect(analyses([{ kind: 'max', threshold: 3 }])).toEqual(['/analyses/0/threshold']);
    expect(analyses([{ kind: 'mean', binEdges: [1] }])).toEqual(['/analyses/0/binEdges']);
  });

  it('histogram edges: 1..MAX_BIN_EDGES finite, strictly increasing', () => {
    expect(analyses([{ kind: 'histogram', binEdges: [30] }])).toEqual([]);
    expect(
      analyses([{ kind: 'histogram', binEdges: Array.from({ length: MAX_BIN_EDGES }, (_, i) => i) }]),
    ).toEqual([]);
    for (const binEdges of [
      undefined,
      [],
      Array.from({ length: MAX_BIN_EDGES + 1 }, (_, i) => i),
      [1, 1],
      [2, Number.NaN],
    ])
      expect(analyses([{ kind: 'histogram', binEdges }])).toEqual(['/analyses/0/binEdges']);
  });

  it('uses the paths it is given', () => {
    const violations = specViolations(
      { fields: [age, age], analyses: [{ kind: 'sum', field: 'nope' }] },
      { fields: '/inputSchema/fields', analyses: '/analyses' },
    );
    expect(paths(violations)).toEqual(['/inputSchema/fields/1/name', '/analyses/0/field']);
  });
});

describe('quantile and group-by rules', () => {
  const ward: FieldSpec = { name: 'ward', type: 'category', categories: ['A', 'B'] };
  const grouped = (list: object[]) => paths(analysisViolations(list as AnalysisSpec[], [age, ward]));

  it('quantile takes exactly one p in (0, 1) with at most 6 decimal places', () => {
    expect(analyses([{ kind: 'quantile', field: 'age', p: 0.5 }])).toEqual([]);
    expect(analyses([{ kind: 'quantile', field: 'age', p: 0.999999 }])).toEqual([]);
    expect(analyses([{ kind: 'quantile', field: 'age' }])).toEqual(['/analyses/0/p']);
    for (const p of [0, 1, 1.5, 0.1234567, Number.NaN])
      expect(analyses([{ kind: 'quantile', field: 'age', p }])).toEqual(['/analyses/0/p']);
    expect(analyses([{ kind: 'mean', field: 'age', p: 0.5 }])).toEqual(['/analyses/0/p']);
    expect(
      analyses([
        { kind: 'quantile', field: 'age', p: 0.5 },
        { kind: 'quantile', field: 'age', p: 0.9 },
      ]),
    ).toEqual([]);
  });

  it('category fields: 1..64 distinct labels, nothing else; groupBy names one, for groupable kinds', () => {
    expect(fields([ward])).toEqual([]);
    expect(fields([{ name: 'w', type: 'category', categories: [] }])).toEqual(['/fields/0/categories']);
    expect(fields([{ name: 'w', type: 'category', categories: ['A', 'A'] }])).toEqual([
      '/fields/0/categories/1',
    ]);
    expect(fields([{ name: 'w', type: 'category', categories: ['A'], max: 3 }])).toEqual(['/fields/0/max']);
    expect(
      grouped([
        { kind: 'mean', field: 'age', groupBy: 'ward' },
        { kind: 'count', groupBy: 'ward' },
      ]),
    ).toEqual([]);
    expect(grouped([{ kind: 'mean', field: 'age', groupBy: 'age' }])).toEqual(['/analyses/0/groupBy']);
    expect(grouped([{ kind: 'histogram', field: 'age', binEdges: [1], groupBy: 'ward' }])).toEqual([
      '/analyses/0/groupBy',
    ]);
    expect(grouped([{ kind: 'mean', field: 'ward' }])).toEqual(['/analyses/0/field']);
  });

  it('maxRowsPerParticipant: absent, or an integer 1..MAX_ROWS_PER_PARTICIPANT', () => {
    const capped = (cap: number) =>
      paths(specViolations({ fields: [age], analyses: [{ kind: 'count' }], maxRowsPerParticipant: cap }));
    expect(capped(1)).toEqual([]);
    expect(capped(5000)).toEqual([]);
    expect(capped(MAX_ROWS_PER_PARTICIPANT)).toEqual([]);
    for (const cap of [0, -3, 2.5, Number.NaN, MAX_ROWS_PER_PARTICIPANT + 1])
      expect(capped(cap)).toEqual(['/maxRowsPerParticipant']);
  });
});
