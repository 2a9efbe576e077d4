import { DEFAULT_FRACTIONAL_BITS, type FieldSpec } from '../../contract/analysis/analysis-spec.ts';
import type { RuleViolation } from './errors.ts';

export const MAX_FRACTIONAL_BITS = 30;
/** Encoded values live in Z_2^64 and are read as signed; keep every bound and its square-free sums well clear. */
const MAX_ENCODED_MAGNITUDE = 2 ** 62;

/** Checks the input schema's fields: unique names, integer or fixed point, sensible bounds. */
export function fieldViolations(fields: readonly FieldSpec[], path = '/inputSchema/fields'): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const seen = new Set<string>();
  fields.forEach((field, index) => {
    const at = `${path}/${index}`;
    if (seen.has(field.name))
      violations.push({ path: `${at}/name`, message: `duplicate field name "${field.name}"` });
    seen.add(field.name);
    violations.push(...boundViolations(field, at));
  });
  return violations;
}

function boundViolations(field: FieldSpec, at: string): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const scale = field.type === 'fixed' ? 2 ** (field.fractionalBits ?? DEFAULT_FRACTIONAL_BITS) : 1;
  if (field.type === 'fixed' && field.fractionalBits !== undefined) {
    const bits = field.fractionalBits;
    if (!Number.isInteger(bits) || bits < 0 || bits > MAX_FRACTIONAL_BITS)
      violations.push({
        path: `${at}/fractionalBits`,
        message: `must be an integer 0..${MAX_FRACTIONAL_BITS}`,
      });
  }
  for (const bound of ['min', 'max'] as const) {
    const value = field[bound];
    if (value === undefined) continue;
    if (field.type === 'int' && !Number.isSafeInteger(value))
      violations.push({ path: `${at}/${bound}`, message: 'must be a safe integer for an int field' });
    else if (Math.abs(value) * scale >= MAX_ENCODED_MAGNITUDE)
      violations.push({ path: `${at}/${bound}`, message: 'is too large to encode in the 64-bit ring' });
  }
  if (field.min !== undefined && field.max !== undefined && field.min > field.max)
    violations.push({ path: `${at}/min`, message: 'must not exceed max' });
  return violations;
}
