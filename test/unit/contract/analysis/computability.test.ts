import { describe, expect, it } from 'vitest';
import type { ComputationSpec } from '../../../../contract/analysis/analysis-spec.ts';
import { checkComputable } from '../../../../contract/analysis/computability.ts';

const bounded: ComputationSpec = {
  fields: [{ name: 'age', type: 'int', min: 0, max: 120 }],
  analyses: [
    { kind: 'mean' },
    { kind: 'variance' },
    { kind: 'histogram', binEdges: [18, 65] },
    { kind: 'max' },
  ],
};

describe('checkComputable', () => {
  it('accepts bounded fields and reports the comparison bit length the bounds allow', () => {
    // max: x - y in [-120, 120] fits 8 signed bits; histogram: x - t in [-65, 102] too.
    expect(checkComputable(bounded, 1_000_000)).toEqual({ computable: true, comparisonBits: { age: 8 } });
  });

  it('uses full 64-bit comparisons when a field declares no bounds', () => {
    const spec: ComputationSpec = {
      fields: [{ name: 'v', type: 'int' }],
      analyses: [{ kind: 'min' }, { kind: 'countAbove', threshold: 3 }],
    };
    expect(checkComputable(spec, 10)).toEqual({ computable: true, comparisonBits: { v: 64 } });
  });

  it('rejects a sum over an unbounded field with a reason naming the field and the rule', () => {
    const result = checkComputable(
      { fields: [{ name: 'v', type: 'fixed' }], analyses: [{ kind: 'sum' }] },
      10,
    );
    expect(result.computable).toBe(false);
    if (!result.computable)
      expect(result.reasons[0]).toMatch(
        /field "v": the sum of 10 rows may overflow 64 bits; declare min and max/,
      );
  });

  it('rejects a variance whose sum of squares overflows for the maximum row count, and accepts fewer rows', () => {
    const spec: ComputationSpec = {
      fields: [{ name: 'w', type: 'fixed', fractionalBits: 16, min: -1e6, max: 1e6 }],
      analyses: [{ kind: 'variance' }],
    };
    // (1e6 * 2^16)^2 ~ 4.3e21 > 2^63 already for one row.
    const result = checkComputable(spec, 1);
    expect(result.computable).toBe(false);
    if (!result.computable) expect(result.reasons[0]).toMatch(/sum of squares/);
    const narrower: ComputationSpec = {
      ...spec,
      fields: [{ name: 'w', type: 'fixed', fractionalBits: 8, min: -1000, max: 1000 }],
    };
    expect(checkComputable(narrower, 100_000).computable).toBe(true);
    expect(checkComputable(narrower, 1e9).computable).toBe(false);
  });

  it('rejects unknown fields, bad histogram edges, missing thresholds and duplicate names', () => {
    const result = checkComputable(
      {
        fields: [
          { name: 'a', type: 'int', min: 0, max: 1 },
          { name: 'a', type: 'int', min: 0, max: 1 },
        ],
        analyses: [
          { kind: 'sum', field: 'nope' },
          { kind: 'histogram', field: 'a', binEdges: [3, 1] },
          { kind: 'countAbove', field: 'a' },
        ],
      },
      10,
    );
    expect(result.computable).toBe(false);
    if (!result.computable) {
      expect(result.reasons).toEqual(
        expect.arrayContaining([
          'field "a" is declared twice',
          'sum refers to unknown field "nope"',
          'histogram binEdges must increase strictly',
          'countAbove needs a finite threshold',
        ]),
      );
    }
  });
});
