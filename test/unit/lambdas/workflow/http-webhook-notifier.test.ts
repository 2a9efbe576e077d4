import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpWebhookNotifier } from '../../../../lambdas/adapters/webhooks/http-webhook-notifier.ts';
import { generateWebhookSecret } from '../../../../contract/webhooks/standard-webhooks.ts';
import { verifyWebhookRequest } from '../../../../client/webhooks/verify.ts';
import { freePort } from '../../../../local/emulators/free-port.ts';

/** A receiver over real HTTP answering each request with the next status of `statuses` (then 204). */
async function receiver(statuses: number[]) {
  const requests: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(statuses.shift() ?? 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, requests };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

const waits: number[] = [];
const notifier = new HttpWebhookNotifier({
  maxAttempts: 4,
  firstBackoffMs: 100,
  sleep: async (ms) => {
    waits.push(ms);
  },
});
const message = {
  messageId: 'msg_1',
  event: 'collaboration.result_ready',
  body: { type: 'collaboration.result_ready' },
};

describe('HttpWebhookNotifier (Standard Webhooks)', () => {
  it('retries 5xx and 429 with exponential backoff, same message id, each attempt signed', async () => {
    waits.length = 0;
    const secret = generateWebhookSecret();
    const { url, requests } = await receiver([503, 429]);
    expect(await notifier.deliver(url, secret, message)).toEqual({ delivered: true, attempts: 3 });
    expect(waits).toEqual([100, 200]);
    expect(requests.map((r) => r.headers['webhook-id'])).toEqual(['msg_1', 'msg_1', 'msg_1']);
    for (const request of requests)
      expect(verifyWebhookRequest(request.headers as Record<string, string>, request.body, secret)).toEqual(
        message.body,
      );
  });

  it('gives up at once on a 4xx refusal, and after the last attempt on a dead endpoint, saying why', async () => {
    const { url } = await receiver([410]);
    expect(await notifier.deliver(url, generateWebhookSecret(), message)).toEqual({
      delivered: false,
      attempts: 1,
      lastError: 'HTTP 410',
    });
    const closed = `http://127.0.0.1:${await freePort()}/hook`;
    const outcome = await notifier.deliver(closed, generateWebhookSecret(), message);
    expect(outcome).toMatchObject({ delivered: false, attempts: 4 });
    expect(outcome.lastError).toMatch(/ECONNREFUSED/);
  });
});
