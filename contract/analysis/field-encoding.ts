import type { AnalysisSpec, ComputationSpec, FieldSpec } from './analysis-spec.ts';
import { DEFAULT_FRACTIONAL_BITS } from './analysis-spec.ts';
import { MAX_SAFE_MAGNITUDE } from './fixed-point.ts';

/**
 * How each field sits in the ring: fractional bits, encoded bounds, the public thresholds its comparisons
 * use and the bit length those comparisons need. Shared by the client (row checks), the coordinator
 * (computability), the dealer and the servers (programs), so all of them derive the same numbers.
 */
export const MAX_ENCODED = BigInt(MAX_SAFE_MAGNITUDE) - 1n;

export function fractionalBitsOf(field: FieldSpec): number {
  return field.type === 'fixed' ? (field.fractionalBits ?? DEFAULT_FRACTIONAL_BITS) : 0;
}

/**
 * Encoded inclusive bounds; an undeclared side defaults to the codec's limit |encoded| < 2^62. Encoding
 * rounds and rounding is monotonic, so min <= x <= max implies round(min 2^f) <= encoded(x) <= round(max 2^f).
 */
export function encodedBounds(field: FieldSpec): { low: bigint; high: bigint } {
  if (field.type === 'category') return { low: 0n, high: BigInt(field.categories.length - 1) };
  const scale = 2 ** fractionalBitsOf(field);
  return {
    low: field.min === undefined ? -MAX_ENCODED : BigInt(Math.round(field.min * scale)),
    high: field.max === undefined ? MAX_ENCODED : BigInt(Math.round(field.max * scale)),
  };
}

/** Encoded threshold t' with x < t  <=>  encoded(x) < t' for encoded(x) an integer. */
export function encodedBelowThreshold(value: number, field: FieldSpec): bigint {
  return BigInt(Math.ceil(value * 2 ** fractionalBitsOf(field)));
}

/** Encoded threshold t' with x > t  <=>  not (encoded(x) < t'). */
export function encodedAboveThreshold(value: number, field: FieldSpec): bigint {
  return BigInt(Math.floor(value * 2 ** fractionalBitsOf(field))) + 1n;
}

/** Smallest l >= 2 with -2^(l-1) <= low and high < 2^(l-1); 65 when even 64 bits do not suffice. */
export function signedBitLength(low: bigint, high: bigint): number {
  let bits = 2;
  while (bits <= 64 && (low < -(1n << BigInt(bits - 1)) || high >= 1n << BigInt(bits - 1))) bits++;
  return bits;
}

export function analysesOfField(spec: ComputationSpec, field: FieldSpec): AnalysisSpec[] {
  return expandAnalyses(spec).filter((analysis) => analysis.field === field.name);
}

/**
 * Analyses with `field` filled in: one without a field applies to every field but the category fields
 * (`count` takes none).
 */
export function expandAnalyses(spec: ComputationSpec): AnalysisSpec[] {
  return spec.analyses.flatMap((analysis) =>
    analysis.kind === 'count' || analysis.field !== undefined
      ? [analysis]
      : spec.fields
          .filter((field) => field.type !== 'category')
          .map((field) => ({ ...analysis, field: field.name })),
  );
}

/** The encoded thresholds field `field` is compared against, sorted and without duplicates. */
export function thresholdsOfField(spec: ComputationSpec, field: FieldSpec): bigint[] {
  const thresholds = new Set<bigint>();
  for (const analysis of analysesOfField(spec, field)) {
    if (analysis.kind === 'countBelow' && analysis.threshold !== undefined) {
      thresholds.add(encodedBelowThreshold(analysis.threshold, field));
    }
    if (analysis.kind === 'countAbove' && analysis.threshold !== undefined) {
      thresholds.add(encodedAboveThreshold(analysis.threshold, field));
    }
    if (analysis.kind === 'histogram') {
      for (const edge of analysis.binEdges ?? []) thresholds.add(encodedBelowThreshold(edge, field));
    }
  }
  return [...thresholds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Bit length of comparisons x - t for the field's thresholds (0 when it has none). */
export function thresholdComparisonBits(spec: ComputationSpec, field: FieldSpec): number {
  const thresholds = thresholdsOfField(spec, field);
  if (thresholds.length === 0) return 0;
  const { low, high } = encodedBounds(field);
  return signedBitLength(low - thresholds[thresholds.length - 1]!, high - thresholds[0]!);
}

/** Bit length of comparisons x - y between two values of the field (min/max). */
export function extremeComparisonBits(field: FieldSpec): number {
  const { low, high } = encodedBounds(field);
  return signedBitLength(low - high, high - low);
}
