import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { documents } from '../../../lambdas/composition-root.ts';
import { whereEndpointHas } from '../../support/endpoint-capabilities.ts';
import { startLocalSystem, type LocalSystem } from '../../../local/runtime/ephemeral-system.ts';
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

/** Every race here needs DynamoDB to isolate concurrent transactions: this `it` runs them only where it does. */
const { it } = whereEndpointHas('dynamodb-transaction-isolation');

describe('concurrency', () => {
  it('200 concurrent joins to a collaboration of at most 50: all join (a join takes no slot), counted once each', async () => {
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
    expect(answers.map((answer) => answer.status)).toEqual(Array(200).fill(201));

    const items = await collaborationItems(id);
    const meta = items.find((item) => item.sk === 'META');
    expect(meta?.participantCount).toBe(200);
    const participants = items.filter((item) => String(item.sk).startsWith('PARTICIPANT#'));
    expect(participants).toHaveLength(200);
  });

  it('40 concurrent completes of 40 uploaded inputs, at most 10 counted: exactly 10 count, 30 get a clear 409', async () => {
    const created = await call('owner', 'POST', '/v1/collaborations', {
      body: collaborationRequest({ minParticipants: 2, maxParticipants: 10 }),
    });
    const id = created.body.collaborationId as string;
    const clients = Array.from({ length: 40 }, (_, i) => `completer-${i}`);
    const shares = { A: Buffer.from('share A'), B: Buffer.from('share B!') };
    // Everyone joins, asks for an input and uploads it first, so that the completes start together.
    const inputIds = await Promise.all(
      clients.map(async (client) => {
        await call(client, 'POST', `/v1/collaborations/${id}/participants`, {
          body: { resultPublicKey: resultPublicKey() },
        });
        const issued = await call(client, 'POST', `/v1/collaborations/${id}/inputs`, {
          body: {
            shares: {
              A: { sizeBytes: shares.A.length, sha256: sha256(shares.A) },
              B: { sizeBytes: shares.B.length, sha256: sha256(shares.B) },
            },
          },
        });
        for (const party of ['A', 'B'] as const) {
          const upload = issued.body.uploads[party];
          await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: shares[party] });
        }
        return issued.body.inputId as string;
      }),
    );
    const answers = await Promise.all(
      clients.map((client, index) =>
        call(client, 'POST', `/v1/collaborations/${id}/inputs/${inputIds[index]}/complete`),
      ),
    );
    const counted = answers.filter((answer) => answer.status === 200);
    const refused = answers.filter((answer) => answer.status !== 200);
    expect(counted).toHaveLength(10);
    for (const answer of refused) expectProblem(answer, 409, 'collaboration-full');

    const items = await collaborationItems(id);
    expect(items.find((item) => item.sk === 'META')?.completedInputCount).toBe(10);
    const complete = items.filter(
      (item) => String(item.sk).startsWith('INPUT#') && item.status === 'COMPLETE',
    );
    expect(complete.map((item) => item.inputId).sort()).toEqual(
      counted.map((answer) => answer.body.inputId).sort(),
    );
    const completeParticipants = items.filter(
      (item) => String(item.sk).startsWith('PARTICIPANT#') && item.inputStatus === 'COMPLETE',
    );
    expect(completeParticipants).toHaveLength(10);
    // Every slot is taken: a late joiner may still join, but gets no input.
    await call('late', 'POST', `/v1/collaborations/${id}/participants`, {
      body: { resultPublicKey: resultPublicKey() },
    });
    const late = await call('late', 'POST', `/v1/collaborations/${id}/inputs`, {
      body: {
        shares: {
          A: { sizeBytes: 7, sha256: sha256(shares.A) },
          B: { sizeBytes: 8, sha256: sha256(shares.B) },
        },
      },
    });
    expectProblem(late, 409, 'collaboration-full');
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
