import fc from 'fast-check';
import type { FieldSpec } from '../../../contract/analysis/analysis-spec.ts';

/** How wide the random fields of a property may be. */
export interface FieldRanges {
  /** Int fields: lower bound within ±intLow, span up to intSpan. */
  intLow: number;
  intSpan: number;
  /** Fixed fields: up to maxFractionalBits, bounds on the 2^-f grid within ±fixedLow, span up to fixedSpan. */
  maxFractionalBits: number;
  fixedLow: number;
  fixedSpan: number;
  /** Also an int field without declared bounds. */
  unbounded: boolean;
}

/** Random bounded int and fixed fields (names left empty for the caller), so some value always fits. */
export function fieldArbitrary(ranges: FieldRanges): fc.Arbitrary<FieldSpec> {
  const int = fc
    .record({
      lo: fc.integer({ min: -ranges.intLow, max: ranges.intLow }),
      span: fc.integer({ min: 0, max: ranges.intSpan }),
    })
    .map(({ lo, span }): FieldSpec => ({ name: '', type: 'int', min: lo, max: lo + span }));
  const fixed = fc
    .record({
      f: fc.integer({ min: 0, max: ranges.maxFractionalBits }),
      low: fc.integer({ min: -ranges.fixedLow, max: ranges.fixedLow }),
      span: fc.integer({ min: 0, max: ranges.fixedSpan }),
    })
    .map(({ f, low, span }): FieldSpec => ({
      name: '',
      type: 'fixed',
      fractionalBits: f,
      min: low / 2 ** f,
      max: (low + span) / 2 ** f,
    }));
  return ranges.unbounded
    ? fc.oneof(int, fixed, fc.constant<FieldSpec>({ name: '', type: 'int' }))
    : fc.oneof(int, fixed);
}
