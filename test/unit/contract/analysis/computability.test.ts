import { describe, expect, it } from 'vitest';
import type { ComputationSpec } from '../../../../contract/analysis/analysis-spec.ts';
import { checkComputable, MAX_ROWS } from '../../../../contract/analysis/computability.ts';

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
    if (!result.computable) {
      expect(result.reasons[0]).toMatch(
        /^field "v": sum needs declared min and max .*declare bounds within ±/,
      );
      expect(result.violations).toEqual([{ path: '/fields/0', message: result.reasons[0] }]);
    }
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

  it('rejects unknown fields, bad histogram edges, missing thresholds and duplicate names by the spec rules', () => {
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
      expect(result.violations.map((violation) => violation.path)).toEqual([
        '/fields/1/name',
        '/analyses/0/field',
        '/analyses/1/binEdges',
        '/analyses/2/threshold',
      ]);
      expect(result.reasons).toContain('/analyses/1/binEdges: must be strictly increasing');
    }
  });

  it("places violations under the caller's paths and advises fewer fractional bits or participants", () => {
    const spec: ComputationSpec = {
      fields: [{ name: 'w', type: 'fixed', fractionalBits: 16, min: 0, max: 10000 }],
      analyses: [{ kind: 'variance' }],
    };
    const result = checkComputable(spec, 40, {
      paths: { fields: '/inputSchema/fields', analyses: '/analyses' },
      rowsPerParticipant: 2,
    });
    expect(result.computable).toBe(false);
    if (!result.computable) {
      expect(result.violations).toHaveLength(1);
      expect(result.violations[0]!.path).toBe('/inputSchema/fields/0');
      // (10000 * 2^16)^2 * rows < 2^63 holds for up to 21 rows, so for 10 participants of 2 rows.
      expect(result.violations[0]!.message).toBe(
        'field "w": variance would overflow 64 bits (the sum of squares of up to 40 rows of |x| <= 10000 with ' +
          '16 fractionalBits reaches 2^63); declare narrower bounds within ±7320, at most 15 fractionalBits ' +
          'or maxParticipants at most 10',
      );
    }
    // The advice holds: each alternative is computable.
    const narrower = { ...spec, fields: [{ ...spec.fields[0]!, max: 7320 }] };
    expect(checkComputable(narrower, 40).computable).toBe(true);
    const fewerBits = { ...spec, fields: [{ ...spec.fields[0]!, fractionalBits: 15 }] };
    expect(checkComputable(fewerBits, 40).computable).toBe(true);
    expect(checkComputable(spec, 20).computable).toBe(true);
    expect(checkComputable(spec, 22).computable).toBe(false);
  });

  it('allows up to MAX_ROWS rows: every participant sending a full input', () => {
    const spec: ComputationSpec = {
      fields: [{ name: 'n', type: 'int', min: 0, max: 1 }],
      analyses: [{ kind: 'sum' }],
    };
    expect(checkComputable(spec, MAX_ROWS).computable).toBe(true);
    expect(checkComputable(spec, MAX_ROWS + 1).computable).toBe(false);
  });
});
