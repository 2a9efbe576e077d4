import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  PROBLEM_CATALOGUE,
  problemType,
  type ProblemKind,
  type RuleViolation,
} from '../../contract/problems.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

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
