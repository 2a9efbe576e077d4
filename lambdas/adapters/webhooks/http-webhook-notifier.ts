import { setTimeout as sleep } from 'node:timers/promises';
import { signWebhook } from '../../../contract/webhooks/standard-webhooks.ts';
import type { DeliveryOutcome, WebhookMessage, WebhookNotifier } from '../../ports/webhook-notifier.ts';

export interface HttpWebhookNotifierOptions {
  /** Deliveries per message, the first included. */
  maxAttempts?: number;
  /** Wait before the second attempt; doubled for each next one. */
  firstBackoffMs?: number;
  /** Per request. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/** Five deliveries, the first backoff one second, ten seconds per request. */
export const DEFAULT_DELIVERY_OPTIONS = { maxAttempts: 5, firstBackoffMs: 1_000, timeoutMs: 10_000 } as const;

/** The longest one delivery may take: every attempt times out and every backoff is waited. */
export function longestDeliveryMs(
  options: Pick<
    Required<HttpWebhookNotifierOptions>,
    'maxAttempts' | 'firstBackoffMs' | 'timeoutMs'
  > = DEFAULT_DELIVERY_OPTIONS,
): number {
  const backoffs = options.firstBackoffMs * (2 ** (options.maxAttempts - 1) - 1);
  return options.maxAttempts * options.timeoutMs + backoffs;
}

/**
 * Standard Webhooks over HTTP POST: the same message id and body on every attempt (receivers deduplicate by
 * id), a fresh timestamp and signature each time. 2xx is delivered; 4xx other than 408/429 is final; network
 * errors, timeouts and 5xx are retried with exponential backoff.
 */
export class HttpWebhookNotifier implements WebhookNotifier {
  private readonly maxAttempts: number;
  private readonly firstBackoffMs: number;
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: HttpWebhookNotifierOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? DEFAULT_DELIVERY_OPTIONS.maxAttempts;
    this.firstBackoffMs = options.firstBackoffMs ?? DEFAULT_DELIVERY_OPTIONS.firstBackoffMs;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_DELIVERY_OPTIONS.timeoutMs;
    this.fetch = options.fetch ?? fetch;
    this.sleep = options.sleep ?? ((ms) => sleep(ms));
  }

  async deliver(url: string, secret: string, message: WebhookMessage): Promise<DeliveryOutcome> {
    const body = JSON.stringify(message.body);
    let lastError = '';
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      if (attempt > 1) await this.sleep(this.firstBackoffMs * 2 ** (attempt - 2));
      const headers = signWebhook(secret, message.messageId, Date.now() / 1000, body);
      try {
        const response = await this.fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        await response.body?.cancel();
        if (response.ok) return { delivered: true, attempts: attempt };
        lastError = `HTTP ${response.status}`;
        if (response.status < 500 && response.status !== 408 && response.status !== 429)
          return { delivered: false, attempts: attempt, lastError };
      } catch (error) {
        lastError = error instanceof Error ? `${error.name}: ${causeOf(error)}` : String(error);
      }
    }
    return { delivered: false, attempts: this.maxAttempts, lastError };
  }
}

/** fetch wraps connection errors ("fetch failed") around the useful cause (ECONNREFUSED ...). */
function causeOf(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? cause.message : error.message;
}
