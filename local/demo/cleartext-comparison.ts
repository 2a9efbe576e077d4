import type { FieldSpec } from '../../contract/analysis/analysis-spec.ts';
import { fractionalBitsOf } from '../../contract/analysis/field-encoding.ts';
import { quantileRank } from '../../contract/analysis/quantile-rank.ts';
import { binLabel } from '../../client/cli/human-output.ts';
import type { AnalysisResult } from '../../client/sdk/fetch-result.ts';

/** One figure of a joint result beside the same figure computed in the clear on all rows. */
export interface FigureComparison {
  label: string;
  secure: number | null;
  cleartext: number | null;
  absoluteError: number;
  /** The largest error the fixed-point encoding allows for this figure (docs/protocol.md). */
  allowedError: number;
  withinBound: boolean;
}

/** Float conversion of 64-bit results (relative 2^-53), with room for the cleartext's own summation. */
const FLOAT_SLACK = 1e-9;

/**
 * Compares each reconstructed statistic with the cleartext answer on the raw rows (values in field order).
 * The only error the protocol adds is the encoding: each value moves by at most e = 2^-(f+1) (0 for int), so
 * sum <= n*e, mean, min, max, stddev <= e, variance <= 2*sigma*e + e^2, and a count changes only by the values
 * within e of its threshold or bin edge; a quantile (the ceil(p n)-th smallest value) moves by at most e.
 */
export function compareWithCleartext(
  fields: readonly FieldSpec[],
  rows: readonly (readonly number[])[],
  results: readonly AnalysisResult[],
): FigureComparison[] {
  return results.flatMap((result) => {
    if (result.kind === 'count' && result.groups) {
      const by = fields.findIndex((candidate) => candidate.name === result.groupBy);
      return result.groups.map((group, cell) =>
        figure(
          `count ${result.groupBy}=${group.category}`,
          group.value,
          rows.filter((row) => row[by] === cell).length,
          0,
        ),
      );
    }
    if (result.kind === 'count') return [figure('count', result.value, rows.length, 0)];
    const index = fields.findIndex((field) => field.name === result.field);
    if (index === -1)
      throw new Error(`result names field ${result.field}, which the collaboration does not declare`);
    const field = fields[index]!;
    const values = rows.map((row) => row[index]!);
    if (result.groups) {
      // Grouped: each category's figure against the rows holding that category's index.
      const by = fields.findIndex((candidate) => candidate.name === result.groupBy);
      return result.groups.flatMap((group, cell) =>
        compareField(
          { ...group, kind: result.kind, field: result.field!, suppressed: undefined },
          field,
          values.filter((_, row) => rows[row]![by] === cell),
        ).map((figure) => ({ ...figure, label: `${figure.label} ${result.groupBy}=${group.category}` })),
      );
    }
    return compareField(result, field, values);
  });
}

function compareField(result: AnalysisResult, field: FieldSpec, values: number[]): FigureComparison[] {
  const e = encodingError(field);
  const label = `${result.kind}(${field.name})`;
  const n = values.length;
  switch (result.kind) {
    case 'sum':
      return [figure(label, result.value, sum(values), n * e)];
    case 'mean':
      return [figure(label, result.value, n === 0 ? null : sum(values) / n, e)];
    case 'variance': {
      const variance = populationVariance(values);
      return [
        figure(label, result.value, variance, variance === null ? 0 : 2 * Math.sqrt(variance) * e + e * e),
      ];
    }
    case 'stddev': {
      const variance = populationVariance(values);
      return [figure(label, result.value, variance === null ? null : Math.sqrt(variance), e)];
    }
    case 'min':
      return [figure(label, result.value, n === 0 ? null : Math.min(...values), e)];
    case 'max':
      return [figure(label, result.value, n === 0 ? null : Math.max(...values), e)];
    case 'countAbove':
    case 'countBelow': {
      const t = result.threshold!;
      const cleartext = values.filter((x) => (result.kind === 'countAbove' ? x > t : x < t)).length;
      const sign = result.kind === 'countAbove' ? '>' : '<';
      return [figure(`count(${field.name} ${sign} ${t})`, result.value, cleartext, near(values, [t], e))];
    }
    case 'histogram': {
      const edges = result.binEdges ?? [];
      const counts = histogram(values, edges);
      return counts.map((count, bin) =>
        figure(`${label} ${binLabel(edges, bin)}`, result.bins?.[bin] ?? null, count, near(values, edges, e)),
      );
    }
    case 'quantile': {
      // Encoding is monotonic: the k-th smallest encoded value encodes the k-th smallest raw one.
      const p = result.p!;
      const sorted = [...values].sort((a, b) => a - b);
      const cleartext = n === 0 ? null : sorted[quantileRank(p, n) - 1]!;
      return [figure(`quantile(${field.name}, p=${p})`, result.value, cleartext, e)];
    }
    default:
      throw new Error(`no cleartext reference for ${result.kind}`);
  }
}

function figure(label: string, secure: number | null | undefined, cleartext: number | null, bound: number) {
  const securePresent = secure === undefined ? null : secure;
  const absoluteError =
    securePresent === null || cleartext === null
      ? securePresent === cleartext
        ? 0
        : Number.POSITIVE_INFINITY
      : Math.abs(securePresent - cleartext);
  const allowedError = bound + FLOAT_SLACK * Math.max(1, Math.abs(cleartext ?? 0));
  return {
    label,
    secure: securePresent,
    cleartext,
    absoluteError,
    allowedError,
    withinBound: absoluteError <= allowedError,
  };
}

/** Half a step of the field's fixed-point grid: how far encoding may move a value. */
export function encodingError(field: FieldSpec): number {
  return field.type === 'int' ? 0 : 2 ** -(fractionalBitsOf(field) + 1);
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function populationVariance(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const mean = sum(values) / values.length;
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  return squares / values.length;
}

/** Bins (-inf, e0), [e0, e1), ..., [e_last, +inf), as the histogram analysis counts. */
function histogram(values: readonly number[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const value of values) {
    let bin = 0;
    while (bin < edges.length && value >= edges[bin]!) bin++;
    counts[bin]!++;
  }
  return counts;
}

/** Values close enough to a boundary that encoding could put them on its other side. */
function near(values: readonly number[], boundaries: readonly number[], e: number): number {
  if (e === 0) return 0;
  return values.filter((x) => boundaries.some((b) => Math.abs(x - b) <= e)).length;
}
