import { describe, expect, it } from 'vitest';
import {
  buildHttpApiEvent,
  formatRequestTime,
  type HttpRequestSnapshot,
} from '../../../../local/http-adapter/api-gateway-event.ts';
import { matchRoute, routesFromOpenApi } from '../../../../local/http-adapter/openapi-routes.ts';

const routes = routesFromOpenApi({
  paths: {
    '/v1/collaborations/{collaborationId}/participants': { post: { operationId: 'joinCollaboration' } },
  },
});

function request(overrides: Partial<HttpRequestSnapshot> = {}): HttpRequestSnapshot {
  return {
    method: 'POST',
    url: '/v1/collaborations/c-1/participants?b=2&a=1&a=x%20y',
    httpVersion: '1.1',
    rawHeaders: [
      'Host',
      'abc123.execute-api.us-east-1.amazonaws.com',
      'User-Agent',
      'curl/8.5',
      'Content-Type',
      'application/json',
      'X-Multi',
      'one',
      'x-multi',
      'two',
      'Cookie',
      'session=s1; theme=dark',
      'Cookie',
      'extra=e',
    ],
    sourceIp: '192.0.2.1',
    localPort: 443,
    body: Buffer.from('{"publicKey":"k"}'),
    ...overrides,
  };
}

const now = new Date(Date.UTC(2020, 2, 12, 19, 3, 58, 390));
const jwt = { claims: { client_id: 'lab-1', exp: '1583352238' }, scopes: ['mpc/api'] };

function build(overrides: Partial<HttpRequestSnapshot> = {}, withJwt = true) {
  const snapshot = request(overrides);
  const match = matchRoute(routes, snapshot.method, snapshot.url.split('?')[0] as string);
  if (!match) throw new Error('fixture route did not match');
  return buildHttpApiEvent(snapshot, match, {
    requestId: 'JKJaXmPLvHcESHA=',
    accountId: '123456789012',
    apiId: 'abc123',
    now,
    ...(withJwt ? { jwt } : {}),
  });
}

describe('API Gateway HTTP API payload 2.0 event', () => {
  it('has the documented top-level and requestContext fields, and nothing of payload 1.0', () => {
    const event = build();
    expect(Object.keys(event).sort()).toEqual(
      [
        'version',
        'routeKey',
        'rawPath',
        'rawQueryString',
        'cookies',
        'headers',
        'queryStringParameters',
        'requestContext',
        'pathParameters',
        'body',
        'isBase64Encoded',
      ].sort(),
    );
    expect(Object.keys(event.requestContext).sort()).toEqual(
      [
        'accountId',
        'apiId',
        'authorizer',
        'domainName',
        'domainPrefix',
        'http',
        'requestId',
        'routeKey',
        'stage',
        'time',
        'timeEpoch',
      ].sort(),
    );
    expect(event).not.toHaveProperty('multiValueHeaders');
    expect(event).not.toHaveProperty('multiValueQueryStringParameters');
  });

  it('maps route, path, query, headers, cookies and body as API Gateway does', () => {
    const event = build();
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /v1/collaborations/{collaborationId}/participants',
      rawPath: '/v1/collaborations/c-1/participants',
      rawQueryString: 'b=2&a=1&a=x%20y',
      cookies: ['session=s1', 'theme=dark', 'extra=e'],
      queryStringParameters: { a: '1,x y', b: '2' },
      pathParameters: { collaborationId: 'c-1' },
      body: '{"publicKey":"k"}',
      isBase64Encoded: false,
    });
    expect(event.headers).toEqual({
      host: 'abc123.execute-api.us-east-1.amazonaws.com',
      'user-agent': 'curl/8.5',
      'content-type': 'application/json',
      'x-multi': 'one,two',
      'x-forwarded-for': '192.0.2.1',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'http',
      'x-amzn-trace-id': expect.stringMatching(/^Root=1-5e6a879e-[0-9a-f]{24}$/),
    });
  });

  it('appends the caller to x-forwarded-for and keeps an incoming trace id', () => {
    const event = build({
      rawHeaders: [
        'X-Forwarded-For',
        '198.51.100.7',
        'X-Amzn-Trace-Id',
        'Root=1-00000000-000000000000000000000000',
      ],
    });
    expect(event.headers['x-forwarded-for']).toBe('198.51.100.7, 192.0.2.1');
    expect(event.headers['x-amzn-trace-id']).toBe('Root=1-00000000-000000000000000000000000');
  });

  it('fills requestContext like the documented example', () => {
    const { requestContext } = build();
    expect(requestContext).toEqual({
      accountId: '123456789012',
      apiId: 'abc123',
      authorizer: { jwt },
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: {
        method: 'POST',
        path: '/v1/collaborations/c-1/participants',
        protocol: 'HTTP/1.1',
        sourceIp: '192.0.2.1',
        userAgent: 'curl/8.5',
      },
      requestId: 'JKJaXmPLvHcESHA=',
      routeKey: 'POST /v1/collaborations/{collaborationId}/participants',
      stage: '$default',
      time: '12/Mar/2020:19:03:58 +0000',
      timeEpoch: 1584039838390,
    });
  });

  it('leaves out optional fields that have nothing in them, and the authorizer on routes without auth', () => {
    const event = build(
      { url: '/v1/collaborations/c-1/participants', rawHeaders: ['Host', 'h'], body: Buffer.alloc(0) },
      false,
    );
    expect(event.rawQueryString).toBe('');
    for (const field of ['cookies', 'queryStringParameters', 'body']) expect(event).not.toHaveProperty(field);
    expect(event.requestContext).not.toHaveProperty('authorizer');
    expect(event.isBase64Encoded).toBe(false);
  });

  it('base64-encodes non-text bodies and keeps text ones as they are', () => {
    const bytes = Buffer.from([0, 255, 1, 128]);
    const binary = build({ rawHeaders: ['Content-Type', 'application/octet-stream'], body: bytes });
    expect(binary.isBase64Encoded).toBe(true);
    expect(Buffer.from(binary.body as string, 'base64')).toEqual(bytes);
    for (const type of [
      'text/plain; charset=utf-8',
      'application/problem+json',
      'application/x-www-form-urlencoded',
    ]) {
      const text = build({ rawHeaders: ['Content-Type', type], body: Buffer.from('a=b') });
      expect([text.isBase64Encoded, text.body]).toEqual([false, 'a=b']);
    }
  });

  it('decodes path parameters', () => {
    const event = build({ url: '/v1/collaborations/a%2Fb%20c/participants' });
    expect(event.pathParameters).toEqual({ collaborationId: 'a/b c' });
    expect(event.rawPath).toBe('/v1/collaborations/a%2Fb%20c/participants');
  });

  it('formats requestContext.time with two-digit days in UTC', () => {
    expect(formatRequestTime(new Date(Date.UTC(2026, 0, 5, 3, 4, 5)))).toBe('05/Jan/2026:03:04:05 +0000');
  });
});
