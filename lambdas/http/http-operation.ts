import middy from '@middy/core';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { IdempotencyStore } from '../ports/idempotency-store.ts';
import { idempotency } from './idempotency.ts';
import { lambdaContextLogging } from './logger.ts';
import type { OperationContract } from '../../contract/openapi/operation-contract.ts';
import { parseRequest } from './parse-request.ts';
import { requestEnvelope } from './request-envelope.ts';
import { requestMetrics } from './request-metrics.ts';
import { requestState, type ApiEvent, type ApiRequest } from './request-state.ts';

export interface ApiResponse {
  statusCode: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type ApiHandler = (event: ApiEvent, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * One Lambda handler for one operation of openapi.yml: the shared middlewares around a thin function that
 * calls a use case and says what to answer. The contract (from operation-contracts.generated.ts) carries the
 * operation's precompiled checks; `idempotencyStore` makes the operation honour Idempotency-Key.
 */
export function httpOperation(
  contract: OperationContract,
  run: (request: ApiRequest) => Promise<ApiResponse>,
  options: { idempotencyStore?: () => IdempotencyStore } = {},
): ApiHandler {
  const build = () => {
    // Logger first and metrics next, so that their cleanup runs last and sees every answer, refusals too.
    const handler = middy<ApiEvent, APIGatewayProxyStructuredResultV2>()
      .use(lambdaContextLogging())
      .use(requestMetrics().middlewares(contract.operationId))
      .use(requestEnvelope(contract))
      .use(parseRequest(contract));
    if (options.idempotencyStore) handler.use(idempotency(options.idempotencyStore));
    return handler.handler(async (event) => {
      const state = requestState(event);
      if (state.replay) return state.replay;
      const answered = await run(state);
      return {
        statusCode: answered.statusCode,
        headers: { 'content-type': 'application/json', ...answered.headers },
        body: JSON.stringify(answered.body),
      };
    });
  };
  let answer: ReturnType<typeof build> | undefined;
  // Built at the first invocation, so that importing a handler reads no environment.
  return (event, context) => (answer ??= build())(event, context);
}
