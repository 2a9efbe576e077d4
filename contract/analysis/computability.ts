import { MAX_PARTICIPANTS } from '../collaboration-limits.ts';
import { MAX_INPUT_ROWS } from '../input/input-limits.ts';
import type { RuleViolation } from '../problems.ts';
import type { AnalysisKind, ComputationSpec, FieldSpec } from './analysis-spec.ts';
import {
  analysesOfField,
  encodedBounds,
  extremeComparisonBits,
  fractionalBitsOf,
  MAX_ENCODED,
  thresholdComparisonBits,
  thresholdsOfField,
} from './field-encoding.ts';
import { quantileDomainProblem } from './quantile-rank.ts';
import { COMPUTATION_SPEC_PATHS, specViolations, type SpecPaths } from './spec-rules.ts';

/**
 * Whether a ComputationSpec can be computed exactly for up to `maxRows` rows in total: the coordinator asks
 * it when a collaboration is created (for maxParticipants times its per-participant row cap, `rowCapOf`),
 * the servers again before a job (for the rows they hold). First the spec rules (spec-rules.ts), then what each analysis needs
 * (x encoded as round(x * 2^f) with |encoded| < 2^62, M = max |encoded| from the declared min/max):
 * - sum, mean: always; sums are kept in Z_2^128, where MAX_ROWS values below 2^62 cannot wrap;
 * - variance, stddev: declared bounds and maxRows * M^2 < 2^128 (the sum of squares, at 2f fractional bits,
 *   is kept in Z_2^128): every field with M < 2^46, so with |x * 2^f| < 2^40 up to 2^46 rows;
 * - countAbove/countBelow/histogram, min/max: the differences x - t and x - y must fit in 64 signed bits,
 *   which the codec's |encoded| < 2^62 guarantees; declared bounds shorten the comparisons (faster).
 * - count: always.
 * - quantile: declared min and max, and a domain high - low below 2^62 (comparisons of L + 2 bits).
 * Each refusal is a violation at the field's (or analysis') path whose message names the field and what to
 * declare instead: bounds, fewer fractional bits, or fewer rows (fewer participants or fewer rows each).
 */
export type Computability =
  | { computable: true; comparisonBits: Record<string, number> }
  | { computable: false; violations: RuleViolation[]; reasons: string[] };

export interface ComputabilityOptions {
  /** Where fields and analyses sit in the checked document (a collaboration nests fields in inputSchema). */
  paths?: SpecPaths;
  /**
   * Rows each participant may send, when maxRows is participants times that: advice names maxParticipants
   * and maxRowsPerParticipant.
   */
  rowsPerParticipant?: number;
}

/** The most rows any job may hold: every participant sending the most rows an input may hold. */
export const MAX_ROWS = MAX_PARTICIPANTS * MAX_INPUT_ROWS;
/** The largest sum of squares the 128-bit accumulator holds. */
const WIDE_MAX = 2n ** 128n - 1n;
const SQUARE_KINDS: readonly AnalysisKind[] = ['variance', 'stddev'];

export function checkComputable(
  spec: ComputationSpec,
  maxRows: number,
  options: ComputabilityOptions = {},
): Computability {
  const paths = options.paths ?? COMPUTATION_SPEC_PATHS;
  const violations = specViolations(spec, paths);
  const reasons = violations.map((violation) => `${violation.path}: ${violation.message}`);
  if (!Number.isSafeInteger(maxRows) || maxRows < 1 || maxRows > MAX_ROWS) {
    const message = `maxRows must be an integer from 1 to ${MAX_ROWS}`;
    violations.push({ path: '', message });
    reasons.push(message);
  }
  if (violations.length > 0) return { computable: false, violations, reasons };

  const comparisonBits: Record<string, number> = {};
  spec.fields.forEach((field, index) => {
    const at = `${paths.fields}/${index}`;
    const refuse = (message: string) => {
      violations.push({ path: at, message });
      reasons.push(message);
    };
    const kinds = new Set(analysesOfField(spec, field).map((analysis) => analysis.kind));
    const overflow = overflowReason(field, kinds, maxRows, options.rowsPerParticipant);
    if (overflow !== undefined) refuse(overflow);
    const quantile = kinds.has('quantile') ? quantileDomainProblem(field) : undefined;
    if (quantile !== undefined) refuse(quantile);
    for (const threshold of thresholdsOfField(spec, field)) {
      if (threshold > MAX_ENCODED || threshold < -MAX_ENCODED) {
        refuse(`field "${field.name}": threshold or bin edge ${threshold} (encoded) exceeds 2^62`);
      }
    }
    const bits = Math.max(
      thresholdComparisonBits(spec, field),
      kinds.has('min') || kinds.has('max') ? extremeComparisonBits(field) : 0,
    );
    if (bits > 64) refuse(`field "${field.name}": comparisons need ${bits} bits, more than the ring has`);
    if (bits > 0) comparisonBits[field.name] = bits;
  });
  return violations.length > 0
    ? { computable: false, violations, reasons }
    : { computable: true, comparisonBits };
}

/** Why the field's sum of squares could wrap over `maxRows` rows, with what to declare instead. */
function overflowReason(
  field: FieldSpec,
  kinds: ReadonlySet<AnalysisKind>,
  maxRows: number,
  rowsPerParticipant: number | undefined,
): string | undefined {
  const squares = SQUARE_KINDS.filter((kind) => kinds.has(kind));
  if (squares.length === 0) return undefined;
  const rows = BigInt(maxRows);
  const f = fractionalBitsOf(field);
  const declared = field.min !== undefined && field.max !== undefined;
  const limit = integerSqrt(WIDE_MAX / rows);
  const within = `declare bounds within ±${roundDown(Number(limit) / 2 ** f)}`;
  if (!declared) {
    return (
      `field "${field.name}": ${squares.join(', ')} ${squares.length > 1 ? 'need' : 'needs'} declared min and max (the sum of squares of up to ${maxRows} rows ` +
      `must stay below 2^128); ${within} with ${f} fractionalBits`
    );
  }
  const { low, high } = encodedBounds(field);
  const magnitude = -low > high ? -low : high;
  if (magnitude <= limit) return undefined;
  const what = { kinds: squares, total: 'sum of squares', power: 2n };
  const advice = [within.replace('declare ', 'declare narrower ')];
  const largest = Math.max(Math.abs(field.min!), Math.abs(field.max!));
  if (field.type === 'fixed') {
    for (let bits = f - 1; bits >= 0; bits--) {
      if (BigInt(Math.round(largest * 2 ** bits)) <= limit) {
        advice.push(`at most ${bits} fractionalBits`);
        break;
      }
    }
  }
  const rowsAllowed = WIDE_MAX / magnitude ** what.power;
  if (rowsPerParticipant !== undefined) {
    const participants = rowsAllowed / BigInt(rowsPerParticipant);
    if (participants >= 1n) advice.push(`maxParticipants at most ${participants}`);
    const perParticipant = rowsAllowed / (rows / BigInt(rowsPerParticipant));
    if (perParticipant >= 1n) advice.push(`maxRowsPerParticipant at most ${perParticipant}`);
  } else if (rowsAllowed >= 1n) {
    advice.push(`at most ${rowsAllowed} rows`);
  }
  return (
    `field "${field.name}": ${what.kinds.join(', ')} would overflow 128 bits (the ${what.total} of up to ` +
    `${maxRows} rows of |x| <= ${largest} with ${f} fractionalBits reaches 2^128); ${joinOr(advice)}`
  );
}

function integerSqrt(value: bigint): bigint {
  let root = BigInt(Math.floor(Math.sqrt(Number(value))));
  // Newton steps from the float estimate (off by up to ~2^11 near 2^128), then exact.
  for (let step = 0; step < 3 && root > 0n; step++) root = (root + value / root) / 2n;
  while (root * root > value) root--;
  while ((root + 1n) * (root + 1n) <= value) root++;
  return root;
}

/** Three significant digits, rounded towards zero so the advised bound itself fits. */
function roundDown(value: number): number {
  if (value <= 0) return 0;
  const unit = 10 ** (Math.floor(Math.log10(value)) - 2);
  return Number((Math.floor(value / unit) * unit).toPrecision(3));
}

function joinOr(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)}`;
}
