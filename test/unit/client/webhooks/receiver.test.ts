import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookListener } from '../../../../client/webhooks/receiver.ts';
import { generateWebhookSecret, signWebhook } from '../../../../contract/webhooks/standard-webhooks.ts';
import type { WebhookVerificationError } from '../../../../contract/webhooks/standard-webhooks.ts';

const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

async function listen(listener: ReturnType<typeof createWebhookListener>): Promise<string> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => {
    server.closeAllConnections();
    server.close();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

describe('createWebhookListener', () => {
  it('hands verified events over and refuses tampered, stale and oversized deliveries', async () => {
    const secret = generateWebhookSecret();
    const events: Array<[unknown, string]> = [];
    const rejected: string[] = [];
    const url = await listen(
      createWebhookListener({
        secret,
        maxBodyBytes: 1000,
        onEvent: (event, id) => void events.push([event, id]),
        onRejected: (error: WebhookVerificationError) => rejected.push(error.reason),
      }),
    );
    const body = JSON.stringify({ type: 'collaboration.result_ready', collaborationId: 'c-1' });
    const now = Math.floor(Date.now() / 1000);
    const post = (payload: string, headers: Record<string, string>) =>
      fetch(url, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: payload,
      });

    expect((await post(body, signWebhook(secret, 'msg_1', now, body))).status).toBe(204);
    expect((await post(`${body} `, signWebhook(secret, 'msg_2', now, body))).status).toBe(401);
    expect((await post(body, signWebhook(secret, 'msg_3', now - 600, body))).status).toBe(401);
    expect((await post(body, signWebhook(generateWebhookSecret(), 'msg_4', now, body))).status).toBe(401);
    const huge = JSON.stringify({ pad: 'x'.repeat(5000) });
    const refused = await post(huge, signWebhook(secret, 'msg_5', now, huge)).catch(() => undefined);
    expect(refused === undefined || refused.status === 413).toBe(true);

    expect(events).toEqual([[{ type: 'collaboration.result_ready', collaborationId: 'c-1' }, 'msg_1']]);
    expect(rejected).toEqual([
      'no-matching-signature',
      'timestamp-out-of-tolerance',
      'no-matching-signature',
    ]);
  });

  it('answers 500 when the handler fails, so the sender retries', async () => {
    const secret = generateWebhookSecret();
    const url = await listen(
      createWebhookListener({
        secret,
        onEvent: () => {
          throw new Error('database down');
        },
      }),
    );
    const body = '{}';
    const response = await fetch(url, {
      method: 'POST',
      headers: signWebhook(secret, 'msg_1', Date.now() / 1000, body),
      body,
    });
    expect(response.status).toBe(500);
  });
});
