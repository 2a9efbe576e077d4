/**
 * Every way a request can be refused, by stable kind. The HTTP layer maps each kind to a status code and an
 * RFC 9457 problem type URI; the domain and use cases only name the kind.
 */
export const PROBLEM_KINDS = [
  'validation-error',
  'malformed-json',
  'unsupported-media-type',
  'unauthorized',
  'forbidden',
  'not-found',
  'method-not-allowed',
  'collaboration-full',
  'invalid-state',
  'deadline-passed',
  'already-joined',
  'input-already-completed',
  'idempotency-key-reused',
  'idempotency-request-in-progress',
  'upload-incomplete',
  'upload-mismatch',
  'result-gone',
  'internal-error',
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

/** One violated rule: where (a JSON pointer into the request) and what. */
export interface RuleViolation {
  path: string;
  message: string;
}

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
