import { ANALYSIS_KINDS, type ComputationSpec, type FieldSpec } from './analysis-spec.ts';
import {
  analysesOfField,
  encodedBounds,
  extremeComparisonBits,
  fractionalBitsOf,
  MAX_ENCODED,
  thresholdComparisonBits,
  thresholdsOfField,
} from './field-encoding.ts';
import { MAX_SAFE_MAGNITUDE } from './fixed-point.ts';

/**
 * Whether a ComputationSpec can be computed exactly in Z_2^64 for up to `maxRows` rows in total, so the
 * coordinator can reject an infeasible collaboration when it is created. Bounds each analysis needs (x
 * encoded as round(x * 2^f), M = max |encoded| from the declared min/max):
 * - sum, mean: maxRows * M < 2^63 (the signed sum must not wrap);
 * - variance, stddev: also maxRows * M^2 < 2^63 (sum of squares carries 2f fractional bits);
 * - countAbove/countBelow/histogram, min/max: the differences x - t and x - y must fit in 64 signed bits,
 *   which the codec's |encoded| < 2^62 guarantees; declared bounds shorten the comparisons (faster).
 * - count: always.
 */
export type Computability =
  { computable: true; comparisonBits: Record<string, number> } | { computable: false; reasons: string[] };

const RING_SIGNED_LIMIT = 2n ** 63n;
export const MAX_ROWS = 2 ** 32 - 1;
export const MAX_FRACTIONAL_BITS = 30;

export function checkComputable(spec: ComputationSpec, maxRows: number): Computability {
  const reasons: string[] = [];
  const comparisonBits: Record<string, number> = {};
  if (!Number.isSafeInteger(maxRows) || maxRows < 1 || maxRows > MAX_ROWS) {
    reasons.push(`maxRows must be an integer from 1 to ${MAX_ROWS}`);
  }
  const names = new Set<string>();
  for (const field of spec.fields) {
    if (names.has(field.name)) reasons.push(`field "${field.name}" is declared twice`);
    names.add(field.name);
    reasons.push(...checkField(field));
  }
  if (spec.analyses.length === 0) reasons.push('no analysis requested');
  for (const analysis of spec.analyses) {
    if (!ANALYSIS_KINDS.includes(analysis.kind)) reasons.push(`unknown analysis "${String(analysis.kind)}"`);
    if (analysis.field !== undefined && !names.has(analysis.field)) {
      reasons.push(`${analysis.kind} refers to unknown field "${analysis.field}"`);
    }
    if (
      (analysis.kind === 'countAbove' || analysis.kind === 'countBelow') &&
      !isSafeValue(analysis.threshold)
    ) {
      reasons.push(`${analysis.kind} needs a finite threshold`);
    }
    if (analysis.kind === 'histogram') {
      const edges = analysis.binEdges ?? [];
      if (edges.length === 0 || !edges.every(isSafeValue)) reasons.push('histogram needs finite binEdges');
      if (edges.some((edge, i) => i > 0 && edge <= edges[i - 1]!))
        reasons.push('histogram binEdges must increase strictly');
    }
  }
  if (reasons.length > 0) return { computable: false, reasons };

  const rows = BigInt(maxRows);
  for (const field of spec.fields) {
    const kinds = new Set(analysesOfField(spec, field).map((analysis) => analysis.kind));
    const { low, high } = encodedBounds(field);
    const magnitude = low < 0n ? (-low > high ? -low : high) : high;
    const declared = field.min !== undefined && field.max !== undefined;
    const needsSum = kinds.has('sum') || kinds.has('mean') || kinds.has('variance') || kinds.has('stddev');
    const needsSquares = kinds.has('variance') || kinds.has('stddev');
    if (needsSum && (!declared || rows * magnitude >= RING_SIGNED_LIMIT)) {
      reasons.push(
        `field "${field.name}": the sum of ${maxRows} rows may overflow 64 bits; declare min and max with ` +
          `maxRows * max|x| * 2^${fractionalBitsOf(field)} < 2^63`,
      );
    } else if (needsSquares && rows * magnitude * magnitude >= RING_SIGNED_LIMIT) {
      reasons.push(
        `field "${field.name}": the sum of squares of ${maxRows} rows may overflow 64 bits; need ` +
          `maxRows * (max|x| * 2^${fractionalBitsOf(field)})^2 < 2^63 (narrow the bounds, lower fractionalBits or maxRows)`,
      );
    }
    for (const threshold of thresholdsOfField(spec, field)) {
      if (threshold > MAX_ENCODED || threshold < -MAX_ENCODED) {
        reasons.push(`field "${field.name}": threshold or bin edge ${threshold} (encoded) exceeds 2^62`);
      }
    }
    const bits = Math.max(
      thresholdComparisonBits(spec, field),
      kinds.has('min') || kinds.has('max') ? extremeComparisonBits(field) : 0,
    );
    if (bits > 64)
      reasons.push(`field "${field.name}": comparisons need ${bits} bits, more than the ring has`);
    if (bits > 0) comparisonBits[field.name] = bits;
  }
  return reasons.length > 0 ? { computable: false, reasons } : { computable: true, comparisonBits };
}

function isSafeValue(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value);
}

function checkField(field: FieldSpec): string[] {
  const reasons: string[] = [];
  const type: string = field.type;
  if (type !== 'int' && type !== 'fixed') reasons.push(`field "${field.name}" has unknown type "${type}"`);
  const f = fractionalBitsOf(field);
  if (!Number.isInteger(f) || f < 0 || f > MAX_FRACTIONAL_BITS) {
    reasons.push(`field "${field.name}": fractionalBits must be an integer from 0 to ${MAX_FRACTIONAL_BITS}`);
  }
  for (const bound of [field.min, field.max]) {
    if (bound !== undefined && (!Number.isFinite(bound) || Math.abs(bound * 2 ** f) >= MAX_SAFE_MAGNITUDE)) {
      reasons.push(`field "${field.name}": bound ${bound} does not fit with ${f} fractional bits`);
    }
  }
  if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
    reasons.push(`field "${field.name}": min is greater than max`);
  }
  return reasons;
}
