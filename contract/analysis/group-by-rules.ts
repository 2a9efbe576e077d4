import type { RuleViolation } from '../problems.ts';
import type { AnalysisKind, AnalysisSpec, CategoryField, FieldSpec } from './analysis-spec.ts';
import { MAX_CATEGORIES, MAX_CATEGORY_LABEL } from './spec-limits.ts';

/**
 * The rules of category fields and `groupBy`: a category field declares 1..MAX_CATEGORIES distinct labels
 * and nothing else; an analysis grouped by it is one of GROUPABLE_KINDS over a field that is not a category
 * field itself; no other analysis names a category field.
 */
export const GROUPABLE_KINDS: readonly AnalysisKind[] = [
  'count',
  'sum',
  'mean',
  'variance',
  'stddev',
  'quantile',
];

export function categoryFieldViolations(field: CategoryField, at: string): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const labels: unknown = field.categories;
  if (!Array.isArray(labels) || labels.length < 1 || labels.length > MAX_CATEGORIES) {
    violations.push({ path: `${at}/categories`, message: `must list 1..${MAX_CATEGORIES} categories` });
    return violations;
  }
  const seen = new Set<string>();
  labels.forEach((label: unknown, index) => {
    if (typeof label !== 'string' || label.length < 1 || label.length > MAX_CATEGORY_LABEL)
      violations.push({
        path: `${at}/categories/${index}`,
        message: `must be a label of 1..${MAX_CATEGORY_LABEL} characters`,
      });
    else if (seen.has(label))
      violations.push({ path: `${at}/categories/${index}`, message: `duplicate category "${label}"` });
    else seen.add(label);
  });
  for (const key of ['min', 'max', 'fractionalBits'] as const)
    if (field[key] !== undefined)
      violations.push({ path: `${at}/${key}`, message: `a category field takes no ${key}` });
  return violations;
}

export function groupByViolations(
  analysis: AnalysisSpec,
  fields: readonly FieldSpec[],
  at: string,
): RuleViolation[] {
  const named = fields.find((field) => field.name === analysis.field);
  if (named?.type === 'category')
    return [
      {
        path: `${at}/field`,
        message: `"${named.name}" is a category field: group by it (groupBy) instead`,
      },
    ];
  if (analysis.groupBy === undefined) return [];
  const by = fields.find((field) => field.name === analysis.groupBy);
  if (by?.type !== 'category')
    return [{ path: `${at}/groupBy`, message: `no category field named "${analysis.groupBy}"` }];
  if (!GROUPABLE_KINDS.includes(analysis.kind))
    return [
      {
        path: `${at}/groupBy`,
        message: `${analysis.kind} cannot be grouped (only ${GROUPABLE_KINDS.join(', ')})`,
      },
    ];
  return [];
}
