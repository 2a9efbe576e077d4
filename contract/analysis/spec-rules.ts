import type { RuleViolation } from '../problems.ts';
import { ANALYSIS_KINDS, type AnalysisSpec, type ComputationSpec, type FieldSpec } from './analysis-spec.ts';
import { fractionalBitsOf } from './field-encoding.ts';
import { MAX_SAFE_MAGNITUDE } from './fixed-point.ts';
import {
  MAX_ANALYSES,
  MAX_BIN_EDGES,
  MAX_FIELDS,
  MAX_FRACTIONAL_BITS,
  MAX_QUANTILE_DECIMALS,
  MAX_ROWS_PER_PARTICIPANT,
  MIN_BIN_EDGES,
  MIN_ROWS_PER_PARTICIPANT,
} from './spec-limits.ts';
import { categoryFieldViolations, groupByViolations } from './group-by-rules.ts';
import { quantileFraction } from './quantile-rank.ts';
import { releaseViolations } from './release-rules.ts';

/**
 * The rules a computation spec must satisfy before anyone computes it: fields (unique names, known types,
 * fractional bits, encodable bounds in order), analyses (known kinds, fields that exist, exactly the
 * parameters each kind takes), what the result releases and the declared per-participant row cap. The coordinator checks them when a collaboration is created and the servers
 * again (through checkComputable) before a job; each violation is a JSON pointer into the spec and a reason.
 */
export interface SpecPaths {
  /** Where the spec's fields sit in the document being checked. */
  fields: string;
  analyses: string;
}

export const COMPUTATION_SPEC_PATHS: SpecPaths = { fields: '/fields', analyses: '/analyses' };

export function specViolations(
  spec: ComputationSpec,
  paths: SpecPaths = COMPUTATION_SPEC_PATHS,
): RuleViolation[] {
  return [
    ...fieldViolations(spec.fields, paths.fields),
    ...analysisViolations(spec.analyses, spec.fields, paths.analyses),
    ...releaseViolations(spec),
    ...rowCapViolations(spec.maxRowsPerParticipant),
  ];
}

/** A declared per-participant row cap: an integer 1..MAX_ROWS_PER_PARTICIPANT (top level of spec and body). */
export function rowCapViolations(cap: number | undefined): RuleViolation[] {
  if (cap === undefined) return [];
  return Number.isInteger(cap) && cap >= MIN_ROWS_PER_PARTICIPANT && cap <= MAX_ROWS_PER_PARTICIPANT
    ? []
    : [
        {
          path: '/maxRowsPerParticipant',
          message: `must be an integer ${MIN_ROWS_PER_PARTICIPANT}..${MAX_ROWS_PER_PARTICIPANT}`,
        },
      ];
}

/** Fields: 1..MAX_FIELDS, unique names, int or fixed, fractional bits 0..MAX_FRACTIONAL_BITS, sane bounds. */
export function fieldViolations(
  fields: readonly FieldSpec[],
  path = COMPUTATION_SPEC_PATHS.fields,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (fields.length === 0 || fields.length > MAX_FIELDS)
    violations.push({ path, message: `must declare 1..${MAX_FIELDS} fields` });
  const seen = new Set<string>();
  fields.forEach((field, index) => {
    const at = `${path}/${index}`;
    if (seen.has(field.name))
      violations.push({ path: `${at}/name`, message: `duplicate field name "${field.name}"` });
    seen.add(field.name);
    const type: string = field.type;
    if (type !== 'int' && type !== 'fixed' && type !== 'category')
      violations.push({ path: `${at}/type`, message: `unknown field type "${type}"` });
    violations.push(
      ...(field.type === 'category' ? categoryFieldViolations(field, at) : boundViolations(field, at)),
    );
  });
  return violations;
}

function boundViolations(field: FieldSpec, at: string): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const bits = fractionalBitsOf(field);
  const bitsValid = Number.isInteger(bits) && bits >= 0 && bits <= MAX_FRACTIONAL_BITS;
  if (!bitsValid)
    violations.push({
      path: `${at}/fractionalBits`,
      message: `must be an integer 0..${MAX_FRACTIONAL_BITS}`,
    });
  const scale = 2 ** (bitsValid ? bits : 0);
  for (const bound of ['min', 'max'] as const) {
    const value = field[bound];
    if (value === undefined) continue;
    if (!Number.isFinite(value))
      violations.push({ path: `${at}/${bound}`, message: 'must be a finite number' });
    else if (field.type === 'int' && !Number.isSafeInteger(value))
      violations.push({ path: `${at}/${bound}`, message: 'must be a safe integer for an int field' });
    else if (Math.abs(value) * scale >= MAX_SAFE_MAGNITUDE)
      violations.push({ path: `${at}/${bound}`, message: 'is too large to encode in the 64-bit ring' });
  }
  if (field.min !== undefined && field.max !== undefined && field.min > field.max)
    violations.push({ path: `${at}/min`, message: 'must not exceed max' });
  return violations;
}

const THRESHOLD_KINDS: ReadonlySet<string> = new Set(['countAbove', 'countBelow']);

/** Analyses: 1..MAX_ANALYSES, no repeats, known kinds over existing fields with their kind's parameters. */
export function analysisViolations(
  analyses: readonly AnalysisSpec[],
  fields: readonly FieldSpec[],
  path = COMPUTATION_SPEC_PATHS.analyses,
): RuleViolation[] {
  const fieldNames = new Set(fields.map((field) => field.name));
  const violations: RuleViolation[] = [];
  if (analyses.length === 0 || analyses.length > MAX_ANALYSES)
    violations.push({ path, message: `must request 1..${MAX_ANALYSES} analyses` });
  const seen = new Set<string>();
  analyses.forEach((analysis, index) => {
    const at = `${path}/${index}`;
    const key = JSON.stringify([
      analysis.kind,
      analysis.field,
      analysis.binEdges,
      analysis.threshold,
      analysis.p,
      analysis.groupBy,
    ]);
    if (seen.has(key)) violations.push({ path: at, message: 'duplicate analysis' });
    seen.add(key);
    if (!(ANALYSIS_KINDS as readonly string[]).includes(analysis.kind)) {
      violations.push({ path: `${at}/kind`, message: `unknown analysis kind "${String(analysis.kind)}"` });
      return;
    }
    violations.push(...fieldReferenceViolations(analysis, fieldNames, at));
    violations.push(...parameterViolations(analysis, at));
    violations.push(...groupByViolations(analysis, fields, at));
  });
  return violations;
}

function fieldReferenceViolations(
  analysis: AnalysisSpec,
  fieldNames: Set<string>,
  at: string,
): RuleViolation[] {
  if (analysis.kind === 'count')
    return analysis.field === undefined
      ? []
      : [{ path: `${at}/field`, message: 'count counts rows and takes no field' }];
  if (analysis.field !== undefined && !fieldNames.has(analysis.field))
    return [{ path: `${at}/field`, message: `no input field named "${analysis.field}"` }];
  return [];
}

function parameterViolations(analysis: AnalysisSpec, at: string): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (analysis.kind === 'histogram') {
    const edges = analysis.binEdges;
    const problem = edges === undefined ? 'histogram needs binEdges' : binEdgesProblem(edges);
    if (problem !== undefined) violations.push({ path: `${at}/binEdges`, message: problem });
  } else if (analysis.binEdges !== undefined) {
    violations.push({ path: `${at}/binEdges`, message: 'only histogram takes binEdges' });
  }
  if (THRESHOLD_KINDS.has(analysis.kind)) {
    if (analysis.threshold === undefined)
      violations.push({ path: `${at}/threshold`, message: `${analysis.kind} needs a threshold` });
    else if (!Number.isFinite(analysis.threshold))
      violations.push({ path: `${at}/threshold`, message: 'must be a finite number' });
  } else if (analysis.threshold !== undefined) {
    violations.push({ path: `${at}/threshold`, message: 'only countAbove and countBelow take a threshold' });
  }
  if (analysis.kind === 'quantile') {
    if (analysis.p === undefined) violations.push({ path: `${at}/p`, message: 'quantile needs p' });
    else if (quantileFraction(analysis.p) === undefined)
      violations.push({
        path: `${at}/p`,
        message: `must be in (0, 1) with at most ${MAX_QUANTILE_DECIMALS} decimal places`,
      });
  } else if (analysis.p !== undefined) {
    violations.push({ path: `${at}/p`, message: 'only quantile takes p' });
  }
  return violations;
}

/** What is wrong with a histogram's public edges (count, finiteness, order), or undefined. */
export function binEdgesProblem(edges: readonly number[]): string | undefined {
  if (edges.length < MIN_BIN_EDGES || edges.length > MAX_BIN_EDGES)
    return `needs ${MIN_BIN_EDGES}..${MAX_BIN_EDGES} edges`;
  if (!edges.every(Number.isFinite)) return 'must be finite numbers';
  if (!isStrictlyIncreasing(edges)) return 'must be strictly increasing';
  return undefined;
}

function isStrictlyIncreasing(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if (!(values[i]! > values[i - 1]!)) return false;
  return true;
}
