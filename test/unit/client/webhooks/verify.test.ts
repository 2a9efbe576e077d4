import { describe, expect, it, afterEach } from 'vitest';
import {
  WebhookVerificationError,
  generateWebhookSecret,
  signWebhook,
  verifyWebhook,
} from '../../../../contract/webhooks/standard-webhooks.ts';
import { verifyWebhookRequest } from '../../../../client/webhooks/verify.ts';
import { startLoopbackServer } from '../support/loopback-server.ts';
import type { LoopbackServer } from '../support/loopback-server.ts';

// The example published with the Standard Webhooks specification and its reference libraries.
const specSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const specId = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const specTimestamp = 1614265330;
const specBody = '{"test": 2432232314}';
const specSignature = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
const specHeaders = {
  'webhook-id': specId,
  'webhook-timestamp': String(specTimestamp),
  'webhook-signature': specSignature,
};

function rejection(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.reason;
    throw error;
  }
}

describe('Standard Webhooks', () => {
  const atSpecTime = { secrets: [specSecret], nowSeconds: specTimestamp };

  it('reproduces the spec example signature', () => {
    expect(signWebhook(specSecret, specId, specTimestamp, specBody)).toEqual(specHeaders);
    expect(signWebhook(specSecret, specId, specTimestamp, Buffer.from(specBody))['webhook-signature']).toBe(
      specSignature,
    );
  });

  it('accepts the spec example and rejects tampering', () => {
    expect(rejection(() => verifyWebhook(specHeaders, specBody, atSpecTime))).toBeUndefined();
    expect(rejection(() => verifyWebhook(specHeaders, '{"test": 2432232315}', atSpecTime))).toBe(
      'no-matching-signature',
    );
    const laterTimestamp = { ...specHeaders, 'webhook-timestamp': String(specTimestamp + 1) };
    expect(rejection(() => verifyWebhook(laterTimestamp, specBody, atSpecTime))).toBe(
      'no-matching-signature',
    );
    const otherId = { ...specHeaders, 'webhook-id': 'msg_other' };
    expect(rejection(() => verifyWebhook(otherId, specBody, atSpecTime))).toBe('no-matching-signature');
    const otherSecret = { ...atSpecTime, secrets: [generateWebhookSecret()] };
    expect(rejection(() => verifyWebhook(specHeaders, specBody, otherSecret))).toBe('no-matching-signature');
  });

  it('enforces the timestamp tolerance both ways', () => {
    const options = (nowSeconds: number) => ({ secrets: [specSecret], nowSeconds });
    expect(
      rejection(() => verifyWebhook(specHeaders, specBody, options(specTimestamp + 300))),
    ).toBeUndefined();
    expect(rejection(() => verifyWebhook(specHeaders, specBody, options(specTimestamp + 301)))).toBe(
      'timestamp-out-of-tolerance',
    );
    expect(rejection(() => verifyWebhook(specHeaders, specBody, options(specTimestamp - 301)))).toBe(
      'timestamp-out-of-tolerance',
    );
    const notSeconds = { ...specHeaders, 'webhook-timestamp': '2021-02-25T15:02:10Z' };
    expect(rejection(() => verifyWebhook(notSeconds, specBody, atSpecTime))).toBe('bad-timestamp');
  });

  it('accepts any one matching v1 signature among several, and any one of several secrets', () => {
    const several = { ...specHeaders, 'webhook-signature': `v1a,AAAA v1,bm90IGl0 ${specSignature} v2,zzz` };
    expect(rejection(() => verifyWebhook(several, specBody, atSpecTime))).toBeUndefined();
    const rotated = { ...atSpecTime, secrets: [generateWebhookSecret(), specSecret] };
    expect(rejection(() => verifyWebhook(specHeaders, specBody, rotated))).toBeUndefined();
    const noV1 = { ...specHeaders, 'webhook-signature': specSignature.replace('v1,', 'v1a,') };
    expect(rejection(() => verifyWebhook(noV1, specBody, atSpecTime))).toBe('no-matching-signature');
  });

  it('rejects missing headers and malformed secrets', () => {
    expect(rejection(() => verifyWebhook({ 'webhook-id': specId }, specBody, atSpecTime))).toBe(
      'missing-headers',
    );
    expect(
      rejection(() =>
        verifyWebhook(specHeaders, specBody, { secrets: ['whsec_not base64!'], nowSeconds: specTimestamp }),
      ),
    ).toBe('bad-secret');
  });

  it('generates distinct whsec_ secrets of 32 bytes that round-trip', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(generateWebhookSecret()).not.toBe(secret);
    const headers = signWebhook(secret, 'msg_1', 1_700_000_000, '{}');
    expect(
      rejection(() => verifyWebhook(headers, '{}', { secrets: [secret], nowSeconds: 1_700_000_000 })),
    ).toBe(undefined);
  });
});

describe('verifyWebhookRequest in a receiver', () => {
  let receiver: LoopbackServer | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  it('accepts a signed delivery over HTTP and rejects a tampered one', async () => {
    const secret = generateWebhookSecret();
    const accepted: unknown[] = [];
    receiver = await startLoopbackServer((request, response) => {
      try {
        accepted.push(verifyWebhookRequest(request.headers, request.body, secret));
        response.writeHead(204).end();
      } catch (error) {
        response.writeHead(error instanceof WebhookVerificationError ? 401 : 500).end();
      }
    });
    const body = JSON.stringify({ type: 'collaboration.result_ready', collaborationId: 'c-1' });
    const headers = signWebhook(secret, 'msg_42', Date.now() / 1000, body);
    const deliver = (payload: string, extra: Record<string, string> = {}) =>
      fetch(`${receiver!.url}/hook`, { method: 'POST', headers: { ...headers, ...extra }, body: payload });

    expect((await deliver(body)).status).toBe(204);
    expect((await deliver(body.replace('c-1', 'c-2'))).status).toBe(401);
    expect(
      (await deliver(body, { 'webhook-timestamp': String(Math.floor(Date.now() / 1000) - 3600) })).status,
    ).toBe(401);
    expect(accepted).toEqual([{ type: 'collaboration.result_ready', collaborationId: 'c-1' }]);
  });

  it('reads fetch Headers too', () => {
    const headers = new Headers(specHeaders);
    expect(
      verifyWebhookRequest(headers, specBody, { secrets: [specSecret], nowSeconds: specTimestamp }),
    ).toEqual({ test: 2432232314 });
  });
});
