import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents } from '../../../lambdas/composition-root.ts';
import { startLocalSystem, type LocalSystem } from '../../support/local-system.ts';
import { apiClient, expectProblem } from './support/api-client.ts';
import { collaborationRequest, resultPublicKey, sha256 } from './support/fixtures.ts';

let system: LocalSystem;
let call: ReturnType<typeof apiClient>;

beforeAll(async () => {
  // The handlers also check their own answers against the spec (besides the checks of every test call).
  process.env.MPC_VALIDATE_RESPONSES = 'true';
  system = await startLocalSystem();
  call = apiClient(system);
});
afterAll(async () => system?.stop());

/** Items of one collaboration straight from the table, to check counts against what was stored. */
async function collaborationItems(collaborationId: string) {
  const answer = await system.container.get(documents).send(
    new QueryCommand({
      TableName: system.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `COLLAB#${collaborationId}` },
      ConsistentRead: true,
    }),
  );
  return answer.Items ?? [];
}

describe('concurrency', () => {
  it('200 concurrent joins to a collaboration of at most 50: exactly 50 join, 150 get a clear 409', async () => {
    const created = await call('owner', 'POST', '/v1/collaborations', {
      body: collaborationRequest({ maxParticipants: 50 }),
    });
    const id = created.body.collaborationId as string;
    const clients = Array.from({ length: 200 }, (_, i) => `joiner-${i}`);
    // Tokens first, so that the joins themselves start together.
    await Promise.all(clients.map((client) => call(client, 'GET', '/v1/health')));
    const answers = await Promise.all(
      clients.map((client) =>
        call(client, 'POST', `/v1/collaborations/${id}/participants`, {
          body: { resultPublicKey: resultPublicKey() },
        }),
      ),
    );
    const joined = answers.filter((answer) => answer.status === 201);
    const refused = answers.filter((answer) => answer.status !== 201);
    expect(joined).toHaveLength(50);
    expect(refused).toHaveLength(150);
    for (const answer of refused) expectProblem(answer, 409, 'collaboration-full');

    const items = await collaborationItems(id);
    const meta = items.find((item) => item.sk === 'META');
    expect(meta?.participantCount).toBe(50);
    const participants = items.filter((item) => String(item.sk).startsWith('PARTICIPANT#'));
    expect(participants.map((item) => item.clientId).sort()).toEqual(
      joined.map((answer) => answer.body.clientId).sort(),
    );
  });

  it('50 concurrent completes of the same input count it once', async () => {
    const created = await call('owner', 'POST', '/v1/collaborations', { body: collaborationRequest() });
    const id = created.body.collaborationId as string;
    await call('uploader', 'POST', `/v1/collaborations/${id}/participants`, {
      body: { resultPublicKey: resultPublicKey() },
    });
    const shares = { A: Buffer.from('share A'), B: Buffer.from('share B!') };
    const issued = await call('uploader', 'POST', `/v1/collaborations/${id}/inputs`, {
      body: {
        shares: {
          A: { sizeBytes: shares.A.length, sha256: sha256(shares.A) },
          B: { sizeBytes: shares.B.length, sha256: sha256(shares.B) },
        },
      },
    });
    for (const party of ['A', 'B'] as const) {
      const upload = issued.body.uploads[party];
      expect(
        (await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: shares[party] })).status,
      ).toBe(200);
    }
    const inputId = issued.body.inputId as string;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        call('uploader', 'POST', `/v1/collaborations/${id}/inputs/${inputId}/complete`),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(200));
    expect(new Set(answers.map((answer) => answer.body.completedAt)).size).toBe(1);

    const items = await collaborationItems(id);
    expect(items.find((item) => item.sk === 'META')?.completedInputCount).toBe(1);
    expect(items.find((item) => item.sk === `INPUT#${inputId}`)?.status).toBe('COMPLETE');
  });
});
