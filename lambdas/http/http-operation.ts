import middy from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { IdempotencyStore } from '../ports/idempotency-store.ts';
import { idempotency } from './idempotency.ts';
import type { OperationId } from './operation-ids.ts';
import { parseRequest } from './parse-request.ts';
import { requestEnvelope } from './request-envelope.ts';
import { requestState, type ApiEvent, type ApiRequest } from './request-state.ts';

export interface ApiResponse {
  statusCode: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * One Lambda handler for one operation of openapi.yml: the shared middlewares around a thin function that
 * calls a use case and says what to answer. `idempotencyStore` makes the operation honour Idempotency-Key.
 */
export function httpOperation(
  operationId: OperationId,
  run: (request: ApiRequest) => Promise<ApiResponse>,
  options: { idempotencyStore?: () => IdempotencyStore } = {},
) {
  const handler = middy<ApiEvent, APIGatewayProxyStructuredResultV2>()
    .use(requestEnvelope(operationId))
    .use(parseRequest(operationId));
  if (options.idempotencyStore) handler.use(idempotency(options.idempotencyStore));
  return handler.handler(async (event) => {
    const answer = await run(requestState(event));
    return {
      statusCode: answer.statusCode,
      headers: { 'content-type': 'application/json', ...answer.headers },
      body: JSON.stringify(answer.body),
    };
  });
}
