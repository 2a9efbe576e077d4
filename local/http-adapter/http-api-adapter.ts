import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Handler } from 'aws-lambda';
import { buildHttpApiEvent, type EventContext } from './api-gateway-event.ts';
import { toHttpResponse, type HttpResponse } from './handler-result.ts';
import { PayloadTooLargeError, readBody, requestPath, sendJson } from './http-io.ts';
import { authorizeRequest, type JwtAuthorizerConfig } from './jwt-authorizer.ts';
import { createLambdaContext } from './lambda-context.ts';
import { matchRoute, type ApiRoute } from './openapi-routes.ts';

export type ApiHandler = Handler<APIGatewayProxyEventV2WithJWTAuthorizer, unknown>;

export interface HttpApiAdapterOptions {
  routes: readonly ApiRoute[];
  /** Returns the operation's handler; called on every request (the loader caches, like a warm Lambda). */
  loadHandler(operationId: string): Promise<ApiHandler>;
  authorizer: JwtAuthorizerConfig;
  accountId?: string;
  apiId?: string;
  region?: string;
  /** API Gateway refuses request payloads over 10 MB. */
  payloadLimitBytes?: number;
  /** API Gateway's integration timeout is 30 s; a slower handler gets 503. */
  integrationTimeoutMs?: number;
  /** Called with handler crashes and malformed results, which the client only sees as a bare 500. */
  onHandlerError?(operationId: string, error: unknown): void;
}

export type RequestListener = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

const TEN_MEGABYTES = 10 * 1024 * 1024;

class IntegrationTimeoutError extends Error {}

/** A node:http listener that plays API Gateway (HTTP API, payload 2.0, JWT authorizer) in front of handlers. */
export function createHttpApiAdapter(options: HttpApiAdapterOptions): RequestListener {
  const accountId = options.accountId ?? '000000000000';
  const apiId = options.apiId ?? 'local';
  const region = options.region ?? 'us-east-1';
  const timeoutMs = options.integrationTimeoutMs ?? 30_000;

  return async (request, response) => {
    const requestId = randomBytes(10).toString('base64');
    const gatewayHeaders = { 'apigw-requestid': requestId };
    const reply = (statusCode: number, message: string, headers: Record<string, string> = {}): void =>
      sendJson(response, statusCode, { message }, { ...gatewayHeaders, ...headers });

    const url = request.url ?? '/';
    const path = requestPath(url);
    const method = request.method ?? 'GET';
    const match = matchRoute(options.routes, method, path);
    if (!match) return reply(404, 'Not Found');

    let body: Buffer;
    try {
      body = await readBody(request, options.payloadLimitBytes ?? TEN_MEGABYTES);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) return reply(413, 'Request Entity Too Large');
      throw error;
    }

    let jwt: EventContext['jwt'];
    if (match.route.requiresAuth) {
      const outcome = await authorizeRequest(
        options.authorizer,
        request.headers.authorization,
        match.route.scopes,
      );
      if (!outcome.authorized) {
        return reply(outcome.statusCode, outcome.message, { 'www-authenticate': outcome.wwwAuthenticate });
      }
      jwt = { claims: outcome.claims, scopes: outcome.scopes };
    }

    const event = buildHttpApiEvent(
      {
        method,
        url,
        httpVersion: request.httpVersion,
        rawHeaders: request.rawHeaders,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        localPort: request.socket.localPort ?? 0,
        body,
      },
      match,
      { requestId, accountId, apiId, now: new Date(), ...(jwt ? { jwt } : {}) },
    );
    const context = createLambdaContext({
      functionName: match.route.operationId,
      awsRequestId: randomUUID(),
      timeoutMs,
      region,
      accountId,
    });

    let result: HttpResponse;
    try {
      const handler = await options.loadHandler(match.route.operationId);
      result = toHttpResponse(await invokeWithTimeout(handler, event, context, timeoutMs));
    } catch (error) {
      if (error instanceof IntegrationTimeoutError) return reply(503, 'Service Unavailable');
      options.onHandlerError?.(match.route.operationId, error);
      return reply(500, 'Internal Server Error');
    }
    writeHttpResponse(response, result, gatewayHeaders);
  };
}

function invokeWithTimeout(
  handler: ApiHandler,
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: Parameters<ApiHandler>[1],
  timeoutMs: number,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new IntegrationTimeoutError()), timeoutMs);
    const settle = (error: unknown, value?: unknown): void => {
      clearTimeout(timer);
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(value);
    };
    try {
      // Both completion styles of the Node.js runtime: a returned promise or the callback.
      const returned = handler(event, context, (error, value) => settle(error, value));
      if (returned && typeof (returned as Promise<unknown>).then === 'function') {
        (returned as Promise<unknown>).then(
          (value) => settle(undefined, value),
          (error: unknown) => settle(error ?? new Error('rejected')),
        );
      }
    } catch (error) {
      settle(error);
    }
  });
}

function writeHttpResponse(
  response: ServerResponse,
  result: HttpResponse,
  gatewayHeaders: Record<string, string>,
): void {
  const headers: Record<string, string | string[]> = {
    ...result.headers,
    ...gatewayHeaders,
    'content-length': String(result.body.length),
  };
  if (result.cookies.length > 0) headers['set-cookie'] = result.cookies;
  response.writeHead(result.statusCode, headers);
  response.end(result.body);
}
