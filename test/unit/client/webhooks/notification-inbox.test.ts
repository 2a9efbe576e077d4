import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForResult } from '../../../../client/sdk/wait-for-result.ts';
import { NotificationInbox } from '../../../../client/webhooks/notification-inbox.ts';
import { generateWebhookSecret, signWebhook } from '../../../../contract/webhooks/standard-webhooks.ts';
import { startFakeCoordinator } from '../support/fake-coordinator.ts';
import type { LoopbackServer } from '../support/loopback-server.ts';

const servers: LoopbackServer[] = [];
const closers: Array<() => void> = [];
afterEach(async () => {
  closers.splice(0).forEach((close) => close());
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
const collaborationId = '0b9c6a52-3f0e-4d7a-9d4e-0c1f2a3b4c5d';

async function receiverFor(inbox: NotificationInbox): Promise<string> {
  const server = createServer(inbox.listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => {
    server.closeAllConnections();
    server.close();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

function notify(
  url: string,
  secret: string,
  messageId: string,
  data: Record<string, string>,
): Promise<Response> {
  const body = JSON.stringify({
    type: 'collaboration.result_ready',
    timestamp: new Date().toISOString(),
    data,
  });
  return fetch(url, {
    method: 'POST',
    headers: signWebhook(secret, messageId, Date.now() / 1000, body),
    body,
  });
}

describe('NotificationInbox', () => {
  it('hands events to waiters per collaboration, keeps an unclaimed one, and accepts secrets added later', async () => {
    const inbox = new NotificationInbox();
    const url = await receiverFor(inbox);
    const secret = generateWebhookSecret();
    expect((await notify(url, secret, 'msg_0', { collaborationId })).status).toBe(401);

    inbox.addSecret(secret);
    const waiting = inbox.next(collaborationId);
    expect((await notify(url, secret, 'msg_1', { collaborationId: 'other' })).status).toBe(204);
    expect((await notify(url, secret, 'msg_2', { collaborationId, status: 'RESULT_READY' })).status).toBe(
      204,
    );
    expect((await waiting).data).toEqual({ collaborationId, status: 'RESULT_READY' });
    // 'other' arrived with nobody waiting: the next waiter gets it at once.
    expect((await inbox.next('other')).data.collaborationId).toBe('other');
  });

  it('lets a waiter give up', async () => {
    const inbox = new NotificationInbox();
    const controller = new AbortController();
    const waiting = inbox.next(collaborationId, controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });

  it('wakes waitForResult up long before its next poll', async () => {
    const inbox = new NotificationInbox();
    const secret = generateWebhookSecret();
    inbox.addSecret(secret);
    const url = await receiverFor(inbox);
    let ready = false;
    const { client, apiRequests } = await startFakeCoordinator(servers, () => [
      200,
      { collaborationId, status: ready ? 'RESULT_READY' : 'COMPUTING' },
      { 'retry-after': '600' },
    ]);
    const result = await waitForResult(client, collaborationId, {
      minIntervalMs: 600_000, // without the webhook this test would time out
      maxIntervalMs: 600_000,
      wakeUp: (signal) => inbox.next(collaborationId, signal),
      onStatus: (collaboration) => {
        if (collaboration.status !== 'COMPUTING') return;
        ready = true;
        void notify(url, secret, 'msg_ready', { collaborationId, status: 'RESULT_READY' });
      },
    });
    expect(result.status).toBe('RESULT_READY');
    expect(apiRequests).toHaveLength(2);
  });
});
