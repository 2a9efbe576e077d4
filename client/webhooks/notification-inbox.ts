import type { IncomingMessage, ServerResponse } from 'node:http';
import { createWebhookListener } from './receiver.ts';

/** The coordinator's notification body (see the workflow's notify step). */
export interface CoordinatorEvent {
  type: string;
  timestamp?: string;
  data: { collaborationId: string; status?: string; reason?: string };
}

/**
 * Verified coordinator notifications, handed to whoever waits for a collaboration: `waitForResult` wakes
 * up on one instead of sleeping until its next poll. An event that arrives while nobody waits is kept (the
 * latest per collaboration) for the next waiter, so a notification between two polls is not lost.
 */
export class NotificationInbox {
  readonly listener: (request: IncomingMessage, response: ServerResponse) => void;
  private readonly secrets: string[];
  private readonly waiters = new Map<string, Set<(event: CoordinatorEvent) => void>>();
  private readonly unclaimed = new Map<string, CoordinatorEvent>();

  constructor(secrets: readonly string[] = []) {
    this.secrets = [...secrets];
    this.listener = createWebhookListener<CoordinatorEvent>({
      // Read at each delivery, so secrets added later (one per joined collaboration) count.
      secret: () => this.secrets,
      onEvent: (event) => this.deliver(event),
    });
  }

  /** Each participation has its own secret; add it when joining. */
  addSecret(secret: string): void {
    if (!this.secrets.includes(secret)) this.secrets.push(secret);
  }

  /** The next event for `collaborationId` (or one that arrived unclaimed since the last wait). */
  next(collaborationId: string, signal?: AbortSignal): Promise<CoordinatorEvent> {
    const waiting = this.unclaimed.get(collaborationId);
    if (waiting) {
      this.unclaimed.delete(collaborationId);
      return Promise.resolve(waiting);
    }
    return new Promise((resolve, reject) => {
      const waiters = this.waiters.get(collaborationId) ?? new Set();
      this.waiters.set(collaborationId, waiters);
      const onAbort = (): void => {
        waiters.delete(wake);
        reject(signal?.reason as Error);
      };
      const wake = (event: CoordinatorEvent): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve(event);
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      waiters.add(wake);
    });
  }

  private deliver(event: CoordinatorEvent): void {
    const collaborationId = event?.data?.collaborationId;
    if (typeof collaborationId !== 'string') return;
    const waiters = this.waiters.get(collaborationId);
    if (!waiters || waiters.size === 0) {
      this.unclaimed.set(collaborationId, event);
      return;
    }
    this.waiters.delete(collaborationId);
    for (const wake of waiters) wake(event);
  }
}
