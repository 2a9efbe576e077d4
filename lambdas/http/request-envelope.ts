import { randomUUID } from 'node:crypto';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { responseValidationEnabled } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import { invocationLogger } from './logger.ts';
import type { OperationContract } from '../../contract/openapi/operation-contract.ts';
import { problemResponse } from './problem.ts';
import { requestState, setRequestState, type ApiEvent } from './request-state.ts';
import { ownResponseViolations } from './self-check.ts';

type Result = APIGatewayProxyStructuredResultV2;

/**
 * Outermost middleware: the request id (API Gateway's, echoed as x-request-id on every response), a logger
 * carrying it, and every error turned into problem+json. Only DomainErrors explain themselves; anything else
 * is logged and answered as internal-error without details.
 */
export function requestEnvelope(contract: OperationContract): MiddlewareObj<ApiEvent, Result> {
  const { operationId } = contract;
  return {
    before: (request) => {
      const requestId = request.event.requestContext?.requestId || randomUUID();
      setRequestState(request.event, {
        operationId,
        requestId,
        logger: invocationLogger(request.context, { requestId, operationId }),
        callerId: '',
        path: {},
        query: {},
        headers: {},
        body: undefined,
      });
    },
    after: async (request) => {
      const state = requestState(request.event);
      const response = request.response as Result;
      response.headers = { ...response.headers, 'x-request-id': state.requestId };
      state.logger.debug('answered', { statusCode: response.statusCode });
      if (!responseValidationEnabled()) return;
      const violations = await ownResponseViolations(operationId, response);
      if (violations.length === 0) return;
      // A development run with an answer off the spec fails loudly instead of passing it on.
      state.logger.error('answer does not conform to openapi.yml', { violations });
      request.response = problemResponse(
        'internal-error',
        `The answer did not conform to the API contract; quote request id ${state.requestId}.`,
        state.requestId,
      );
    },
    onError: (request) => {
      const state = requestState(request.event);
      const error = request.error;
      if (error instanceof DomainError) {
        request.response = problemResponse(error.kind, error.message, state.requestId, error.violations);
        state.logger.debug('refused', { kind: error.kind, detail: error.message });
        return;
      }
      state.logger.error('request failed', error as Error);
      request.response = problemResponse(
        'internal-error',
        `Something went wrong on our side; quote request id ${state.requestId}.`,
        state.requestId,
      );
    },
  };
}
