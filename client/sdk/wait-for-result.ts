import { abortableSleep } from '../util/abortable-sleep.ts';
import { TERMINAL_STATUSES } from './api-models.ts';
import type { Collaboration } from './api-models.ts';
import type { MpcClient } from './mpc-client.ts';

export interface WaitOptions {
  /** Give up after this long (default 10 minutes). */
  timeoutMs?: number;
  /** Poll interval when the server gives no `Retry-After` (default 2 s); never more often than this. */
  minIntervalMs?: number;
  maxIntervalMs?: number;
  signal?: AbortSignal;
  /** Called after every poll, e.g. for a progress display. */
  onStatus?: (collaboration: Collaboration) => void;
  /** Resolves when it is worth polling at once, e.g. `(signal) => inbox.next(id, signal)` for webhooks. */
  wakeUp?: (signal: AbortSignal) => Promise<unknown>;
}

/** The collaboration ended without a result for this caller. */
export class CollaborationEndedError extends Error {
  constructor(readonly collaboration: Collaboration) {
    const reason = collaboration.statusReason ? `: ${collaboration.statusReason}` : '';
    super(`collaboration ${collaboration.collaborationId} is ${collaboration.status}${reason}`);
    this.name = 'CollaborationEndedError';
  }
}

export class WaitTimeoutError extends Error {
  constructor(
    readonly collaboration: Collaboration,
    timeoutMs: number,
  ) {
    super(
      `collaboration ${collaboration.collaborationId} still ${collaboration.status} after ${timeoutMs} ms`,
    );
    this.name = 'WaitTimeoutError';
  }
}

/**
 * Polls the collaboration until its result is ready, at the pace the server asks for (`Retry-After`), within
 * [minIntervalMs, maxIntervalMs], and at once when `wakeUp` fires (a webhook arrived). Resolves with the
 * RESULT_READY collaboration; throws on FAILED, CANCELLED, EXPIRED and COMPLETED (the coordinator deletes
 * result shares on completion) and on timeout.
 */
export async function waitForResult(
  client: MpcClient,
  collaborationId: string,
  options: WaitOptions = {},
): Promise<Collaboration> {
  const timeoutMs = options.timeoutMs ?? 600_000;
  const minIntervalMs = options.minIntervalMs ?? 2_000;
  const maxIntervalMs = options.maxIntervalMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { collaboration, retryAfterSeconds } = await client.getCollaborationWithHint(collaborationId);
    options.onStatus?.(collaboration);
    if (collaboration.status === 'RESULT_READY') return collaboration;
    if (TERMINAL_STATUSES.has(collaboration.status)) throw new CollaborationEndedError(collaboration);
    const hinted = retryAfterSeconds === undefined ? minIntervalMs : retryAfterSeconds * 1000;
    const waitMs = Math.min(maxIntervalMs, Math.max(minIntervalMs, hinted));
    const remainingMs = deadline - Date.now();
    if (remainingMs <= 0) throw new WaitTimeoutError(collaboration, timeoutMs);
    // The last wait is cut short so that the final poll happens at the deadline.
    await pause(Math.min(waitMs, remainingMs), options);
  }
}

/** Sleeps `ms` unless woken up first; whichever loses is cancelled. The caller's signal aborts both. */
async function pause(ms: number, options: WaitOptions): Promise<void> {
  const settled = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, settled.signal]) : settled.signal;
  const sleeping = abortableSleep(ms, signal);
  const woken = options.wakeUp ? options.wakeUp(signal) : new Promise<never>(() => undefined);
  try {
    await Promise.race([sleeping, woken]);
  } finally {
    settled.abort();
    sleeping.catch(() => undefined);
    woken.catch(() => undefined);
  }
}
