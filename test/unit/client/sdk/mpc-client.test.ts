import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../client/http/api-error.ts';
import { MpcClient } from '../../../../client/sdk/mpc-client.ts';
import { startFakeCoordinator } from '../support/fake-coordinator.ts';
import type { LoopbackServer } from '../support/loopback-server.ts';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const collaborationId = '0b9c6a52-3f0e-4d7a-9d4e-0c1f2a3b4c5d';

describe('MpcClient', () => {
  it('sends one Idempotency-Key per creating call and keeps it across retries', async () => {
    const { client, apiRequests } = await startFakeCoordinator(servers, (_request, count) =>
      count === 1 ? [503, { type: 'x', title: 'Unavailable', status: 503 }] : [201, { collaborationId }],
    );
    await client.joinCollaboration(collaborationId, { resultPublicKey: 'k' });
    await client.joinCollaboration(collaborationId, { resultPublicKey: 'k' }, { idempotencyKey: 'mine' });

    const keys = apiRequests.map((request) => request.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys).toEqual([keys[0], keys[0], 'mine']);
    expect(apiRequests[0]?.url).toBe(`/v1/collaborations/${collaborationId}/participants`);
    expect(apiRequests[0]?.headers.authorization).toBe('Bearer tok');
    expect(JSON.parse(apiRequests[0]?.body ?? '')).toEqual({ resultPublicKey: 'k' });
  });

  it('throws ApiError with the problem details', async () => {
    const { client } = await startFakeCoordinator(servers, () => [
      404,
      {
        type: 'https://mpc.example/problems/not-found',
        title: 'Not found',
        status: 404,
        detail: 'no such collaboration',
        requestId: 'req-1',
      },
    ]);
    const error = await client.getCollaboration(collaborationId).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 404,
      type: 'https://mpc.example/problems/not-found',
      detail: 'no such collaboration',
      requestId: 'req-1',
    });
  });

  it('tells a pending result from a ready one, and reads Retry-After', async () => {
    const { client } = await startFakeCoordinator(servers, (request) =>
      request.url.endsWith('/result')
        ? [202, { collaborationId, status: 'COMPUTING', retryAfterSeconds: 3 }, { 'retry-after': '3' }]
        : [200, { collaborationId, status: 'COMPUTING' }, { 'retry-after': '4' }],
    );
    expect(await client.getResult(collaborationId)).toEqual({
      ready: false,
      collaborationId,
      status: 'COMPUTING',
      retryAfterSeconds: 3,
    });
    expect((await client.getCollaborationWithHint(collaborationId)).retryAfterSeconds).toBe(4);
  });

  it('follows nextToken through every page', async () => {
    const { client, apiRequests } = await startFakeCoordinator(servers, (request) => {
      const token = new URL(request.url, 'http://x').searchParams.get('nextToken');
      return token === 'p2'
        ? [200, { items: [{ name: 'c' }] }]
        : [200, { items: [{ name: 'a' }, { name: 'b' }], nextToken: 'p2' }];
    });
    const names: string[] = [];
    for await (const collaboration of client.collaborations({ status: 'OPEN', limit: 2 }))
      names.push(collaboration.name);
    expect(names).toEqual(['a', 'b', 'c']);
    expect(apiRequests.map((request) => request.url)).toEqual([
      '/v1/collaborations?status=OPEN&limit=2',
      '/v1/collaborations?status=OPEN&limit=2&nextToken=p2',
    ]);
  });

  it('reads its configuration from the environment', () => {
    expect(() => MpcClient.fromEnv({})).toThrow('MPC_API_URL is not set');
    const client = MpcClient.fromEnv({
      MPC_API_URL: 'http://127.0.0.1:1',
      MPC_TOKEN_URL: 'http://127.0.0.1:1/oauth2/token',
      MPC_CLIENT_ID: 'lab-9',
      MPC_CLIENT_SECRET: 's',
    });
    expect(client.clientId).toBe('lab-9');
  });
});
