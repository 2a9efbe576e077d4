import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { openapiDocument } from './openapi-document.generated.ts';
import { ResponseValidator } from './response-validation.ts';

let validator: ResponseValidator | undefined;

/** Checks one of our own answers against the bundled spec (only when response validation is enabled). */
export function ownResponseViolations(
  operationId: string,
  response: APIGatewayProxyStructuredResultV2,
): string[] {
  validator ??= new ResponseValidator(openapiDocument);
  const operation = validator.operations.find((candidate) => candidate.operationId === operationId);
  if (!operation) return [`openapi.yml has no operation ${operationId}`];
  const headers = Object.fromEntries(
    Object.entries(response.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]),
  );
  return validator.violations(operation, {
    status: response.statusCode ?? 200,
    header: (name) => headers[name],
    bodyText: typeof response.body === 'string' ? response.body : '',
  });
}
