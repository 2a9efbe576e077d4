import { setTimeout as sleep } from 'node:timers/promises';

/*
 * The SDK's standard retry mode in small: up to `maxAttempts` (3 by default), exponential backoff with full
 * jitter, for throttling, server errors and network failures only. Shared by the S3 and the AWS JSON adapters.
 */

export const DEFAULT_MAX_ATTEMPTS = 3;

const THROTTLING_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown',
  'ProvisionedThroughputExceededException',
]);

/** Whether an answer with this HTTP status and error code is worth another attempt. */
export function isTransient(status: number, code: string): boolean {
  return status >= 500 || status === 429 || THROTTLING_CODES.has(code);
}

/**
 * Runs `attempt` until it succeeds, fails with an error `transient` rejects, or `maxAttempts` ran. An error
 * without an HTTP answer (`transient` gets it too) is a network failure.
 */
export async function withRetries<T>(
  maxAttempts: number,
  transient: (error: unknown) => boolean,
  attempt: () => Promise<T>,
): Promise<T> {
  for (let made = 1; ; made += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (made >= maxAttempts || !transient(error)) throw error;
      await sleep(Math.random() * 100 * 2 ** made);
    }
  }
}
