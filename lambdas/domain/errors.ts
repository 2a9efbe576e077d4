import type { ProblemKind, RuleViolation } from '../../contract/problems.ts';

export type { ProblemKind, RuleViolation } from '../../contract/problems.ts';

/** A refusal the caller can act on; never used for bugs or infrastructure failures. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly kind: ProblemKind,
    detail: string,
    readonly violations: RuleViolation[] = [],
  ) {
    super(detail);
  }
}

export function validationError(violations: RuleViolation[]): DomainError {
  const detail = violations.map((v) => `${v.path}: ${v.message}`).join('; ');
  return new DomainError('validation-error', detail, violations);
}
