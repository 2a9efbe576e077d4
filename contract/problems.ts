/**
 * The problem catalogue: every way the coordinator API can refuse a request, by stable kind. The
 * coordinator answers each kind with its status and title as RFC 9457 problem+json whose `type` is
 * PROBLEM_TYPE_BASE + kind; the client reads the kind back from that `type`. openapi.yml lists the same
 * types (a unit test holds them together).
 */
export const PROBLEM_KINDS = [
  'validation-error',
  'not-computable',
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

export const PROBLEM_TYPE_BASE = 'https://mpc.example/problems/';

/** Status and title of each problem kind. */
export const PROBLEM_CATALOGUE: Record<ProblemKind, { status: number; title: string }> = {
  'validation-error': { status: 400, title: 'The request does not satisfy the API contract' },
  'not-computable': { status: 400, title: 'The computation servers could not compute this collaboration' },
  'malformed-json': { status: 400, title: 'The request body is not valid JSON' },
  'unsupported-media-type': { status: 415, title: 'The request body must be application/json' },
  unauthorized: { status: 401, title: 'The caller could not be identified' },
  forbidden: { status: 403, title: 'The caller may not do this' },
  'not-found': { status: 404, title: 'No such resource for this caller' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'collaboration-full': { status: 409, title: 'The collaboration counts its maximum number of inputs' },
  'invalid-state': { status: 409, title: 'Not possible in the collaboration’s current state' },
  'deadline-passed': { status: 409, title: 'The input deadline has passed' },
  'already-joined': { status: 409, title: 'Already a participant' },
  'input-already-completed': { status: 409, title: 'The input is already complete' },
  'idempotency-key-reused': { status: 409, title: 'The Idempotency-Key was used with another request' },
  'idempotency-request-in-progress': {
    status: 409,
    title: 'A request with this Idempotency-Key is still in progress',
  },
  'upload-incomplete': { status: 422, title: 'A share has not been uploaded' },
  'upload-mismatch': { status: 422, title: 'An uploaded share differs from its declaration' },
  'result-gone': { status: 410, title: 'The result shares were deleted' },
  'internal-error': { status: 500, title: 'Internal error' },
};

export function problemType(kind: ProblemKind): string {
  return `${PROBLEM_TYPE_BASE}${kind}`;
}

/** The kind a problem `type` URI names, or undefined for a type outside the catalogue. */
export function problemKindOf(type: string): ProblemKind | undefined {
  if (!type.startsWith(PROBLEM_TYPE_BASE)) return undefined;
  const kind = type.slice(PROBLEM_TYPE_BASE.length);
  return (PROBLEM_KINDS as readonly string[]).includes(kind) ? (kind as ProblemKind) : undefined;
}

/** One violated rule, as a problem's `errors` carry it: where (a JSON pointer into the request) and what. */
export interface RuleViolation {
  path: string;
  message: string;
}
