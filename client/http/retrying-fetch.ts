import { abortableSleep } from '../util/abortable-sleep.ts';
import type { FetchFunction } from './fetch-function.ts';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts?: number;
  /** No retry starts after this much time since the first attempt, and no wait runs past it. */
  maxElapsedMs?: number;
  /** Backoff before retry n (n from 1) is uniform in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))] ("full jitter"). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** One attempt that has not answered after this long is abandoned (and retried if allowed). */
  attemptTimeoutMs?: number;
  fetch?: FetchFunction;
  /** Seams for tests and for callers that schedule differently. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Retries what is safe to repeat: idempotent methods, and POSTs that carry an `Idempotency-Key` (the
 * coordinator answers a repeat with the first answer). Retries on 408/429/5xx and on network errors, with
 * exponential backoff and full jitter, or after `Retry-After` when the server says how long to wait. The last
 * response is returned as is; turn it into an `ApiError` with `ensureOk`.
 */
export function createRetryingFetch(options: RetryOptions = {}): FetchFunction {
  const maxAttempts = options.maxAttempts ?? 5;
  const maxElapsedMs = options.maxElapsedMs ?? 60_000;
  const baseDelayMs = options.baseDelayMs ?? 200;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 60_000;
  const fetchImpl = options.fetch ?? fetch;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;

  return async (input, init) => {
    const template = new Request(input, init);
    // A hung connection must not stall the caller forever; the caller's own signal still cancels everything.
    const attempt = (): Request =>
      new Request(template.clone(), {
        signal: AbortSignal.any([template.signal, AbortSignal.timeout(attemptTimeoutMs)]),
      });
    if (!isRetryable(template)) return fetchImpl(attempt());
    const startedAt = now();
    for (let attemptNumber = 1; ; attemptNumber++) {
      const backoffMs = random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attemptNumber - 1));
      const remainingMs = maxElapsedMs - (now() - startedAt);
      const isLast = attemptNumber >= maxAttempts;
      let response: Response;
      try {
        response = await fetchImpl(attempt());
      } catch (error) {
        if (isLast || template.signal.aborted || backoffMs > remainingMs) throw error;
        await sleep(backoffMs, template.signal);
        continue;
      }
      if (isLast || !RETRYABLE_STATUSES.has(response.status)) return response;
      const waitMs = retryAfterMs(response.headers.get('retry-after'), now()) ?? backoffMs;
      if (waitMs > maxElapsedMs - (now() - startedAt)) return response;
      await response.body?.cancel();
      await sleep(waitMs, template.signal);
    }
  };
}

function isRetryable(request: Request): boolean {
  return (
    IDEMPOTENT_METHODS.has(request.method) ||
    (request.method === 'POST' && request.headers.has('idempotency-key'))
  );
}

/** `Retry-After` as delay-seconds or an HTTP date (RFC 9110 section 10.2.3); undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // HTTP dates name the weekday; without this check Date.parse would read "-3" as a year.
  if (!/^[A-Za-z]{3}/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
