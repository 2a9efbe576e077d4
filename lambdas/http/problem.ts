import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ProblemKind, RuleViolation } from '../domain/errors.ts';

export const PROBLEM_TYPE_BASE = 'https://mpc.example/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Status and title of each problem kind; the type URI is PROBLEM_TYPE_BASE + kind. */
export const PROBLEM_CATALOGUE: Record<ProblemKind, { status: number; title: string }> = {
  'validation-error': { status: 400, title: 'The request does not satisfy the API contract' },
  'malformed-json': { status: 400, title: 'The request body is not valid JSON' },
  'unsupported-media-type': { status: 415, title: 'The request body must be application/json' },
  unauthorized: { status: 401, title: 'The caller could not be identified' },
  forbidden: { status: 403, title: 'The caller may not do this' },
  'not-found': { status: 404, title: 'No such resource for this caller' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'collaboration-full': { status: 409, title: 'The collaboration has its maximum number of participants' },
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

/** An RFC 9457 problem+json response carrying the request id in body and header. */
export function problemResponse(
  kind: ProblemKind,
  detail: string,
  requestId: string,
  violations: RuleViolation[] = [],
): APIGatewayProxyStructuredResultV2 {
  const { status, title } = PROBLEM_CATALOGUE[kind];
  const body = {
    type: problemType(kind),
    title,
    status,
    detail,
    requestId,
    ...(violations.length > 0 ? { errors: violations } : {}),
  };
  return {
    statusCode: status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'x-request-id': requestId },
    body: JSON.stringify(body),
  };
}
