import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { OperationContract } from './operation-contract.ts';
import { responseViolations } from './response-conformance.ts';

/** Checks one of our own answers against the operation's precompiled contract (when validation is enabled). */
export function ownResponseViolations(
  contract: OperationContract,
  response: APIGatewayProxyStructuredResultV2,
): string[] {
  const headers = Object.fromEntries(
    Object.entries(response.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]),
  );
  return responseViolations(contract.operationId, contract.responses, {
    status: response.statusCode ?? 200,
    header: (name) => headers[name],
    bodyText: typeof response.body === 'string' ? response.body : '',
  });
}
