import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ResponseContracts } from '../../contract/openapi/operation-contract.ts';
import { responseViolations } from './response-conformance.ts';

/**
 * The response checks are a development aid (MPC_VALIDATE_RESPONSES=true, for handlers run in-process from
 * the source tree), so they are loaded from beside this file on first use and never bundled: esbuild leaves
 * a computed import alone, and each Lambda bundle stays without every response schema of its operation.
 */
const RESPONSE_CONTRACTS_URL = new URL(
  '../../contract/generated/response-contracts.generated.ts',
  import.meta.url,
).href;
let responseContracts: Promise<Record<string, ResponseContracts>> | undefined;

function loadResponseContracts(): Promise<Record<string, ResponseContracts>> {
  responseContracts ??= (import(RESPONSE_CONTRACTS_URL) as Promise<Record<string, ResponseContracts>>).catch(
    (error: unknown) => {
      responseContracts = undefined;
      throw new Error(
        `Response validation needs the source tree (not available in a bundled handler): ${String(error)}`,
      );
    },
  );
  return responseContracts;
}

/** Checks one of our own answers against the operation's declared responses in openapi.yml. */
export async function ownResponseViolations(
  operationId: string,
  response: APIGatewayProxyStructuredResultV2,
): Promise<string[]> {
  const responses = (await loadResponseContracts())[operationId];
  if (!responses) return [`openapi.yml has no operation ${operationId}`];
  const headers = Object.fromEntries(
    Object.entries(response.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]),
  );
  return responseViolations(operationId, responses, {
    status: response.statusCode ?? 200,
    header: (name) => headers[name],
    bodyText: typeof response.body === 'string' ? response.body : '',
  });
}
