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

  it('accepts sums and means over any field for MAX_ROWS rows: sums are kept in Z_2^128', () => {
    const spec: ComputationSpec = {
      fields: [{ name: 'v', type: 'fixed' }],
      analyses: [{ kind: 'sum' }, { kind: 'mean' }],
    };
    expect(checkComputable(spec, MAX_ROWS).computable).toBe(true);
  });

  it('rejects a variance over an unbounded field with a reason naming the field and the rule', () => {
    const result = checkComputable(
      { fields: [{ name: 'v', type: 'fixed' }], analyses: [{ kind: 'variance' }] },
      10,
    );
    expect(result.computable).toBe(false);
    if (!result.computable) {
      expect(result.reasons[0]).toMatch(
        /^field "v": variance needs declared min and max .*2\^128.*declare bounds within ±/,
      );
      expect(result.violations).toEqual([{ path: '/fields/0', message: result.reasons[0] }]);
    }
  });

  it('accepts a variance of every field with |x 2^f| < 2^40 for MAX_ROWS rows', () => {
    const wide = (fractionalBits: number, min: number, max: number): ComputationSpec => ({
      fields: [{ name: 'w', type: 'fixed', fractionalBits, min, max }],
      analyses: [{ kind: 'variance' }, { kind: 'stddev' }],
    });
    // 10^6 * 2^16 < 2^36, 100000 * 2^8 < 2^25, 2^40 - 1 at f = 0.
    expect(checkComputable(wide(16, 0, 1e6), MAX_ROWS).computable).toBe(true);
    expect(checkComputable(wide(16, -1e6, 1e6), MAX_ROWS).computable).toBe(true);
    expect(checkComputable(wide(8, 0, 100000), MAX_ROWS).computable).toBe(true);
    expect(checkComputable(wide(0, -(2 ** 40) + 1, 2 ** 40 - 1), MAX_ROWS).computable).toBe(true);
  });

  it('rejects a variance whose sum of squares overflows 2^128 for the maximum row count, and accepts fewer rows', () => {
    const spec: ComputationSpec = {
      fields: [{ name: 'w', type: 'fixed', fractionalBits: 30, min: -1e6, max: 1e6 }],
      analyses: [{ kind: 'variance' }],
    };
    // (1e6 * 2^30)^2 ~ 2^99.9: at most 2^28.1 rows.
    const result = checkComputable(spec, 1e9);
    expect(result.computable).toBe(false);
    if (!result.computable) expect(result.reasons[0]).toMatch(/sum of squares/);
    expect(checkComputable(spec, 1e8).computable).toBe(true);
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

  it("places violations under the caller's paths and advises fewer fractional bits, participants or rows", () => {
    const spec: ComputationSpec = {
      fields: [{ name: 'w', type: 'fixed', fractionalBits: 30, min: 0, max: 1e6 }],
      analyses: [{ kind: 'variance' }],
    };
    const perParticipant = 2 ** 24;
    const result = checkComputable(spec, 40 * perParticipant, {
      paths: { fields: '/inputSchema/fields', analyses: '/analyses' },
      rowsPerParticipant: perParticipant,
    });
    expect(result.computable).toBe(false);
    if (!result.computable) {
      expect(result.violations).toHaveLength(1);
      expect(result.violations[0]!.path).toBe('/inputSchema/fields/0');
      // (1e6 * 2^30)^2 * rows < 2^128 holds for up to 2^28.1 rows, so for 17 participants of 2^24 rows.
      expect(result.violations[0]!.message).toBe(
        'field "w": variance would overflow 128 bits (the sum of squares of up to 671088640 rows of ' +
          '|x| <= 1000000 with 30 fractionalBits reaches 2^128); declare narrower bounds within ±663000, ' +
          'at most 29 fractionalBits, maxParticipants at most 17 or maxRowsPerParticipant at most 7378697',
      );
    }
    // The advice holds: each alternative is computable.
    const narrower = { ...spec, fields: [{ ...spec.fields[0]!, max: 663000 }] };
    expect(checkComputable(narrower, 40 * perParticipant).computable).toBe(true);
    const fewerBits = { ...spec, fields: [{ ...spec.fields[0]!, fractionalBits: 29 }] };
    expect(checkComputable(fewerBits, 40 * perParticipant).computable).toBe(true);
    expect(checkComputable(spec, 17 * perParticipant).computable).toBe(true);
    expect(checkComputable(spec, 18 * perParticipant).computable).toBe(false);
    expect(checkComputable(spec, 40 * 7378697).computable).toBe(true);
    expect(checkComputable(spec, 40 * 7378698).computable).toBe(false);
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
