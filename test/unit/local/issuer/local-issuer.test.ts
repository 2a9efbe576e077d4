import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalIssuer, type LocalIssuer } from '../../../../local/issuer/local-issuer.ts';
import { serveListener, type ServedListener } from '../support/serve-listener.ts';

const SECRET = 'local-dev-secret';
const ISSUER = 'http://issuer.test';

describe('local OAuth2 issuer (client credentials)', () => {
  let issuer: LocalIssuer;
  let served: ServedListener;

  beforeAll(async () => {
    issuer = await createLocalIssuer({
      issuer: ISSUER,
      clientSecret: SECRET,
      audience: 'api-audience',
      allowedScopes: ['mpc/api', 'mpc/admin'],
    });
    served = await serveListener(issuer.handleRequest);
  });
  afterAll(() => served.close());

  const basic = (id: string, secret: string): string =>
    `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

  async function tokenRequest(
    form: Record<string, string>,
    headers: Record<string, string> = {},
    origin = served.origin,
  ): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
    const response = await fetch(`${origin}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  it('issues a Cognito-shaped RS256 access token to any well-formed client id holding the secret (Basic)', async () => {
    const before = Math.floor(Date.now() / 1000);
    const answer = await tokenRequest(
      { grant_type: 'client_credentials' },
      { authorization: basic('hospital-7', SECRET) },
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const token = answer.body.access_token as string;
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', kid: issuer.jwks.keys[0]?.kid });
    const { payload } = await jwtVerify(token, createLocalJWKSet(issuer.jwks), {
      issuer: ISSUER,
      audience: 'api-audience',
    });
    expect(payload).toMatchObject({
      sub: 'hospital-7',
      client_id: 'hospital-7',
      token_use: 'access',
      scope: 'mpc/api mpc/admin',
    });
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    expect(typeof payload.jti).toBe('string');
  });

  it('accepts credentials in the form body and narrows scopes to the requested ones', async () => {
    const answer = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: 'lab-2',
      client_secret: SECRET,
      scope: 'mpc/api',
    });
    expect(answer.status).toBe(200);
    const { payload } = await jwtVerify(answer.body.access_token as string, createLocalJWKSet(issuer.jwks));
    expect(payload.scope).toBe('mpc/api');
    expect(payload.client_id).toBe('lab-2');
  });

  it('answers invalid_client 401 with a Basic challenge for a wrong secret', async () => {
    const answer = await tokenRequest(
      { grant_type: 'client_credentials' },
      { authorization: basic('hospital-7', 'nope') },
    );
    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe('invalid_client');
    expect(answer.headers.get('www-authenticate')).toMatch(/^Basic /);
  });

  it.each(['Hospital', 'has space', 'a'.repeat(65), 'under_score', ''])(
    'answers invalid_client for the client id %j',
    async (clientId) => {
      const answer = await tokenRequest({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: SECRET,
      });
      expect(answer.status).toBe(401);
      expect(answer.body.error).toBe('invalid_client');
    },
  );

  it('accepts a 64-character client id, the longest allowed', async () => {
    const answer = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: 'a'.repeat(64),
      client_secret: SECRET,
    });
    expect(answer.status).toBe(200);
  });

  it('answers unsupported_grant_type 400 for another grant', async () => {
    const answer = await tokenRequest(
      { grant_type: 'password' },
      { authorization: basic('hospital-7', SECRET) },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('unsupported_grant_type');
  });

  it('answers invalid_request 400 without grant_type, with two client authentications, or with JSON', async () => {
    const missing = await tokenRequest({}, { authorization: basic('hospital-7', SECRET) });
    expect([missing.status, missing.body.error]).toEqual([400, 'invalid_request']);
    const both = await tokenRequest(
      { grant_type: 'client_credentials', client_id: 'hospital-7', client_secret: SECRET },
      { authorization: basic('hospital-7', SECRET) },
    );
    expect([both.status, both.body.error]).toEqual([400, 'invalid_request']);
    const json = await tokenRequest(
      { grant_type: 'client_credentials' },
      { authorization: basic('hospital-7', SECRET), 'content-type': 'application/json' },
    );
    expect([json.status, json.body.error]).toEqual([400, 'invalid_request']);
  });

  it('answers invalid_scope 400 for a scope it does not know', async () => {
    const answer = await tokenRequest(
      { grant_type: 'client_credentials', scope: 'mpc/api root' },
      { authorization: basic('hospital-7', SECRET) },
    );
    expect([answer.status, answer.body.error]).toEqual([400, 'invalid_scope']);
  });

  it('answers invalid_request 400 to a token request over 64 KiB', async () => {
    const answer = await tokenRequest(
      { grant_type: 'client_credentials', padding: 'x'.repeat(64 * 1024) },
      { authorization: basic('hospital-7', SECRET) },
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'invalid_request' });
  });

  it('refuses GET on the token endpoint', async () => {
    const response = await fetch(`${served.origin}/oauth2/token`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('publishes its JWKS and OpenID configuration', async () => {
    const discovery = (await (
      await fetch(`${served.origin}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer: ISSUER,
      token_endpoint: `${ISSUER}/oauth2/token`,
      jwks_uri: `${ISSUER}/.well-known/jwks.json`,
      grant_types_supported: ['client_credentials'],
    });
    const jwks = (await (await fetch(`${served.origin}/.well-known/jwks.json`)).json()) as {
      keys: { d?: string }[];
    };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]?.d).toBeUndefined();
  });

  it('decodes form-urlencoded Basic credentials (RFC 6749 2.3.1), so secrets may hold ":" "+" "%"', async () => {
    const secret = 'a:b+c%d e';
    const special = await createLocalIssuer({
      issuer: ISSUER,
      clientSecret: secret,
      audience: 'api-audience',
      allowedScopes: [],
    });
    const server = await serveListener(special.handleRequest);
    try {
      const form = { grant_type: 'client_credentials' };
      const response = await tokenRequest(form, { authorization: basic('lab-9', secret) }, server.origin);
      expect(response.status).toBe(200);
      const raw = `lab-9:${secret}`; // not encoded: '+' decodes to a space, so the secret no longer matches
      const wrong = await tokenRequest(
        form,
        { authorization: `Basic ${Buffer.from(raw).toString('base64')}` },
        server.origin,
      );
      expect(wrong.status).toBe(401);
    } finally {
      await server.close();
    }
  });
});
