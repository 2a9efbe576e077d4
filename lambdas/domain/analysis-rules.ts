import type { AnalysisSpec, FieldSpec } from '../../contract/analysis/analysis-spec.ts';
import type { RuleViolation } from './errors.ts';

const THRESHOLD_KINDS = new Set(['countAbove', 'countBelow']);

/** Checks each analysis against the fields it names and the parameters its kind takes. */
export function analysisViolations(
  analyses: readonly AnalysisSpec[],
  fields: readonly FieldSpec[],
  path = '/analyses',
): RuleViolation[] {
  const fieldNames = new Set(fields.map((field) => field.name));
  const violations: RuleViolation[] = [];
  const seen = new Set<string>();
  analyses.forEach((analysis, index) => {
    const at = `${path}/${index}`;
    const key = JSON.stringify([analysis.kind, analysis.field, analysis.binEdges, analysis.threshold]);
    if (seen.has(key)) violations.push({ path: at, message: 'duplicate analysis' });
    seen.add(key);
    violations.push(...fieldReferenceViolations(analysis, fieldNames, at));
    violations.push(...parameterViolations(analysis, at));
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
    if (edges === undefined) violations.push({ path: `${at}/binEdges`, message: 'histogram needs binEdges' });
    else if (edges.length < 2)
      violations.push({ path: `${at}/binEdges`, message: 'needs at least two edges' });
    else if (!isStrictlyIncreasing(edges))
      violations.push({ path: `${at}/binEdges`, message: 'must be strictly increasing' });
  } else if (analysis.binEdges !== undefined) {
    violations.push({ path: `${at}/binEdges`, message: 'only histogram takes binEdges' });
  }
  if (THRESHOLD_KINDS.has(analysis.kind)) {
    if (analysis.threshold === undefined)
      violations.push({ path: `${at}/threshold`, message: `${analysis.kind} needs a threshold` });
  } else if (analysis.threshold !== undefined) {
    violations.push({ path: `${at}/threshold`, message: 'only countAbove and countBelow take a threshold' });
  }
  return violations;
}

function isStrictlyIncreasing(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++)
    if (!((values[i] as number) > (values[i - 1] as number))) return false;
  return true;
}
