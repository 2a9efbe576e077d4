import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DELIVERY_OPTIONS,
  HttpWebhookNotifier,
  longestDeliveryMs,
} from '../../../../lambdas/adapters/webhooks/http-webhook-notifier.ts';

/** The steps whose use case delivers webhooks (notifyAll). */
const NOTIFYING_STEPS = ['CleanUpCancelled', 'Expire', 'MarkFailed', 'NotifyParticipants'];

interface TaskState {
  Parameters?: { FunctionName?: string };
  TimeoutSeconds?: number;
}

const definition = JSON.parse(
  readFileSync(new URL('../../../../workflow/collaboration.asl.json', import.meta.url), 'utf8'),
) as { States: Record<string, TaskState> };

describe('states that deliver webhooks', () => {
  it('longestDeliveryMs is what a delivery that always times out waits', async () => {
    const waited: number[] = [];
    const notifier = new HttpWebhookNotifier({
      ...DEFAULT_DELIVERY_OPTIONS,
      fetch: async () => {
        throw new Error('timed out');
      },
      sleep: async (ms) => {
        waited.push(ms);
      },
    });
    const outcome = await notifier.deliver('https://hooks.example/', 'whsec_c2VjcmV0', {
      messageId: 'msg_1',
      event: 'collaboration.failed',
      body: {},
    });
    expect(outcome.attempts).toBe(DEFAULT_DELIVERY_OPTIONS.maxAttempts);
    const total = waited.reduce((sum, ms) => sum + ms, 0);
    expect(longestDeliveryMs()).toBe(
      total + DEFAULT_DELIVERY_OPTIONS.maxAttempts * DEFAULT_DELIVERY_OPTIONS.timeoutMs,
    );
  });

  it('give their step longer than the longest delivery', () => {
    for (const step of NOTIFYING_STEPS) {
      const states = Object.entries(definition.States).filter(
        ([, state]) => state.Parameters?.FunctionName === `\${${step}FunctionArn}`,
      );
      expect(states, step).not.toEqual([]);
      for (const [name, state] of states)
        expect(state.TimeoutSeconds ?? 0, name).toBeGreaterThan(longestDeliveryMs() / 1000);
    }
  });
});
