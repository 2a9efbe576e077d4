import { connect } from 'node:net';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import { createLocalJWKSet } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpApiAdapter, type ApiHandler } from '../../../../local/http-adapter/http-api-adapter.ts';
import { loadOpenApiDocument, routesFromOpenApi } from '../../../../local/http-adapter/openapi-routes.ts';
import { createLocalIssuer, type LocalIssuer } from '../../../../local/issuer/local-issuer.ts';
import { serveListener, type ServedListener } from '../support/serve-listener.ts';

const ISSUER = 'http://issuer.test';
const SECRET = 'dev-secret';

describe('HTTP API adapter in front of handlers', () => {
  let issuer: LocalIssuer;
  let served: ServedListener;
  let handlers: Record<string, ApiHandler>;
  let seen: { event: APIGatewayProxyEventV2WithJWTAuthorizer; context: Context }[];
  let handlerErrors: string[];

  beforeAll(async () => {
    issuer = await createLocalIssuer({
      issuer: ISSUER,
      clientSecret: SECRET,
      audience: 'api',
      allowedScopes: ['mpc/api', 'mpc/admin'],
    });
    const document = await loadOpenApiDocument(join(import.meta.dirname, 'fixtures/mini-openapi.yml'));
    const adapter = createHttpApiAdapter({
      routes: routesFromOpenApi(document),
      loadHandler: async (operationId) => {
        const handler = handlers[operationId];
        if (!handler) throw new Error(`no handler for ${operationId}`);
        return handler;
      },
      authorizer: { issuer: ISSUER, audience: ['api'], keys: createLocalJWKSet(issuer.jwks) },
      payloadLimitBytes: 1024,
      integrationTimeoutMs: 200,
      onHandlerError: (operationId) => handlerErrors.push(operationId),
    });
    served = await serveListener(adapter);
  });
  afterAll(() => served.close());

  beforeEach(() => {
    seen = [];
    handlerErrors = [];
    const record: ApiHandler = async (event, context) => {
      seen.push({ event, context });
      return {
        statusCode: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ok: true }),
      };
    };
    handlers = {
      getHealth: record,
      getThing: record,
      createThing: record,
      listMyThings: record,
      adminOnly: record,
    };
  });

  async function token(clientId: string, scopes?: string[]): Promise<string> {
    return (await issuer.issueToken({ clientId, clientSecret: SECRET, scopes })).access_token;
  }

  it('serves an operation without security without any token, and without an authorizer in the event', async () => {
    const response = await fetch(`${served.origin}/v1/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(seen[0]?.event.requestContext).not.toHaveProperty('authorizer');
    expect(response.headers.get('apigw-requestid')).toBe(seen[0]?.event.requestContext.requestId);
  });

  it('passes the verified caller to the handler, with a Lambda-like context', async () => {
    const response = await fetch(`${served.origin}/v1/things/t-1?x=1`, {
      headers: { authorization: `Bearer ${await token('lab-4')}` },
    });
    expect(response.status).toBe(200);
    const [call] = seen;
    expect(call?.event.requestContext.authorizer.jwt.claims.client_id).toBe('lab-4');
    expect(call?.event.pathParameters).toEqual({ thingId: 't-1' });
    expect(call?.event.routeKey).toBe('GET /v1/things/{thingId}');
    expect(call?.context.functionName).toBe('getThing');
    expect(call?.context.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(call?.context.getRemainingTimeInMillis()).toBeLessThanOrEqual(200);
  });

  it('answers 401 like API Gateway, without calling the handler, when the token is missing or bad', async () => {
    for (const authorization of [
      undefined,
      'Bearer abc.def.ghi',
      `Bearer ${(await token('lab-4')).slice(0, -4)}AAAA`,
    ]) {
      const response = await fetch(`${served.origin}/v1/things`, {
        method: 'POST',
        headers: authorization ? { authorization } : {},
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: 'Unauthorized' });
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_token"/);
    }
    expect(seen).toHaveLength(0);
  });

  it('answers 403 when the route needs a scope the token lacks', async () => {
    const narrow = await fetch(`${served.origin}/v1/admin`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await token('lab-4', ['mpc/api'])}` },
    });
    expect([narrow.status, await narrow.json()]).toEqual([403, { message: 'Forbidden' }]);
    const wide = await fetch(`${served.origin}/v1/admin`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await token('lab-4', ['mpc/admin'])}` },
    });
    expect(wide.status).toBe(200);
  });

  it('answers 404 Not Found for unknown paths and methods', async () => {
    for (const [method, path] of [
      ['GET', '/v1/nothing'],
      ['PUT', '/v1/health'],
      ['GET', '/'],
    ] as const) {
      const response = await fetch(`${served.origin}${path}`, { method });
      expect([response.status, await response.json()]).toEqual([404, { message: 'Not Found' }]);
    }
  });

  it('answers 413 for a body over the payload limit', async () => {
    const response = await fetch(`${served.origin}/v1/things`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token('lab-4')}`, 'content-type': 'application/json' },
      body: 'x'.repeat(1025),
    });
    expect([response.status, await response.json()]).toEqual([413, { message: 'Request Entity Too Large' }]);
    expect(seen).toHaveLength(0);
  });

  it('answers 500 Internal Server Error when the handler throws or returns a malformed result', async () => {
    handlers.getHealth = async () => {
      throw new Error('boom');
    };
    handlers.listMyThings = async () => ({ statusCode: 'teapot' });
    const crash = await fetch(`${served.origin}/v1/health`);
    expect([crash.status, await crash.json()]).toEqual([500, { message: 'Internal Server Error' }]);
    const malformed = await fetch(`${served.origin}/v1/things/mine`, {
      headers: { authorization: `Bearer ${await token('lab-4')}` },
    });
    expect(malformed.status).toBe(500);
    expect(handlerErrors).toEqual(['getHealth', 'listMyThings']);
  });

  it('answers 503 when the handler outlives the integration timeout', async () => {
    handlers.getHealth = () => new Promise(() => undefined);
    const response = await fetch(`${served.origin}/v1/health`);
    expect([response.status, await response.json()]).toEqual([503, { message: 'Service Unavailable' }]);
  });

  it('round-trips binary bodies through base64 and maps cookies to Set-Cookie', async () => {
    handlers.createThing = async (event) => ({
      statusCode: 201,
      headers: { 'content-type': 'application/octet-stream' },
      cookies: ['a=1', 'b=2; Secure'],
      body: event.body ?? '',
      isBase64Encoded: event.isBase64Encoded,
    });
    const bytes = Buffer.from([0, 1, 254, 255, 10]);
    const response = await fetch(`${served.origin}/v1/things`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await token('lab-4')}`,
        'content-type': 'application/octet-stream',
      },
      body: bytes,
    });
    expect(response.status).toBe(201);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2; Secure']);
  });

  it('supports callback-style handlers too', async () => {
    handlers.getHealth = (_event, _context, callback) => {
      callback(null, { statusCode: 204 });
    };
    expect((await fetch(`${served.origin}/v1/health`)).status).toBe(204);
  });

  it('answers odd request targets with 404, not a crash', async () => {
    const { port } = new URL(served.origin);
    for (const target of ['//[', '/v1/%zz/health', 'http://elsewhere/v1/health?x', '/v1/health/']) {
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () =>
          socket.end(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
        );
        let answer = '';
        socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
        socket.on('end', () => resolve(answer));
        socket.on('error', reject);
      });
      expect(raw.split('\r\n')[0], target).toBe('HTTP/1.1 404 Not Found');
      expect(raw.endsWith('{"message":"Not Found"}'), target).toBe(true);
    }
  });
});
