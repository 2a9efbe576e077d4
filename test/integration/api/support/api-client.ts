import { expect } from 'vitest';
import { OpenApiValidator } from '../../../support/openapi-validator.ts';
import type { LocalSystem } from '../../../../local/runtime/ephemeral-system.ts';

// Answers are arbitrary JSON checked against the spec; tests then read fields freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ApiAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  bodyText: string;
}

const validator = new OpenApiValidator();

/**
 * Calls the local API over HTTP like a client would, as `clientId` (tokens from the local issuer, cached),
 * and checks every answer against openapi.yml.
 */
export function apiClient(system: LocalSystem) {
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (clientId: string) => {
    let token = tokens.get(clientId);
    if (!token) {
      token = system.tokenFor(clientId);
      tokens.set(clientId, token);
    }
    return token;
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return async function call<T = any>(
    clientId: string | undefined,
    method: string,
    path: string,
    options: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (clientId) headers.authorization = `Bearer ${await tokenFor(clientId)}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${system.apiUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const bodyText = await response.text();
    const answer: ApiAnswer<T> = {
      status: response.status,
      headers: response.headers,
      bodyText,
      body:
        bodyText && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(bodyText) : bodyText,
    };
    const violations = validator.violations({
      method,
      path: path.split('?')[0] as string,
      status: answer.status,
      headers: response.headers,
      bodyText,
    });
    expect(violations, `${method} ${path} answered ${answer.status} ${bodyText}`).toEqual([]);
    return answer;
  };
}

export const PROBLEM = (kind: string) => `https://mpc.example/problems/${kind}`;

/** Expects a problem+json answer of this kind and status, carrying the request id of its header. */
export function expectProblem(answer: ApiAnswer, status: number, kind: string): void {
  expect(answer.status, answer.bodyText).toBe(status);
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  expect(answer.body.type).toBe(PROBLEM(kind));
  expect(answer.body.requestId).toBe(answer.headers.get('x-request-id'));
}
