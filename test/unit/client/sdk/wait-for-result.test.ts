import { afterEach, describe, expect, it } from 'vitest';
import type { Collaboration } from '../../../../client/sdk/api-models.ts';
import {
  CollaborationEndedError,
  WaitTimeoutError,
  waitForResult,
} from '../../../../client/sdk/wait-for-result.ts';
import { startFakeCoordinator } from '../support/fake-coordinator.ts';
import type { LoopbackServer } from '../support/loopback-server.ts';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
const collaborationId = '0b9c6a52-3f0e-4d7a-9d4e-0c1f2a3b4c5d';
const fast = { minIntervalMs: 1, maxIntervalMs: 5 };

/** A coordinator whose collaboration goes through `statuses`, one per poll, the last repeating. */
function coordinatorThrough(statuses: Array<[string, string?]>) {
  return startFakeCoordinator(servers, (_request, count) => {
    const [status, statusReason] = statuses[Math.min(count, statuses.length) - 1]!;
    const headers = status === 'COMPUTING' ? { 'retry-after': '1' } : {};
    return [200, { collaborationId, status, ...(statusReason ? { statusReason } : {}) }, headers];
  });
}

describe('waitForResult', () => {
  it('polls until the result is ready, reporting every status', async () => {
    const { client, apiRequests } = await coordinatorThrough([
      ['OPEN'],
      ['COMPUTING'],
      ['COMPUTING'],
      ['RESULT_READY'],
    ]);
    const seen: string[] = [];
    const ready = await waitForResult(client, collaborationId, {
      ...fast,
      onStatus: (c) => seen.push(c.status),
    });
    expect(ready.status).toBe('RESULT_READY');
    expect(seen).toEqual(['OPEN', 'COMPUTING', 'COMPUTING', 'RESULT_READY']);
    expect(apiRequests.every((request) => request.url === `/v1/collaborations/${collaborationId}`)).toBe(
      true,
    );
  });

  it('throws with the reason when the collaboration fails', async () => {
    const { client } = await coordinatorThrough([['COMPUTING'], ['FAILED', 'server B crashed 3 times']]);
    const error = await waitForResult(client, collaborationId, fast).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CollaborationEndedError);
    expect((error as Error).message).toBe(
      `collaboration ${collaborationId} is FAILED: server B crashed 3 times`,
    );
    expect((error as CollaborationEndedError).collaboration.status).toBe('FAILED');
  });

  it('treats COMPLETED as too late: the result shares are gone', async () => {
    const { client } = await coordinatorThrough([['COMPLETED']]);
    await expect(waitForResult(client, collaborationId, fast)).rejects.toBeInstanceOf(
      CollaborationEndedError,
    );
  });

  it('gives up at the timeout', async () => {
    const { client } = await coordinatorThrough([['OPEN']]);
    const error = await waitForResult(client, collaborationId, { ...fast, timeoutMs: 0 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(((error as WaitTimeoutError).collaboration as Collaboration).status).toBe('OPEN');
  });

  it('stops when aborted', async () => {
    const { client } = await coordinatorThrough([['OPEN']]);
    const controller = new AbortController();
    const waiting = waitForResult(client, collaborationId, {
      minIntervalMs: 60_000,
      maxIntervalMs: 60_000,
      signal: controller.signal,
      onStatus: () => controller.abort(new Error('user pressed Ctrl-C')),
    });
    await expect(waiting).rejects.toThrow('user pressed Ctrl-C');
  });
});
