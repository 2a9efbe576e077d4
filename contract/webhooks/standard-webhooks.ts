import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks (https://www.standardwebhooks.com), symmetric `v1` scheme: the signature is
 * base64(HMAC-SHA256(key, "<webhook-id>.<webhook-timestamp>.<raw body>")), the key the base64 part of a
 * `whsec_` secret. The coordinator's notifier signs with this module and receivers verify with it, so it
 * stays free of AWS and of any HTTP framework.
 */

export const WEBHOOK_SECRET_PREFIX = 'whsec_';
/** The spec's replay window: five minutes either side of the receiver's clock. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

// A type alias, not an interface, so the headers pass as a plain Record<string, string> to fetch.
export type WebhookHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

export type WebhookRejection =
  'missing-headers' | 'bad-secret' | 'bad-timestamp' | 'timestamp-out-of-tolerance' | 'no-matching-signature';

export class WebhookVerificationError extends Error {
  constructor(
    readonly reason: WebhookRejection,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** A fresh secret of 32 random bytes, handed to a participant once. */
export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(32).toString('base64');
}

export function signWebhook(
  secret: string,
  messageId: string,
  timestampSeconds: number,
  body: string | Uint8Array,
): WebhookHeaders {
  const timestamp = String(Math.floor(timestampSeconds));
  return {
    'webhook-id': messageId,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${signatureOf(secretKey(secret), messageId, timestamp, body).toString('base64')}`,
  };
}

export interface VerifyOptions {
  /** Any of these secrets may have signed: lets a receiver accept both sides of a rotation. */
  secrets: readonly string[];
  toleranceSeconds?: number;
  nowSeconds?: number;
}

/** Throws `WebhookVerificationError` unless one `v1` signature matches one secret within the time window. */
export function verifyWebhook(
  headers: Partial<WebhookHeaders>,
  body: string | Uint8Array,
  options: VerifyOptions,
): void {
  const messageId = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!messageId || !timestamp || !signatures) {
    throw new WebhookVerificationError(
      'missing-headers',
      'webhook-id, webhook-timestamp and webhook-signature are required',
    );
  }
  if (!/^\d{1,15}$/.test(timestamp)) {
    throw new WebhookVerificationError(
      'bad-timestamp',
      `webhook-timestamp is not Unix seconds: ${timestamp}`,
    );
  }
  const nowSeconds = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const toleranceSeconds = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) {
    throw new WebhookVerificationError(
      'timestamp-out-of-tolerance',
      `webhook-timestamp ${timestamp} is more than ${toleranceSeconds} s from now`,
    );
  }
  const offered = offeredV1Signatures(signatures);
  for (const secret of options.secrets) {
    const expected = signatureOf(secretKey(secret), messageId, timestamp, body);
    // Every candidate is compared, in constant time per comparison; lengths are public (always 32 bytes).
    if (
      offered.some(
        (candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected),
      )
    ) {
      return;
    }
  }
  throw new WebhookVerificationError('no-matching-signature', 'no webhook signature matches');
}

function signatureOf(key: Buffer, messageId: string, timestamp: string, body: string | Uint8Array): Buffer {
  return createHmac('sha256', key).update(`${messageId}.${timestamp}.`).update(body).digest();
}

/** The key bytes of a `whsec_<base64>` secret (the prefix is optional, as in the reference libraries). */
function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX)
    ? secret.slice(WEBHOOK_SECRET_PREFIX.length)
    : secret;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) {
    throw new WebhookVerificationError('bad-secret', 'webhook secret is not whsec_<base64>');
  }
  return Buffer.from(encoded, 'base64');
}

/** `webhook-signature` is a space-separated list of `<version>,<base64>`; other versions are ignored. */
function offeredV1Signatures(header: string): Buffer[] {
  return header
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => Buffer.from(entry.slice(3), 'base64'));
}
