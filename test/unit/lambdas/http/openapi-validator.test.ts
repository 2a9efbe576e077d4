import { describe, expect, it } from 'vitest';
import { OpenApiValidator } from '../../../support/openapi-validator.ts';

const validator = new OpenApiValidator();
const headers = (entries: Record<string, string>) => new Headers(entries);
const json = { 'content-type': 'application/json', 'x-request-id': 'r1' };

describe('the test suite’s OpenAPI response validator', () => {
  it('accepts a conforming response', () => {
    expect(
      validator.violations({
        method: 'GET',
        path: '/v1/health',
        status: 200,
        headers: headers(json),
        bodyText: '{"status":"ok"}',
      }),
    ).toEqual([]);
  });

  it('catches a missing x-request-id, an undeclared status, a wrong media type and a body off schema', () => {
    const health = { method: 'GET', path: '/v1/health', bodyText: '{"status":"ok"}' };
    expect(
      validator.violations({
        ...health,
        status: 200,
        headers: headers({ 'content-type': 'application/json' }),
      }),
    ).toEqual(['getHealth 200: header x-request-id missing']);
    expect(
      validator.violations({
        ...health,
        status: 200,
        headers: headers({ ...json, 'content-type': 'text/plain' }),
      })[0],
    ).toMatch(/content-type text\/plain/);
    expect(
      validator.violations({
        ...health,
        status: 200,
        headers: headers(json),
        bodyText: '{"status":"up"}',
      })[0],
    ).toMatch(/body/);
    const problem = { ...json, 'content-type': 'application/problem+json' };
    expect(
      validator.violations({
        method: 'DELETE',
        path: '/v1/collaborations/00000000-0000-4000-8000-000000000000',
        status: 404,
        headers: headers(problem),
        bodyText: JSON.stringify({ type: 'https://mpc.example/problems/not-found', title: 't', status: 404 }),
      })[0],
    ).toMatch(/requestId/);
    expect(
      validator.violations({
        method: 'PATCH',
        path: '/v1/health',
        status: 200,
        headers: headers(json),
        bodyText: '',
      }),
    ).toEqual(['no operation for PATCH /v1/health']);
  });
});
