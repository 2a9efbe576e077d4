import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, validationError } from '../domain/errors.ts';
import type { OperationContract } from '../../contract/openapi/operation-contract.ts';
import { requestState, type ApiEvent } from './request-state.ts';
import { bodyViolations, parameterViolations } from './request-validation.ts';

const CLIENT_ID = /^[A-Za-z0-9_+-]{1,128}$/;
const JSON_MEDIA_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;

/**
 * Identifies the caller from the JWT the authorizer verified, then parses and validates path, query, headers
 * and body against the operation in openapi.yml. Nothing reaches a use case unvalidated.
 */
export function parseRequest(
  contract: OperationContract,
): MiddlewareObj<ApiEvent, APIGatewayProxyStructuredResultV2> {
  return {
    before: (request) => {
      const event = request.event;
      const state = requestState(event);
      if (contract.requiresAuth) state.callerId = callerIdOf(event);
      const headers = lowerCaseKeys(event.headers ?? {});
      const raw = {
        path: { ...(event.pathParameters ?? {}) } as Record<string, string>,
        query: { ...(event.queryStringParameters ?? {}) } as Record<string, string>,
        headers,
      };
      const violations = parameterViolations(contract, raw);
      if (violations.length > 0) throw validationError(violations);
      state.path = raw.path;
      state.query = raw.query;
      state.headers = headers;
      if (raw.path.collaborationId) state.logger.appendKeys({ collaborationId: raw.path.collaborationId });
      if (contract.requestBody) state.body = parseBody(event, headers, contract);
    },
  };
}

function callerIdOf(event: ApiEvent): string {
  const clientId = event.requestContext?.authorizer?.jwt?.claims?.client_id;
  if (typeof clientId !== 'string' || !CLIENT_ID.test(clientId))
    throw new DomainError('unauthorized', 'The access token carries no usable client_id claim.');
  return clientId;
}

function parseBody(event: ApiEvent, headers: Record<string, string>, contract: OperationContract): unknown {
  const text =
    event.body === undefined
      ? ''
      : event.isBase64Encoded
        ? Buffer.from(event.body, 'base64').toString('utf8')
        : event.body;
  if (text.length === 0) {
    if (contract.requestBody?.required)
      throw validationError([{ path: '/', message: 'a JSON body is required' }]);
    return undefined;
  }
  if (!JSON_MEDIA_TYPE.test(headers['content-type'] ?? ''))
    throw new DomainError('unsupported-media-type', 'Send the body as application/json.');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new DomainError('malformed-json', `The body is not valid JSON: ${(error as Error).message}`);
  }
  const violations = bodyViolations(contract, body);
  if (violations.length > 0) throw validationError(violations);
  return body;
}

function lowerCaseKeys(headers: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined) result[name.toLowerCase()] = value;
  return result;
}
