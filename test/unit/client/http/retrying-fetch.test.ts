import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, ensureOk } from '../../../../client/http/api-error.ts';
import { createRetryingFetch, retryAfterMs } from '../../../../client/http/retrying-fetch.ts';
import { sendJson, startLoopbackServer } from '../support/loopback-server.ts';
import type { LoopbackServer, ReceivedRequest } from '../support/loopback-server.ts';
import type { ServerResponse } from 'node:http';

type Step = (response: ServerResponse, request: ReceivedRequest) => void;

const problem =
  (status: number, headers: Record<string, string> = {}): Step =>
  (response) =>
    sendJson(
      response,
      status,
      {
        type: 'https://mpc.example/problems/busy',
        title: 'Busy',
        status,
        detail: 'try later',
        requestId: 'req-9',
      },
      { 'content-type': 'application/problem+json', ...headers },
    );
const ok: Step = (response, request) => sendJson(response, 200, { echoed: request.body });

/** Answers the n-th request with steps[n], the last step repeating. */
async function startScripted(steps: Step[]) {
  const requests: ReceivedRequest[] = [];
  const server = await startLoopbackServer((request, response) => {
    requests.push(request);
    const step = steps[Math.min(requests.length, steps.length) - 1];
    step?.(response, request);
  });
  servers.push(server);
  return { url: `${server.url}/v1/thing`, requests };
}

/** Records every wait the retry loop asks for and skips it, so tests need not sleep. */
function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('createRetryingFetch', () => {
  it('retries a GET after 429 and 503, waiting Retry-After seconds when given', async () => {
    const api = await startScripted([problem(429, { 'retry-after': '2' }), problem(503), ok]);
    const { waits, sleep } = recordingSleep();
    const retrying = createRetryingFetch({ sleep, random: () => 0.5, baseDelayMs: 100 });

    const response = await retrying(api.url);
    expect(response.status).toBe(200);
    expect(api.requests).toHaveLength(3);
    // First wait from Retry-After, second from backoff: 0.5 * 100 * 2^1.
    expect(waits).toEqual([2000, 100]);
  });

  it('really sleeps between attempts by default', async () => {
    const api = await startScripted([problem(503), problem(502), ok]);
    const response = await createRetryingFetch({ baseDelayMs: 5 })(api.url);
    expect(response.status).toBe(200);
    expect(api.requests).toHaveLength(3);
  });

  it('retries a POST with an Idempotency-Key, re-sending the same body', async () => {
    const api = await startScripted([problem(500), ok]);
    const { sleep } = recordingSleep();
    const response = await createRetryingFetch({ sleep })(api.url, {
      method: 'POST',
      headers: { 'idempotency-key': 'k-1', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'survey' }),
    });
    expect(await response.json()).toEqual({ echoed: '{"name":"survey"}' });
    expect(api.requests.map((request) => request.body)).toEqual(['{"name":"survey"}', '{"name":"survey"}']);
    expect(api.requests.map((request) => request.headers['idempotency-key'])).toEqual(['k-1', 'k-1']);
  });

  it('never repeats a POST without an Idempotency-Key', async () => {
    const api = await startScripted([problem(503), ok]);
    const response = await createRetryingFetch({ sleep: recordingSleep().sleep })(api.url, {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(503);
    expect(api.requests).toHaveLength(1);
  });

  it('does not retry a client error', async () => {
    const api = await startScripted([problem(400), ok]);
    const response = await createRetryingFetch({ sleep: recordingSleep().sleep })(api.url);
    expect(response.status).toBe(400);
    expect(api.requests).toHaveLength(1);
  });

  it('stops after maxAttempts and surfaces the problem details as ApiError', async () => {
    const api = await startScripted([problem(503)]);
    const { waits, sleep } = recordingSleep();
    const response = await createRetryingFetch({ sleep, maxAttempts: 4 })(api.url);
    expect(api.requests).toHaveLength(4);
    expect(waits).toHaveLength(3);

    const error = await ensureOk(response).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 503,
      type: 'https://mpc.example/problems/busy',
      title: 'Busy',
      detail: 'try later',
      requestId: 'req-9',
    });
  });

  it('gives up at once when Retry-After exceeds the time budget', async () => {
    const api = await startScripted([problem(429, { 'retry-after': '120' }), ok]);
    const { waits, sleep } = recordingSleep();
    const response = await createRetryingFetch({ sleep, maxElapsedMs: 10_000 })(api.url);
    expect(response.status).toBe(429);
    expect(api.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('retries after a dropped connection', async () => {
    const api = await startScripted([(response) => response.socket?.destroy(), ok]);
    const { waits, sleep } = recordingSleep();
    const response = await createRetryingFetch({ sleep })(api.url, { method: 'PUT', body: 'share' });
    expect(response.status).toBe(200);
    expect(api.requests).toHaveLength(2);
    expect(waits).toHaveLength(1);
  });

  it('rethrows the network error once attempts are spent', async () => {
    const api = await startScripted([(response) => response.socket?.destroy()]);
    const retrying = createRetryingFetch({ sleep: recordingSleep().sleep, maxAttempts: 2 });
    await expect(retrying(api.url)).rejects.toThrow(TypeError);
    expect(api.requests).toHaveLength(2);
  });
});

describe('attempt timeout', () => {
  it('abandons an attempt that never answers and retries it', async () => {
    const api = await startScripted([() => undefined /* hangs */, ok]);
    const response = await createRetryingFetch({ sleep: recordingSleep().sleep, attemptTimeoutMs: 200 })(
      api.url,
    );
    expect(response.status).toBe(200);
    expect(api.requests).toHaveLength(2);
  });

  it('still lets the caller cancel', async () => {
    const api = await startScripted([() => undefined]);
    const controller = new AbortController();
    const pending = createRetryingFetch({ sleep: recordingSleep().sleep })(api.url, {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('cancelled by user')), 50);
    await expect(pending).rejects.toThrow('cancelled by user');
    expect(api.requests).toHaveLength(1);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads delay-seconds and HTTP dates', () => {
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-3', now)).toBeUndefined();
  });
});

describe('ApiError.fromResponse', () => {
  it('keeps the first line of a body that is not problem+json', async () => {
    const response = new Response('<Error><Code>AccessDenied</Code></Error>\nmore', {
      status: 403,
      statusText: 'Forbidden',
      headers: { 'x-amz-request-id': 'S3REQ' },
    });
    const error = await ApiError.fromResponse(response);
    expect(error).toMatchObject({ status: 403, type: 'about:blank', title: 'Forbidden', requestId: 'S3REQ' });
    expect(error.detail).toBe('<Error><Code>AccessDenied</Code></Error>');
  });
});
