import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldSpec } from '../../../contract/analysis/analysis-spec.ts';
import { fetchResult } from '../../../client/sdk/fetch-result.ts';
import { joinCollaboration } from '../../../client/sdk/join.ts';
import { submitInput } from '../../../client/sdk/submit-input.ts';
import { waitForResult } from '../../../client/sdk/wait-for-result.ts';
import { NotificationInbox } from '../../../client/webhooks/notification-inbox.ts';
import { signWebhook } from '../../../contract/webhooks/standard-webhooks.ts';
import { createCollaboration, startE2eSystem } from '../../../local/harness/whole-system.ts';
import type { E2eSystem } from '../../../local/harness/whole-system.ts';

/**
 * A client service as the SDK README shows it, against the whole local system (workflow, dealer and servers
 * as processes): its own webhook receiver wakes the wait, the result is opened with the stored key.
 */
let e2e: E2eSystem;
let receiver: Server;
let receiverUrl: string;
const inbox = new NotificationInbox();
const rejected: string[] = [];

beforeAll(async () => {
  e2e = await startE2eSystem();
  receiver = createServer((request, response) => {
    // Count refusals by the SDK listener (a 401 answer) to show that tampering is caught.
    response.on('finish', () => {
      if (response.statusCode === 401) rejected.push(String(request.headers['webhook-id']));
    });
    inbox.listener(request, response);
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/mpc-events`;
}, 120_000);

afterAll(async () => {
  receiver?.closeAllConnections();
  receiver?.close();
  await e2e?.stop();
});

const fields: FieldSpec[] = [
  { name: 'age', type: 'int', min: 0, max: 120 },
  { name: 'salary', type: 'fixed', fractionalBits: 8, min: 0, max: 100_000 },
];

describe('the SDK through a whole collaboration', () => {
  it('joins, submits CSV, waits for the signed webhook, fetches and reconstructs the statistics', async () => {
    const collaborationId = await createCollaboration(e2e, {
      name: 'sdk e2e',
      analyses: [{ kind: 'count' }, { kind: 'mean', field: 'salary' }, { kind: 'max', field: 'age' }],
      inputSchema: { fields },
      minParticipants: 2,
      maxParticipants: 2,
      deadlineInSeconds: 3600,
      resultRecipients: 'all-participants',
    });
    const labA = e2e.client('lab-a');
    const labB = e2e.client('lab-b');
    await joinCollaboration(labA, e2e.keys, collaborationId, { webhookUrl: receiverUrl });
    await joinCollaboration(labB, e2e.keys, collaborationId);
    const secret = await e2e.keys.loadWebhookSecret('lab-a', collaborationId);
    expect(secret).toMatch(/^whsec_/);
    inbox.addSecret(secret!);

    await submitInput(labA, collaborationId, 'age,salary\n30,1000.5\n41,2000.25\n', {
      pinnedServerKeys: e2e.pins,
    });
    const statuses: string[] = [];
    const waiting = waitForResult(labA, collaborationId, {
      // Polling alone would take ten minutes: only the webhook can end this wait in time.
      minIntervalMs: 600_000,
      maxIntervalMs: 600_000,
      wakeUp: (signal) => inbox.next(collaborationId, signal),
      onStatus: (collaboration) => statuses.push(collaboration.status),
    });
    // A forged notification (signed with the wrong secret) must not wake anybody.
    const forgedBody = JSON.stringify({ type: 'collaboration.result_ready', data: { collaborationId } });
    const forged = await fetch(receiverUrl, {
      method: 'POST',
      headers: signWebhook(
        `whsec_${Buffer.alloc(32, 7).toString('base64')}`,
        'msg_forged',
        Date.now() / 1000,
        forgedBody,
      ),
      body: forgedBody,
    });
    expect(forged.status).toBe(401);
    await submitInput(labB, collaborationId, JSON.stringify([{ age: 52, salary: 3000 }]), {
      pinnedServerKeys: e2e.pins,
    });

    const ready = await waiting;
    expect(ready.status).toBe('RESULT_READY');
    expect(statuses.at(0)).not.toBe('RESULT_READY');
    expect(rejected).toEqual(['msg_forged']);

    const results = await fetchResult(labA, e2e.keys, collaborationId, { pinnedServerKeys: e2e.pins });
    expect(results).toHaveLength(3);
    expect(results[0]).toMatchObject({ kind: 'count', value: 3 });
    expect(results[1]).toMatchObject({ kind: 'mean', field: 'salary' });
    expect(results[1]!.value).toBeCloseTo((1000.5 + 2000.25 + 3000) / 3, 2);
    expect(results[2]).toMatchObject({ kind: 'max', field: 'age', value: 52 });

    expect((await labA.finishParticipation(collaborationId)).status).toBe('FINISHED');
  });
});
