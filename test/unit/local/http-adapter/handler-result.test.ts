import { describe, expect, it } from 'vitest';
import {
  MalformedHandlerResultError,
  toHttpResponse,
} from '../../../../local/http-adapter/handler-result.ts';

describe('handler result to HTTP (payload 2.0)', () => {
  it('takes a structured result as it is, lowercasing header names', () => {
    const response = toHttpResponse({
      statusCode: 201,
      headers: { 'Content-Type': 'application/problem+json', 'X-Count': 3 },
      cookies: ['a=1; HttpOnly'],
      body: '{"x":1}',
    });
    expect(response).toEqual({
      statusCode: 201,
      headers: { 'content-type': 'application/problem+json', 'x-count': '3' },
      cookies: ['a=1; HttpOnly'],
      body: Buffer.from('{"x":1}'),
    });
  });

  it('decodes base64 bodies and ignores multiValueHeaders, which 2.0 does not have', () => {
    const response = toHttpResponse({
      statusCode: 200,
      body: Buffer.from([1, 2, 3]).toString('base64'),
      isBase64Encoded: true,
      multiValueHeaders: { 'x-a': ['1', '2'] },
    });
    expect(response.body).toEqual(Buffer.from([1, 2, 3]));
    expect(response.headers).toEqual({});
  });

  it('turns a result without statusCode into a 200 JSON body', () => {
    expect(toHttpResponse({ ok: true })).toMatchObject({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{"ok":true}'),
    });
    expect(toHttpResponse('hello').body.toString()).toBe('"hello"');
  });

  it.each([
    { statusCode: '200' },
    { statusCode: 42 },
    { statusCode: 200, body: { not: 'a string' } },
    { statusCode: 200, headers: { a: ['x'] } },
    { statusCode: 200, cookies: 'a=1' },
  ])('refuses the malformed result %j', (result) => {
    expect(() => toHttpResponse(result)).toThrow(MalformedHandlerResultError);
  });
});
