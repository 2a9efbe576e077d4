import { verifyWebhook } from '../../contract/webhooks/standard-webhooks.ts';
import type { VerifyOptions, WebhookHeaders } from '../../contract/webhooks/standard-webhooks.ts';

export { WebhookVerificationError } from '../../contract/webhooks/standard-webhooks.ts';
export type { WebhookRejection } from '../../contract/webhooks/standard-webhooks.ts';

/** Headers as a receiver gets them: a fetch `Headers`, or Node's `IncomingHttpHeaders` (lower-case keys). */
export type ReceivedHeaders = Headers | Readonly<Record<string, string | string[] | undefined>>;

/**
 * For a client service receiving the coordinator's notifications: verify the signature over the raw body
 * (bytes as received, before any JSON parsing) and only then parse it. Throws `WebhookVerificationError`.
 */
export function verifyWebhookRequest<Event = unknown>(
  headers: ReceivedHeaders,
  rawBody: string | Uint8Array,
  secretOrOptions: string | VerifyOptions,
): Event {
  const options = typeof secretOrOptions === 'string' ? { secrets: [secretOrOptions] } : secretOrOptions;
  verifyWebhook(standardHeaders(headers), rawBody, options);
  const text = typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8');
  return JSON.parse(text) as Event;
}

function standardHeaders(headers: ReceivedHeaders): Partial<WebhookHeaders> {
  const read = (name: keyof WebhookHeaders): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value.join(' ') : value;
  };
  return {
    'webhook-id': read('webhook-id'),
    'webhook-timestamp': read('webhook-timestamp'),
    'webhook-signature': read('webhook-signature'),
  };
}
