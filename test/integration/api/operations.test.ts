import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents } from '../../../lambdas/composition-root.ts';
import { DynamoDbCollaborationRepository } from '../../../lambdas/adapters/dynamodb/dynamodb-collaboration-repository.ts';
import type { CollaborationStatus } from '../../../contract/collaboration-status.ts';
import { localS3Client } from '../../../local/emulators/local-clients.ts';
import { storageLayout } from '../../../contract/storage/storage-layout.ts';
import { startLocalSystem, type LocalSystem } from '../../../local/runtime/ephemeral-system.ts';
import { apiClient, expectProblem } from './support/api-client.ts';
import { collaborationRequest, resultPublicKey, sha256 } from './support/fixtures.ts';

let system: LocalSystem;
let call: ReturnType<typeof apiClient>;
let collaborations: DynamoDbCollaborationRepository;

beforeAll(async () => {
  // The handlers also check their own answers against the spec (besides the checks of every test call).
  process.env.MPC_VALIDATE_RESPONSES = 'true';
  system = await startLocalSystem();
  call = apiClient(system);
  collaborations = new DynamoDbCollaborationRepository(system.container.get(documents), system.tableName);
});
afterAll(async () => system?.stop());

async function create(owner: string, overrides: Record<string, unknown> = {}) {
  const answer = await call(owner, 'POST', '/v1/collaborations', { body: collaborationRequest(overrides) });
  expect(answer.status, answer.bodyText).toBe(201);
  return answer.body.collaborationId as string;
}

async function join(clientId: string, collaborationId: string) {
  const answer = await call(clientId, 'POST', `/v1/collaborations/${collaborationId}/participants`, {
    body: { resultPublicKey: resultPublicKey() },
  });
  expect(answer.status, answer.bodyText).toBe(201);
  return answer;
}

/** What the workflow does: move the collaboration along its status machine. */
async function moveTo(collaborationId: string, path: CollaborationStatus[]) {
  for (let i = 1; i < path.length; i++)
    expect(
      await collaborations.transition(collaborationId, path[i - 1]!, path[i]!, new Date()),
    ).toBeDefined();
}

const unknownId = '00000000-0000-4000-8000-000000000000';

describe('service operations', () => {
  it('getHealth answers without a token', async () => {
    const answer = await call(undefined, 'GET', '/v1/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: 'ok' });
  });

  it('listComputationServers gives both servers’ HPKE key configs', async () => {
    const answer = await call('alice', 'GET', '/v1/computation-servers');
    expect(answer.status).toBe(200);
    expect(answer.body.servers.map((server: { id: string }) => server.id)).toEqual(['A', 'B']);
    expect(answer.body.servers).toEqual(JSON.parse(system.env.MPC_SERVER_KEYS!));
  });
});

describe('collaborations', () => {
  it('createCollaboration makes the caller owner and validates the whole declaration', async () => {
    const answer = await call('alice', 'POST', '/v1/collaborations', { body: collaborationRequest() });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('location')).toBe(`/v1/collaborations/${answer.body.collaborationId}`);
    expect(answer.body).toMatchObject({ ownerId: 'alice', status: 'OPEN', participantCount: 0 });

    const shape = await call('alice', 'POST', '/v1/collaborations', { body: { name: 'x', analyses: [] } });
    expectProblem(shape, 400, 'validation-error');
    expect(shape.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['/analyses', '/inputSchema', '/minParticipants']),
    );
    const rules = await call('alice', 'POST', '/v1/collaborations', {
      body: collaborationRequest({
        minParticipants: 4,
        maxParticipants: 3,
        analyses: [{ kind: 'countAbove', field: 'days' }],
        inputDeadline: '2020-01-01T00:00:00Z',
      }),
    });
    expectProblem(rules, 400, 'validation-error');
    expect(rules.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      '/analyses/0/threshold',
      '/inputDeadline',
      '/minParticipants',
    ]);
    expectProblem(
      await call('alice', 'POST', '/v1/collaborations', {
        rawBody: '{"name":',
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'malformed-json',
    );
    expectProblem(
      await call('alice', 'POST', '/v1/collaborations', {
        rawBody: 'name=x',
        headers: { 'content-type': 'text/plain' },
      }),
      415,
      'unsupported-media-type',
    );
  });

  it('createCollaboration honours Idempotency-Key: same body same answer, other body 409', async () => {
    const headers = { 'idempotency-key': 'create-once-1' };
    const body = collaborationRequest({ name: 'Idempotent' });
    const first = await call('carol', 'POST', '/v1/collaborations', { body, headers });
    const again = await call('carol', 'POST', '/v1/collaborations', { body: { ...body }, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expectProblem(
      await call('carol', 'POST', '/v1/collaborations', { body: { ...body, name: 'Other' }, headers }),
      409,
      'idempotency-key-reused',
    );
    // Keys are per caller: another client's same key is a new request.
    expect((await call('dave', 'POST', '/v1/collaborations', { body, headers })).body.ownerId).toBe('dave');
    const owned = await call('carol', 'GET', '/v1/collaborations?role=owner');
    expect(owned.body.items.filter((c: { name: string }) => c.name === 'Idempotent')).toHaveLength(1);
  });

  it('listCollaborations discovers by status and analysis, lists own by role, and paginates', async () => {
    const ids = [
      await create('erin'),
      await create('erin'),
      await create('erin', { analyses: [{ kind: 'variance' }] }),
    ];
    await call('frank', 'DELETE', `/v1/collaborations/${ids[0]}`); // refused: not the owner
    await join('frank', ids[1]!);

    const owned = await call('erin', 'GET', '/v1/collaborations?role=owner&limit=100');
    expect(owned.body.items.map((c: { collaborationId: string }) => c.collaborationId).sort()).toEqual(
      [...ids].sort(),
    );
    const joined = await call('frank', 'GET', '/v1/collaborations?role=participant');
    expect(joined.body.items.map((c: { collaborationId: string }) => c.collaborationId)).toEqual([ids[1]]);
    const variance = await call('erin', 'GET', '/v1/collaborations?analysis=variance&limit=100');
    expect(variance.body.items.map((c: { collaborationId: string }) => c.collaborationId)).toContain(ids[2]);
    expect(
      variance.body.items.every((c: { analyses: { kind: string }[] }) =>
        c.analyses.some((a) => a.kind === 'variance'),
      ),
    ).toBe(true);

    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await call(
        'erin',
        'GET',
        `/v1/collaborations?role=owner&limit=1${nextToken ? `&nextToken=${nextToken}` : ''}`,
      );
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.body.items.map((c: { collaborationId: string }) => c.collaborationId));
      nextToken = page.body.nextToken;
    } while (nextToken);
    expect(seen.sort()).toEqual([...ids].sort());

    const forged = Buffer.from(
      JSON.stringify({ pk: 'x', sk: 'y', gsi2pk: 'OWNER#erin', gsi2sk: 'z' }),
    ).toString('base64url');
    expectProblem(
      await call('frank', 'GET', `/v1/collaborations?role=owner&nextToken=${forged}`),
      400,
      'validation-error',
    );
    expectProblem(
      await call('frank', 'GET', '/v1/collaborations?nextToken=garbage'),
      400,
      'validation-error',
    );
    expectProblem(await call('frank', 'GET', '/v1/collaborations?status=NOPE'), 400, 'validation-error');
    expectProblem(await call('frank', 'GET', '/v1/collaborations?limit=0'), 400, 'validation-error');
    expectProblem(await call('frank', 'GET', '/v1/collaborations?sort=name'), 400, 'validation-error');
  });

  it('getCollaboration is public to callers; unknown ids are 404 and malformed ids 400', async () => {
    const id = await create('gina');
    const answer = await call('stranger', 'GET', `/v1/collaborations/${id}`);
    expect(answer.status).toBe(200);
    expect(answer.body.collaborationId).toBe(id);
    expect(answer.headers.get('retry-after')).toBeNull();
    expectProblem(await call('stranger', 'GET', `/v1/collaborations/${unknownId}`), 404, 'not-found');
    expectProblem(await call('stranger', 'GET', '/v1/collaborations/not-a-uuid'), 400, 'validation-error');
    await moveTo(id, ['OPEN', 'COMPUTING']);
    expect((await call('gina', 'GET', `/v1/collaborations/${id}`)).headers.get('retry-after')).toBe('10');
  });

  it('cancelCollaboration: only the owner, only while OPEN; then no one joins', async () => {
    const id = await create('hank');
    expectProblem(await call('ivan', 'DELETE', `/v1/collaborations/${id}`), 403, 'forbidden');
    const cancelled = await call('hank', 'DELETE', `/v1/collaborations/${id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('CANCELLED');
    expect((await call('hank', 'DELETE', `/v1/collaborations/${id}`)).body.status).toBe('CANCELLED');
    expectProblem(
      await call('ivan', 'POST', `/v1/collaborations/${id}/participants`, {
        body: { resultPublicKey: resultPublicKey() },
      }),
      409,
      'invalid-state',
    );
    const computing = await create('hank');
    await moveTo(computing, ['OPEN', 'COMPUTING']);
    expectProblem(await call('hank', 'DELETE', `/v1/collaborations/${computing}`), 409, 'invalid-state');
    expectProblem(await call('hank', 'DELETE', `/v1/collaborations/${unknownId}`), 404, 'not-found');
  });
});

describe('participation', () => {
  it('joinCollaboration registers once, carries the server keys; participation is private', async () => {
    const id = await create('judy', { maxParticipants: 2 });
    const joined = await join('kim', id);
    expect(joined.headers.get('location')).toBe(`/v1/collaborations/${id}/participants/me`);
    expect(joined.body).toMatchObject({ clientId: 'kim', status: 'READY_FOR_INPUT' });
    expect(joined.body.computationServers).toEqual(JSON.parse(system.env.MPC_SERVER_KEYS!));
    const body = { resultPublicKey: resultPublicKey() };
    expectProblem(
      await call('kim', 'POST', `/v1/collaborations/${id}/participants`, { body }),
      409,
      'already-joined',
    );
    await join('lee', id);
    // A join takes no slot (completed inputs do): past maxParticipants, clients still join.
    await join('max', id);
    const inviteOnly = await create('judy', { participants: ['kim'] });
    expectProblem(
      await call('max', 'POST', `/v1/collaborations/${inviteOnly}/participants`, { body }),
      403,
      'forbidden',
    );
    expect((await call('judy', 'GET', `/v1/collaborations/${inviteOnly}`)).body).toMatchObject({
      inviteOnly: true,
      participants: ['kim'],
    });
    expect((await call('kim', 'GET', `/v1/collaborations/${inviteOnly}`)).body).not.toHaveProperty(
      'participants',
    );
    await join('kim', inviteOnly);
    expectProblem(
      await call('max', 'POST', `/v1/collaborations/${unknownId}/participants`, { body }),
      404,
      'not-found',
    );
    expectProblem(
      await call('max', 'POST', `/v1/collaborations/${id}/participants`, {
        body: { resultPublicKey: 'short' },
      }),
      400,
      'validation-error',
    );
    expectProblem(
      await call('max', 'POST', `/v1/collaborations/${id}/participants`, {
        body: { ...body, webhookUrl: 'http://hooks.example/x' },
      }),
      400,
      'validation-error',
    );

    const mine = await call('kim', 'GET', `/v1/collaborations/${id}/participants/me`);
    expect(mine.status).toBe(200);
    expect(mine.body.resultPublicKey).toBe(joined.body.resultPublicKey);
    expect(joined.body.webhookSecret).toBeUndefined();
    expectProblem(await call('judy', 'GET', `/v1/collaborations/${id}/participants/me`), 404, 'not-found');
    expect((await call('judy', 'GET', `/v1/collaborations/${id}`)).body.participantCount).toBe(3);
  });

  it('joinCollaboration with a webhook URL returns its signing secret once', async () => {
    const id = await create('judy');
    const body = { resultPublicKey: resultPublicKey(), webhookUrl: 'https://hooks.example/mpc' };
    const joined = await call('wes', 'POST', `/v1/collaborations/${id}/participants`, { body });
    expect(joined.body.webhookUrl).toBe(body.webhookUrl);
    expect(joined.body.webhookSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const readBack = await call('wes', 'GET', `/v1/collaborations/${id}/participants/me`);
    expect(readBack.body.webhookUrl).toBe(body.webhookUrl);
    expect(readBack.body).not.toHaveProperty('webhookSecret');
  });

  it('joinCollaboration after the input deadline is refused', async () => {
    // Far enough ahead to be valid at creation on a busy machine; then wait until it has passed.
    const deadline = Date.now() + 3000;
    const id = await create('nick', { inputDeadline: new Date(deadline).toISOString() });
    await new Promise((resolve) => setTimeout(resolve, deadline - Date.now() + 100));
    expectProblem(
      await call('olga', 'POST', `/v1/collaborations/${id}/participants`, {
        body: { resultPublicKey: resultPublicKey() },
      }),
      409,
      'deadline-passed',
    );
  });

  it('joinCollaboration with an Idempotency-Key answers a retry with the stored participation', async () => {
    const id = await create('nick');
    const request = {
      body: { resultPublicKey: resultPublicKey() },
      headers: { 'idempotency-key': 'join-1' },
    };
    const first = await call('pat', 'POST', `/v1/collaborations/${id}/participants`, request);
    const retry = await call('pat', 'POST', `/v1/collaborations/${id}/participants`, request);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
  });
});

describe('inputs and results', () => {
  const shareA = Buffer.from('sealed share for server A');
  const shareB = Buffer.from('sealed share for server B, a little longer');
  const declaration = {
    shares: {
      A: { sizeBytes: shareA.length, sha256: sha256(shareA) },
      B: { sizeBytes: shareB.length, sha256: sha256(shareB) },
    },
  };

  async function upload(
    instruction: { method: string; url: string; headers: Record<string, string> },
    bytes: Buffer,
  ) {
    const response = await fetch(instruction.url, {
      method: instruction.method,
      headers: instruction.headers,
      body: bytes,
    });
    expect(response.status).toBe(200);
  }

  it('createInput issues presigned PUTs; completeInput verifies both shares and counts the input once', async () => {
    const id = await create('quinn');
    await join('rita', id);
    expectProblem(
      await call('sam', 'POST', `/v1/collaborations/${id}/inputs`, { body: declaration }),
      404,
      'not-found',
    );
    expectProblem(
      await call('rita', 'POST', `/v1/collaborations/${id}/inputs`, {
        body: {
          shares: { ...declaration.shares, A: { sizeBytes: 64 * 1024 * 1024 + 1, sha256: sha256(shareA) } },
        },
      }),
      400,
      'validation-error',
    );
    const issued = await call('rita', 'POST', `/v1/collaborations/${id}/inputs`, { body: declaration });
    expect(issued.status).toBe(201);
    const { inputId, uploads } = issued.body;
    expect(new URL(uploads.A.url).pathname).toBe(
      `/${system.serverInputBuckets.A}/${storageLayout.inputShare('A', id, inputId)}`,
    );
    expect(uploads.B.headers['x-amz-checksum-sha256']).toBe(sha256(shareB));
    const complete = (clientId: string) =>
      call(clientId, 'POST', `/v1/collaborations/${id}/inputs/${inputId}/complete`);

    expectProblem(await complete('rita'), 422, 'upload-incomplete');
    await upload(uploads.A, shareA);
    // A share of the right size but other content: the checksum catches it (s3rver does not enforce it).
    await upload(
      { ...uploads.B, headers: { 'content-length': String(shareB.length) } },
      Buffer.alloc(shareB.length, 1),
    );
    expectProblem(await complete('rita'), 422, 'upload-mismatch');
    await upload(uploads.B, shareB);
    expectProblem(await complete('sam'), 404, 'not-found');
    expectProblem(
      await call('rita', 'POST', `/v1/collaborations/${id}/inputs/${unknownId}/complete`),
      404,
      'not-found',
    );

    const completed = await complete('rita');
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ inputId, status: 'COMPLETE' });
    expect((await complete('rita')).body).toEqual(completed.body);
    expect((await call('rita', 'GET', `/v1/collaborations/${id}`)).body.completedInputCount).toBe(1);
    const participation = await call('rita', 'GET', `/v1/collaborations/${id}/participants/me`);
    expect(participation.body).toMatchObject({
      status: 'INPUT_COMPLETE',
      input: { inputId, status: 'COMPLETE' },
    });
    expectProblem(
      await call('rita', 'POST', `/v1/collaborations/${id}/inputs`, { body: declaration }),
      409,
      'input-already-completed',
    );
  });

  it('getResult: 202 with Retry-After until ready, then presigned GETs of the caller’s two shares; finish; gone when completed', async () => {
    const id = await create('tom', { resultRecipients: ['uma'] });
    await join('uma', id);
    await join('vic', id);
    const pending = await call('uma', 'GET', `/v1/collaborations/${id}/result`);
    expect(pending.status).toBe(202);
    expect(pending.headers.get('retry-after')).toBe('60');
    expect(pending.body).toEqual({ collaborationId: id, status: 'OPEN', retryAfterSeconds: 60 });
    expectProblem(await call('vic', 'GET', `/v1/collaborations/${id}/result`), 403, 'forbidden');
    expectProblem(await call('tom', 'GET', `/v1/collaborations/${id}/result`), 403, 'forbidden');
    expectProblem(await call('tom', 'GET', `/v1/collaborations/${unknownId}/result`), 404, 'not-found');
    expectProblem(
      await call('uma', 'POST', `/v1/collaborations/${id}/participants/me/finish`),
      409,
      'invalid-state',
    );

    await moveTo(id, ['OPEN', 'COMPUTING']);
    expect((await call('uma', 'GET', `/v1/collaborations/${id}/result`)).headers.get('retry-after')).toBe(
      '10',
    );
    const s3 = localS3Client(system.s3Endpoint);
    for (const party of ['A', 'B'] as const)
      await s3.send(
        new PutObjectCommand({
          Bucket: system.resultBucket,
          Key: storageLayout.resultShare(party, id, 'uma'),
          Body: `result ${party}`,
        }),
      );
    await moveTo(id, ['COMPUTING', 'RESULT_READY']);
    const ready = await call('uma', 'GET', `/v1/collaborations/${id}/result`);
    expect(ready.status).toBe(200);
    for (const party of ['A', 'B'] as const) {
      const share = await fetch(ready.body.shares[party].url, { headers: ready.body.shares[party].headers });
      expect(await share.text()).toBe(`result ${party}`);
    }

    const finished = await call('uma', 'POST', `/v1/collaborations/${id}/participants/me/finish`);
    expect(finished.status).toBe(200);
    expect(finished.body.status).toBe('FINISHED');
    expect((await call('uma', 'POST', `/v1/collaborations/${id}/participants/me/finish`)).body).toEqual(
      finished.body,
    );
    expectProblem(
      await call('tom', 'POST', `/v1/collaborations/${id}/participants/me/finish`),
      404,
      'not-found',
    );
    await moveTo(id, ['RESULT_READY', 'COMPLETED']);
    expectProblem(await call('uma', 'GET', `/v1/collaborations/${id}/result`), 410, 'result-gone');
  });
});
