import { afterEach, describe, expect, it } from 'vitest';
import { withBearerToken } from '../../../../client/auth/bearer-fetch.ts';
import { TokenError, TokenProvider } from '../../../../client/auth/token-provider.ts';
import { sendJson, startLoopbackServer } from '../support/loopback-server.ts';
import type { LoopbackServer, ReceivedRequest } from '../support/loopback-server.ts';

const clientId = 'lab-7';
const clientSecret = 'dev secret:+/&';

/** A tiny OAuth2 issuer: checks the Basic credentials and the grant, numbers its tokens t1, t2, ... */
async function startIssuer(expiresIn: number, delayMs = 0) {
  const requests: ReceivedRequest[] = [];
  let issued = 0;
  const server = await startLoopbackServer(async (request, response) => {
    requests.push(request);
    const expected = `Basic ${Buffer.from(`${clientId}:${encodeURIComponent(clientSecret).replace(/%20/g, '+')}`).toString('base64')}`;
    const form = new URLSearchParams(request.body);
    if (request.headers.authorization !== expected) {
      sendJson(response, 401, { error: 'invalid_client', error_description: 'bad credentials' });
      return;
    }
    if (form.get('grant_type') !== 'client_credentials') {
      sendJson(response, 400, { error: 'unsupported_grant_type' });
      return;
    }
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    issued += 1;
    sendJson(response, 200, { access_token: `t${issued}`, token_type: 'Bearer', expires_in: expiresIn });
  });
  return { server, requests, tokenUrl: `${server.url}/oauth2/token` };
}

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('TokenProvider', () => {
  it('posts the client-credentials form with Basic auth and caches the token', async () => {
    const issuer = await startIssuer(3600);
    servers.push(issuer.server);
    const tokens = new TokenProvider({ tokenUrl: issuer.tokenUrl, clientId, clientSecret, scope: 'mpc/api' });

    expect(await tokens.getAccessToken()).toBe('t1');
    expect(await tokens.getAccessToken()).toBe('t1');
    expect(issuer.requests).toHaveLength(1);
    const [request] = issuer.requests;
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(request?.body).get('scope')).toBe('mpc/api');
  });

  it('fails a token request the issuer leaves unanswered, and asks again on the next call', async () => {
    const issuer = await startIssuer(3600, 2_000);
    servers.push(issuer.server);
    const tokens = new TokenProvider({
      tokenUrl: issuer.tokenUrl,
      clientId,
      clientSecret,
      requestTimeoutMs: 100,
    });

    await expect(tokens.getAccessToken()).rejects.toMatchObject({ name: 'TimeoutError' });
    await expect(tokens.getAccessToken()).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(issuer.requests).toHaveLength(2);
  });

  it('renews before expiry, not after it', async () => {
    const issuer = await startIssuer(600);
    servers.push(issuer.server);
    let clock = 1_000_000;
    const tokens = new TokenProvider({
      tokenUrl: issuer.tokenUrl,
      clientId,
      clientSecret,
      renewBeforeExpiryMs: 60_000,
      now: () => clock,
    });

    expect(await tokens.getAccessToken()).toBe('t1');
    clock += 539_000; // 61 s before expiry: still fresh
    expect(await tokens.getAccessToken()).toBe('t1');
    clock += 2_000; // 59 s before expiry: inside the skew
    expect(await tokens.getAccessToken()).toBe('t2');
    expect(issuer.requests).toHaveLength(2);
  });

  it('makes one request for many concurrent callers', async () => {
    const issuer = await startIssuer(3600, 50);
    servers.push(issuer.server);
    const tokens = new TokenProvider({ tokenUrl: issuer.tokenUrl, clientId, clientSecret });

    const all = await Promise.all(Array.from({ length: 20 }, () => tokens.getAccessToken()));
    expect(new Set(all)).toEqual(new Set(['t1']));
    expect(issuer.requests).toHaveLength(1);
  });

  it('surfaces an OAuth error as TokenError and recovers on the next call', async () => {
    const issuer = await startIssuer(3600);
    servers.push(issuer.server);
    const wrong = new TokenProvider({ tokenUrl: issuer.tokenUrl, clientId, clientSecret: 'nope' });
    const error = await wrong.getAccessToken().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TokenError);
    expect((error as TokenError).status).toBe(401);
    expect((error as TokenError).oauthError).toBe('invalid_client');
    expect((error as TokenError).message).toContain('bad credentials');
    // A failed request is not cached as in flight: the next call asks again.
    await expect(wrong.getAccessToken()).rejects.toBeInstanceOf(TokenError);
    expect(issuer.requests).toHaveLength(2);
  });
});

describe('withBearerToken', () => {
  it('sends the bearer token and renews once after a 401', async () => {
    const issuer = await startIssuer(3600);
    servers.push(issuer.server);
    const seen: string[] = [];
    // The API revokes t1 after the first call: like a key rotation at the issuer.
    const api = await startLoopbackServer((request, response) => {
      seen.push(`${request.headers.authorization} ${request.body}`);
      const accepted = seen.length === 1 ? 'Bearer t1' : 'Bearer t2';
      if (request.headers.authorization !== accepted) sendJson(response, 401, { title: 'Unauthorized' });
      else sendJson(response, 200, { ok: true });
    });
    servers.push(api);
    const tokens = new TokenProvider({ tokenUrl: issuer.tokenUrl, clientId, clientSecret });
    const authorized = withBearerToken(tokens);

    expect((await authorized(`${api.url}/a`)).status).toBe(200);
    const renewed = await authorized(`${api.url}/b`, { method: 'POST', body: 'payload' });
    expect(renewed.status).toBe(200);
    expect(seen).toEqual(['Bearer t1 ', 'Bearer t1 payload', 'Bearer t2 payload']);
  });

  it('returns the second 401 instead of looping', async () => {
    const issuer = await startIssuer(3600);
    servers.push(issuer.server);
    let calls = 0;
    const api = await startLoopbackServer((_request, response) => {
      calls += 1;
      sendJson(response, 401, { title: 'Unauthorized' });
    });
    servers.push(api);
    const authorized = withBearerToken(
      new TokenProvider({ tokenUrl: issuer.tokenUrl, clientId, clientSecret }),
    );

    expect((await authorized(`${api.url}/x`)).status).toBe(401);
    expect(calls).toBe(2);
    expect(issuer.requests).toHaveLength(2);
  });
});
