import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { OperationId } from '../../contract/openapi/operation-ids.ts';

/** What the middlewares learn about a request, for the handler and for each other. */
export interface ApiRequest {
  operationId: OperationId;
  requestId: string;
  logger: Logger;
  /** The token's client_id; empty only for operations without auth (getHealth). */
  callerId: string;
  path: Record<string, string>;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body: unknown;
  /** Set when this request holds an Idempotency-Key claim. */
  idempotencyClaim?: { scope: string; key: string };
  /** The stored answer of an earlier request with the same Idempotency-Key, given again. */
  replay?: APIGatewayProxyStructuredResultV2;
}

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;

const states = new WeakMap<ApiEvent, ApiRequest>();

export function setRequestState(event: ApiEvent, state: ApiRequest): void {
  states.set(event, state);
}

export function requestState(event: ApiEvent): ApiRequest {
  const state = states.get(event);
  if (!state) throw new Error('request state missing: the request envelope middleware did not run');
  return state;
}
