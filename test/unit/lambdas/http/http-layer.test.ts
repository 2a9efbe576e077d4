import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../lambdas/domain/errors.ts';
import { httpOperation } from '../../../../lambdas/http/http-operation.ts';
import { fingerprint } from '../../../../lambdas/http/idempotency.ts';
import { joinCollaboration } from '../../../../contract/generated/operation-contracts.generated.ts';
import type {
  IdempotencyClaim,
  IdempotencyStore,
  StoredResponse,
} from '../../../../lambdas/ports/idempotency-store.ts';

/** The store's contract in memory: claims, replays, key reuse and release. */
function memoryStore() {
  const entries = new Map<string, { fingerprint: string; response?: StoredResponse }>();
  const store: IdempotencyStore = {
    async claim(scope, key, fingerprint): Promise<IdempotencyClaim> {
      const entry = entries.get(`${scope}/${key}`);
      if (!entry) {
        entries.set(`${scope}/${key}`, { fingerprint });
        return { kind: 'claimed' };
      }
      if (entry.fingerprint !== fingerprint) return { kind: 'key-reused' };
      return entry.response ? { kind: 'replay', response: entry.response } : { kind: 'in-progress' };
    },
    async complete(scope, key, response) {
      (entries.get(`${scope}/${key}`) as { response?: StoredResponse }).response = response;
    },
    async release(scope, key) {
      entries.delete(`${scope}/${key}`);
    },
  };
  return { store, entries };
}

function event(options: { body?: unknown; headers?: Record<string, string>; clientId?: string } = {}) {
  return {
    rawPath: '/v1/collaborations/00000000-0000-4000-8000-000000000001/participants',
    headers: { 'content-type': 'application/json', ...options.headers },
    pathParameters: { collaborationId: '00000000-0000-4000-8000-000000000001' },
    body: JSON.stringify(options.body ?? { resultPublicKey: Buffer.alloc(32).toString('base64url') }),
    isBase64Encoded: false,
    requestContext: {
      requestId: `req-${Math.random()}`,
      authorizer: { jwt: { claims: { client_id: options.clientId ?? 'client-1' }, scopes: [] } },
    },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

const context = {} as Context;

describe('HTTP layer', () => {
  it('answers unexpected errors as internal-error without their details, with the request id', async () => {
    const handler = httpOperation(joinCollaboration, async () => {
      throw new Error('table credentials leaked here');
    });
    const request = event();
    const response = await handler(request, context);
    expect(response.statusCode).toBe(500);
    expect(response.headers?.['x-request-id']).toBe(request.requestContext.requestId);
    const body = JSON.parse(String(response.body));
    expect(body.type).toBe('https://mpc.example/problems/internal-error');
    expect(body.requestId).toBe(request.requestContext.requestId);
    expect(String(response.body)).not.toContain('leaked');
  });

  it('with MPC_VALIDATE_RESPONSES=true, an answer off the spec becomes an internal error', async () => {
    const handler = httpOperation(joinCollaboration, async () => ({
      statusCode: 201,
      body: { joined: 'yes' },
    }));
    process.env.MPC_VALIDATE_RESPONSES = 'true';
    try {
      const response = await handler(event(), context);
      expect(response.statusCode).toBe(500);
      expect(JSON.parse(String(response.body)).detail).toMatch(/did not conform to the API contract/);
    } finally {
      delete process.env.MPC_VALIDATE_RESPONSES;
    }
    expect((await handler(event(), context)).statusCode).toBe(201);
  });

  it('refuses a token without client_id as unauthorized before running anything', async () => {
    let ran = false;
    const handler = httpOperation(joinCollaboration, async () => {
      ran = true;
      return { statusCode: 201, body: {} };
    });
    const response = await handler(event({ clientId: 'has spaces' }), context);
    expect(response.statusCode).toBe(401);
    expect(ran).toBe(false);
  });

  it('stores only successful answers under an Idempotency-Key and releases failed claims', async () => {
    const { store, entries } = memoryStore();
    let calls = 0;
    let fail = true;
    const handler = httpOperation(
      joinCollaboration,
      async () => {
        calls++;
        if (fail) throw new DomainError('collaboration-full', 'full');
        return { statusCode: 201, body: { call: calls } };
      },
      { idempotencyStore: () => store },
    );
    const headers = { 'idempotency-key': 'k-1' };
    expect((await handler(event({ headers }), context)).statusCode).toBe(409);
    expect(entries.size).toBe(0);
    fail = false;
    const first = await handler(event({ headers }), context);
    const replay = await handler(event({ headers }), context);
    expect(first.statusCode).toBe(201);
    expect(replay.body).toBe(first.body);
    expect(replay.headers?.['idempotent-replayed']).toBe('true');
    expect(calls).toBe(2);
    const reused = await handler(
      event({ headers, body: { resultPublicKey: Buffer.alloc(32, 1).toString('base64url') } }),
      context,
    );
    expect(JSON.parse(String(reused.body)).type).toBe('https://mpc.example/problems/idempotency-key-reused');
    // Another caller's identical key is its own.
    expect((await handler(event({ headers, clientId: 'client-2' }), context)).statusCode).toBe(201);
    expect(calls).toBe(3);
  });

  it('does not release a claim it does not hold (a concurrent request still in progress)', async () => {
    const { store, entries } = memoryStore();
    const request = event({ headers: { 'idempotency-key': 'k-2' } });
    const body: unknown = JSON.parse(request.body as string);
    await store.claim('client-1', 'k-2', fingerprint('joinCollaboration', request.rawPath, body), new Date());
    const handler = httpOperation(joinCollaboration, async () => ({ statusCode: 201, body: {} }), {
      idempotencyStore: () => store,
    });
    const response = await handler(request, context);
    expect(JSON.parse(String(response.body)).type).toBe(
      'https://mpc.example/problems/idempotency-request-in-progress',
    );
    expect(entries.has('client-1/k-2')).toBe(true);
  });
});
