import { ANALYSIS_KINDS } from '../../contract/analysis/analysis-spec.ts';
import type { AnalysisKind, AnalysisSpec, FieldSpec } from '../../contract/analysis/analysis-spec.ts';
import type { CreateCollaborationRequest } from '../sdk/api-models.ts';
import { MAX_FRACTIONAL_BITS } from '../../contract/analysis/spec-limits.ts';
import { quantileFraction } from '../../contract/analysis/quantile-rank.ts';
import { binEdgesProblem } from '../../contract/analysis/spec-rules.ts';
import { UsageError } from './usage-error.ts';

/**
 * The `mpc create` mini-languages, turned into the API's declaration. The coordinator validates the whole
 * declaration again; these checks only catch what would be a typo on the command line.
 *
 *   --field  name:int[:min:max]   name:fixed[:bits[:min:max]]   (empty bits = default 16)
 *            name:category:A,B,C   (rows hold a label or its index)
 *   --group-by name                 every analysis per category of that category field
 *   --analysis kind[:field],...   (no field: every field; count takes none)
 *              quantile:field:p, median[:field]   (p in (0, 1), up to 6 decimals; median is p = 0.5)
 *   --bins e0,e1,...  for histogram;  --threshold T  for countAbove / countBelow
 *   --recipients all | client-a,client-b
 */
export function parseFieldSpec(text: string): FieldSpec {
  const [name = '', type, ...rest] = text.split(':');
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) {
    throw new UsageError(
      `--field ${text}: the name must be letters, digits or _ (not starting with a digit)`,
    );
  }
  if (type === 'int') {
    const bounds = parseBounds(text, rest);
    for (const bound of Object.values(bounds)) {
      if (!Number.isSafeInteger(bound)) throw new UsageError(`--field ${text}: int bounds must be integers`);
    }
    return { name, type: 'int', ...bounds };
  }
  if (type === 'category') {
    const categories = rest
      .join(':')
      .split(',')
      .map((label) => label.trim());
    if (
      rest.length === 0 ||
      categories.some((label) => label === '') ||
      new Set(categories).size !== categories.length
    )
      throw new UsageError(`--field ${text}: expected name:category:A,B,C (distinct, non-empty labels)`);
    return { name, type: 'category', categories };
  }
  if (type === 'fixed') {
    const [bits = '', ...boundTexts] = rest;
    const field: FieldSpec = { name, type: 'fixed' };
    if (bits !== '') {
      const fractionalBits = Number(bits);
      if (!Number.isInteger(fractionalBits) || fractionalBits < 0 || fractionalBits > MAX_FRACTIONAL_BITS) {
        throw new UsageError(
          `--field ${text}: fractional bits must be an integer from 0 to ${MAX_FRACTIONAL_BITS}`,
        );
      }
      field.fractionalBits = fractionalBits;
    }
    return { ...field, ...parseBounds(text, boundTexts) };
  }
  throw new UsageError(
    `--field ${text}: expected name:int[:min:max], name:fixed[:bits[:min:max]] or name:category:A,B,C`,
  );
}

function parseBounds(spec: string, texts: string[]): { min?: number; max?: number } {
  if (texts.length === 0) return {};
  if (texts.length !== 2) throw new UsageError(`--field ${spec}: give both bounds, min:max`);
  const [min, max] = texts.map((bound) => parseNumber(bound, `--field ${spec}`)) as [number, number];
  if (min > max) throw new UsageError(`--field ${spec}: min ${min} is above max ${max}`);
  return { min, max };
}

export interface AnalysisParameters {
  bins?: number[];
  threshold?: number;
}

/** Each `--analysis` value is a comma list of kind[:field]; histogram and threshold counts get their parameter. */
export function parseAnalyses(
  values: readonly string[],
  fields: readonly FieldSpec[],
  parameters: AnalysisParameters,
): AnalysisSpec[] {
  const fieldNames = new Set(fields.map((field) => field.name));
  const analyses = values
    .flatMap((value) => value.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => parseAnalysis(item, fieldNames, parameters));
  if (analyses.length === 0) throw new UsageError('--analysis: give at least one analysis');
  return analyses;
}

function parseAnalysis(item: string, fieldNames: Set<string>, parameters: AnalysisParameters): AnalysisSpec {
  const quantile = parseQuantile(item, fieldNames);
  if (quantile) return quantile;
  const [kindText = '', field, extra] = item.split(':');
  const kind = ANALYSIS_KINDS.find((known) => known.toLowerCase() === kindText.toLowerCase());
  if (!kind || extra !== undefined) {
    throw new UsageError(
      `--analysis ${item}: expected kind[:field], kind one of ${ANALYSIS_KINDS.join(', ')}`,
    );
  }
  const analysis: AnalysisSpec = { kind };
  if (field !== undefined) {
    if (kind === 'count') throw new UsageError(`--analysis ${item}: count counts rows and takes no field`);
    if (!fieldNames.has(field)) throw new UsageError(`--analysis ${item}: no --field named ${field}`);
    analysis.field = field;
  }
  if (kind === 'histogram') {
    if (!parameters.bins) throw new UsageError(`--analysis ${item}: histogram needs --bins e0,e1,...`);
    analysis.binEdges = parameters.bins;
  }
  if (needsThreshold(kind)) {
    if (parameters.threshold === undefined)
      throw new UsageError(`--analysis ${item}: ${kind} needs --threshold`);
    analysis.threshold = parameters.threshold;
  }
  return analysis;
}

/** quantile:field:p or median[:field] (p = 0.5), else undefined. */
function parseQuantile(item: string, fieldNames: Set<string>): AnalysisSpec | undefined {
  const [kindText = '', field, pText, extra] = item.split(':');
  const kind = kindText.toLowerCase();
  if (kind !== 'quantile' && kind !== 'median') return undefined;
  const expected = `--analysis ${item}: expected quantile:field:p or median[:field]`;
  if (extra !== undefined || (kind === 'median' ? pText !== undefined : pText === undefined))
    throw new UsageError(expected);
  const p = kind === 'median' ? 0.5 : parseNumber(pText!, `--analysis ${item}`);
  if (quantileFraction(p) === undefined)
    throw new UsageError(`--analysis ${item}: p must be in (0, 1) with at most 6 decimal places`);
  const analysis: AnalysisSpec = { kind: 'quantile', p };
  if (field !== undefined && field !== '') {
    if (!fieldNames.has(field)) throw new UsageError(`--analysis ${item}: no --field named ${field}`);
    analysis.field = field;
  }
  return analysis;
}

function needsThreshold(kind: AnalysisKind): boolean {
  return kind === 'countAbove' || kind === 'countBelow';
}

/** `--group-by name`: every analysis of the command is computed per category of that category field. */
export function applyGroupBy(
  analyses: AnalysisSpec[],
  fields: readonly FieldSpec[],
  by: string,
): AnalysisSpec[] {
  const field = fields.find((candidate) => candidate.name === by);
  if (field?.type !== 'category') throw new UsageError(`--group-by ${by}: no --field ${by}:category:...`);
  return analyses.map((analysis) => ({ ...analysis, groupBy: by }));
}

/** Public bin edges, by the same rule the coordinator and the servers apply. */
export function parseBins(text: string): number[] {
  const edges = text.split(',').map((edge) => parseNumber(edge, '--bins'));
  const problem = binEdgesProblem(edges);
  if (problem !== undefined) throw new UsageError(`--bins ${text}: ${problem}, e.g. 0,10,20`);
  return edges;
}

export function parseRecipients(text: string): CreateCollaborationRequest['resultRecipients'] {
  if (text === 'all' || text === 'all-participants') return 'all-participants';
  const clients = text.split(',').map((client) => client.trim());
  const bad = clients.find((client) => !/^[a-z0-9-]{1,64}$/.test(client));
  if (bad !== undefined)
    throw new UsageError(`--recipients: "${bad}" is not a client id ([a-z0-9-], 1 to 64)`);
  return clients;
}

/** An ISO 8601 instant (with a zone), or a duration from now: 30m, 2h, 1d. */
export function parseDeadline(text: string, now: Date = new Date()): string {
  const relative = /^(\d+)([smhd])$/.exec(text);
  if (relative) {
    const unitMs = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[relative[2] as 's' | 'm' | 'h' | 'd'];
    return new Date(now.getTime() + Number(relative[1]) * unitMs).toISOString();
  }
  const instant = Date.parse(text);
  if (!/(Z|[+-]\d\d:?\d\d)$/.test(text) || Number.isNaN(instant)) {
    throw new UsageError(
      `--deadline ${text}: expected an ISO instant with a zone (2026-12-31T12:00:00Z) or 30m, 2h, 1d`,
    );
  }
  return new Date(instant).toISOString();
}

export function parseNumber(text: string, what: string): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`${what}: "${text}" is not a number`);
  return value;
}

export function parseCount(text: string, what: string, min = 1): number {
  const value = parseNumber(text, what);
  if (!Number.isInteger(value) || value < min)
    throw new UsageError(`${what}: expected an integer >= ${min}, got ${text}`);
  return value;
}
