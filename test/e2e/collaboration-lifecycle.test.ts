import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../local/emulators/free-port.ts';
import { storageLayout } from '../../contract/storage/storage-layout.ts';
import type { CreateCollaborationRequest } from '../../client/sdk/api-models.ts';
import { fetchResult } from '../../client/sdk/fetch-result.ts';
import { verifyWebhookRequest } from '../../client/webhooks/verify.ts';
import {
  AGE_INCOME_ANALYSES,
  AGE_INCOME_FIELDS,
  ageIncomeRows,
  expectCleartextAnswers,
} from '../support/age-income-fixture.ts';
import {
  createCollaboration,
  eventually,
  joinAs,
  keysUnder,
  startE2eSystem,
  upload,
  type E2eSystem,
  type Member,
} from '../../local/harness/whole-system.ts';
import { HeldWebhookEndpoint } from './support/held-webhook-endpoint.ts';

/**
 * The whole system on one machine: API and issuer over HTTP, DynamoDB Local, s3rver, the collaboration state
 * machine on aws-local-stepfunctions, dealer and servers as child processes, participants through the SDK.
 */
let e2e: E2eSystem;
beforeAll(async () => {
  e2e = await startE2eSystem();
}, 120_000);
afterAll(async () => {
  await e2e?.stop();
});

/** A collaboration of the age/income fixture for up to three participants that starts at two. */
function createAgeIncomeCollaboration(name: string): Promise<string> {
  return createCollaboration(e2e, {
    name,
    analyses: AGE_INCOME_ANALYSES,
    inputSchema: { fields: AGE_INCOME_FIELDS } as CreateCollaborationRequest['inputSchema'],
    minParticipants: 2,
    maxParticipants: 3,
    deadlineInSeconds: 3600,
    resultRecipients: 'all-participants',
  });
}

async function statusOf(collaborationId: string): Promise<string> {
  return (await e2e.client('owner').getCollaboration(collaborationId)).status;
}

describe('a collaboration end to end', () => {
  it('starts at quorum by itself, computes every analysis, notifies, and cleans up after all finish', async () => {
    const collaborationId = await createAgeIncomeCollaboration('e2e quorum');
    const members: Member[] = [];
    for (const clientId of ['clinic-a', 'clinic-b'])
      members.push(await joinAs(e2e, collaborationId, clientId));
    // The third participant's webhook endpoint is down: delivery is retried, then recorded as failed.
    const closedPort = await freePort();
    members.push(
      await joinAs(e2e, collaborationId, 'clinic-c', `http://127.0.0.1:${closedPort}/hooks/clinic-c`),
    );
    for (const member of members) expect(member.participation.webhookSecret).toMatch(/^whsec_/);

    const rows = [ageIncomeRows(1, 12), ageIncomeRows(2, 9), ageIncomeRows(3, 7)];
    await upload(members[0]!, collaborationId, rows[0]!);
    await upload(members[1]!, collaborationId, rows[1]!);
    expect(await statusOf(collaborationId)).toBe('OPEN');
    await upload(members[2]!, collaborationId, rows[2]!);
    const lastInputAt = Date.now();

    const hook = await e2e.hooks.next((h) => h.clientId === 'clinic-a' && h.body.includes('result_ready'));
    const event = verifyWebhookRequest<{ type: string; data: { collaborationId: string; status: string } }>(
      hook.headers as Record<string, string>,
      hook.body,
      members[0]!.participation.webhookSecret!,
    );
    expect(event).toMatchObject({
      type: 'collaboration.result_ready',
      data: { collaborationId, status: 'RESULT_READY' },
    });
    const hookB = await e2e.hooks.next((h) => h.clientId === 'clinic-b' && h.body.includes('result_ready'));
    verifyWebhookRequest(
      hookB.headers as Record<string, string>,
      hookB.body,
      members[1]!.participation.webhookSecret!,
    );
    expect(() =>
      verifyWebhookRequest(
        hookB.headers as Record<string, string>,
        hookB.body,
        members[0]!.participation.webhookSecret!,
      ),
    ).toThrow();
    console.info(`last input registered -> result-ready webhook: ${hook.receivedAt - lastInputAt} ms`);

    for (const member of members)
      expectCleartextAnswers(
        await fetchResult(member.client, e2e.keys, collaborationId, { pinnedServerKeys: e2e.pins }),
        rows.flat(),
      );

    const down = await eventually(
      () => members[2]!.client.getMyParticipation(collaborationId),
      (p) => p.webhookDelivery !== undefined,
      30_000,
    );
    expect(down.webhookDelivery).toMatchObject({
      delivered: false,
      attempts: 4,
      event: 'collaboration.result_ready',
    });
    expect(down.webhookDelivery?.lastError).toMatch(/ECONNREFUSED/);
    expect((await members[0]!.client.getMyParticipation(collaborationId)).webhookDelivery).toMatchObject({
      delivered: true,
      attempts: 1,
    });

    const { inputBucket, serverInputBuckets } = e2e.system;
    expect(
      await keysUnder(e2e, serverInputBuckets.B, storageLayout.inputSharePrefix('B', collaborationId)),
    ).toHaveLength(3);
    for (const member of members) await member.client.finishParticipation(collaborationId);
    await eventually(
      () => statusOf(collaborationId),
      (status) => status === 'COMPLETED',
      30_000,
    );
    for (const party of ['A', 'B'] as const) {
      const prefix = storageLayout.inputSharePrefix(party, collaborationId);
      expect(await keysUnder(e2e, inputBucket, prefix)).toEqual([]);
      // Input shares stay in each server's own bucket, which the coordinator may write but not delete from: its
      // lifecycle rule expires them (docs/deploy.md, "Three operators in three accounts").
      expect(await keysUnder(e2e, serverInputBuckets[party], prefix)).toHaveLength(3);
    }
    expect(await keysUnder(e2e, inputBucket, 'dealer/')).toEqual([]);
    expect(await keysUnder(e2e, inputBucket, 'jobs/')).toEqual([]);

    const { runner, events } = e2e.plugin.workflow();
    expect(events.of(collaborationId).map((change) => change.status)).toEqual([
      'OPEN',
      'COMPUTING',
      'RESULT_READY',
      'COMPLETED',
    ]);
    await runner.execution(collaborationId)!.result;
    console.info(`state transitions: ${runner.stateTransitions(collaborationId)}`);
  }, 240_000);
  it('cancel by the owner answers at once; the execution deletes the uploaded shares and tells the participants', async () => {
    const collaborationId = await createAgeIncomeCollaboration('e2e cancel');
    const member = await joinAs(e2e, collaborationId, 'clinic-z');
    await upload(member, collaborationId, ageIncomeRows(9, 4));
    const { runner, events } = e2e.plugin.workflow();
    expect(runner.execution(collaborationId)?.status).toBe('RUNNING');
    expect((await e2e.client('owner').cancelCollaboration(collaborationId)).status).toBe('CANCELLED');
    // The released input wait takes the execution through CleanUpCancelled to its end.
    await runner.execution(collaborationId)!.result;
    expect(runner.execution(collaborationId)?.status).toBe('SUCCEEDED');
    for (const party of ['A', 'B'] as const) {
      const prefix = storageLayout.inputSharePrefix(party, collaborationId);
      expect(await keysUnder(e2e, e2e.system.inputBucket, prefix)).toEqual([]);
      // Input shares stay in each server's own bucket, which the coordinator may write but not delete from: its
      // lifecycle rule expires them (docs/deploy.md, "Three operators in three accounts").
      expect(await keysUnder(e2e, e2e.system.serverInputBuckets[party], prefix)).toHaveLength(1);
    }
    const hook = await e2e.hooks.next(
      (h) => h.clientId === 'clinic-z' && h.body.includes('collaboration.cancelled'),
    );
    verifyWebhookRequest(
      hook.headers as Record<string, string>,
      hook.body,
      member.participation.webhookSecret!,
    );
    expect(events.of(collaborationId).map((change) => change.status)).toEqual(['OPEN', 'CANCELLED']);
    // A retried cancel answers the same (its release of the used token is ignored).
    expect((await e2e.client('owner').cancelCollaboration(collaborationId)).status).toBe('CANCELLED');
  }, 60_000);

  it('cancel answers while a participant endpoint hangs; the workflow then records the failed delivery', async () => {
    const endpoint = await HeldWebhookEndpoint.start();
    try {
      const collaborationId = await createAgeIncomeCollaboration('e2e cancel, endpoint hangs');
      const member = await joinAs(e2e, collaborationId, 'clinic-hung', endpoint.url);
      expect((await e2e.client('owner').cancelCollaboration(collaborationId)).status).toBe('CANCELLED');
      // Delivered after the answer: the endpoint holds the notice, and nothing is recorded while it does.
      await eventually(
        async () => endpoint.held(),
        (held) => held > 0,
        30_000,
      );
      expect((await member.client.getMyParticipation(collaborationId)).webhookDelivery).toBeUndefined();
      endpoint.answerAll(503);
      const recorded = await eventually(
        () => member.client.getMyParticipation(collaborationId),
        (participation) => participation.webhookDelivery !== undefined,
        60_000,
      );
      expect(recorded.webhookDelivery).toMatchObject({
        event: 'collaboration.cancelled',
        delivered: false,
        attempts: 4,
        lastError: 'HTTP 503',
      });
    } finally {
      await endpoint.stop();
    }
  }, 120_000);
});
