import { createHash } from 'node:crypto';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError } from '../domain/errors.ts';
import type { IdempotencyStore } from '../ports/idempotency-store.ts';
import { requestState, type ApiEvent } from './request-state.ts';

type Result = APIGatewayProxyStructuredResultV2;
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/**
 * Idempotency-Key on creating POSTs: the first successful answer is stored under (caller, key) with a
 * fingerprint of the request; the same request again gets that answer, another request under the same key
 * gets 409. Failed requests release their claim, so errors are never stored and leave no trace.
 */
export function idempotency(
  store: () => IdempotencyStore,
  now: () => Date = () => new Date(),
): MiddlewareObj<ApiEvent, Result> {
  return {
    before: async (request) => {
      const state = requestState(request.event);
      const key = state.headers[IDEMPOTENCY_HEADER];
      if (key === undefined) return undefined;
      const scope = state.callerId;
      const claim = await store().claim(
        scope,
        key,
        fingerprint(state.operationId, request.event.rawPath, state.body),
        now(),
      );
      switch (claim.kind) {
        case 'claimed':
          state.idempotencyClaim = { scope, key };
          return undefined;
        case 'replay':
          // Answered by the handler, not returned early: middy skips every `after` on an early answer, and
          // the logger's and metrics' cleanup must see this request too.
          state.replay = {
            statusCode: claim.response.statusCode,
            headers: {
              ...claim.response.headers,
              'idempotent-replayed': 'true',
              'x-request-id': state.requestId,
            },
            body: claim.response.body,
          };
          return undefined;
        case 'key-reused':
          throw new DomainError(
            'idempotency-key-reused',
            'This Idempotency-Key was already used with a different request.',
          );
        case 'in-progress':
          throw new DomainError(
            'idempotency-request-in-progress',
            'A request with this Idempotency-Key is still being processed; retry shortly.',
          );
      }
    },
    after: async (request) => {
      const state = requestState(request.event);
      const claim = state.idempotencyClaim;
      if (!claim) return;
      const response = request.response as Result;
      if (response.statusCode !== undefined && response.statusCode >= 200 && response.statusCode < 300) {
        const { 'x-request-id': _requestId, ...headers } = (response.headers ?? {}) as Record<string, string>;
        await store().complete(claim.scope, claim.key, {
          statusCode: response.statusCode,
          headers,
          body: String(response.body ?? ''),
        });
      } else {
        await store().release(claim.scope, claim.key);
      }
    },
    onError: async (request) => {
      const state = requestState(request.event);
      if (!state.idempotencyClaim) return;
      await store()
        .release(state.idempotencyClaim.scope, state.idempotencyClaim.key)
        .catch((error: unknown) => state.logger.warn('could not release idempotency claim', error as Error));
    },
  };
}

/** Same operation, same path and the same JSON body (key order aside) make the same request. */
export function fingerprint(operationId: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${operationId}\n${path}\n${canonicalJson(body)}`)
    .digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}
