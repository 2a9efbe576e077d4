import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWTPayload,
} from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { authorizeRequest, type JwtAuthorizerConfig } from '../../../../local/http-adapter/jwt-authorizer.ts';

const ISSUER = 'http://issuer.test';
const AUDIENCE = 'api-audience';

describe('JWT verification as the HTTP API JWT authorizer does it', () => {
  let trustedKey: CryptoKey;
  let strangerKey: CryptoKey;
  let config: JwtAuthorizerConfig;

  beforeAll(async () => {
    const trusted = await generateKeyPair('RS256');
    trustedKey = trusted.privateKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    const jwk = { ...(await exportJWK(trusted.publicKey)), kid: 'trusted', alg: 'RS256' };
    config = { issuer: ISSUER, audience: [AUDIENCE], keys: createLocalJWKSet({ keys: [jwk] }) };
  });

  const now = (): number => Math.floor(Date.now() / 1000);

  function sign(claims: JWTPayload, key: CryptoKey = trustedKey): Promise<string> {
    return new SignJWT({
      iss: ISSUER,
      aud: AUDIENCE,
      client_id: 'lab-1',
      sub: 'lab-1',
      scope: 'mpc/api',
      iat: now(),
      exp: now() + 600,
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'trusted' })
      .sign(key);
  }

  it('passes a valid token and hands its claims over as strings, with its scopes', async () => {
    const token = await sign({ groups: ['a', 'b'] });
    const result = await authorizeRequest(config, `Bearer ${token}`, []);
    expect(result.authorized).toBe(true);
    if (!result.authorized) return;
    expect(result.claims.client_id).toBe('lab-1');
    expect(result.claims.exp).toMatch(/^\d+$/);
    expect(result.claims.groups).toBe('[a b]');
    expect(result.scopes).toEqual(['mpc/api']);
  });

  it('accepts the token without the Bearer prefix, as the identity source allows', async () => {
    const result = await authorizeRequest(config, await sign({}), []);
    expect(result.authorized).toBe(true);
  });

  async function expectUnauthorized(header: string | undefined, description: string): Promise<void> {
    const result = await authorizeRequest(config, header, []);
    expect(result).toMatchObject({ authorized: false, statusCode: 401, message: 'Unauthorized' });
    if (result.authorized) return;
    expect(result.wwwAuthenticate).toBe(
      `Bearer scope="" error="invalid_token" error_description="${description}"`,
    );
  }

  it('refuses a missing Authorization header', async () => {
    await expectUnauthorized(undefined, 'the token is missing');
    await expectUnauthorized('Bearer ', 'the token is missing');
  });

  it('refuses an expired token', async () => {
    await expectUnauthorized(
      `Bearer ${await sign({ iat: now() - 7200, exp: now() - 3600 })}`,
      'the token has expired',
    );
  });

  it('refuses a token that is not valid yet (nbf)', async () => {
    await expectUnauthorized(`Bearer ${await sign({ nbf: now() + 600 })}`, 'the token is not valid yet');
  });

  it('refuses a token from another issuer', async () => {
    await expectUnauthorized(
      `Bearer ${await sign({ iss: 'http://evil.test' })}`,
      'the token does not have a valid issuer',
    );
  });

  it('refuses a token for another audience, checking aud before client_id', async () => {
    const description = 'the token does not have a valid audience';
    await expectUnauthorized(`Bearer ${await sign({ aud: 'other-api' })}`, description);
    // client_id matching the audience does not rescue a wrong aud: API Gateway evaluates aud when present.
    await expectUnauthorized(`Bearer ${await sign({ aud: 'other-api', client_id: AUDIENCE })}`, description);
  });

  it('falls back to client_id when the token has no aud (Cognito access tokens)', async () => {
    const token = await sign({ aud: undefined, client_id: AUDIENCE });
    expect((await authorizeRequest(config, `Bearer ${token}`, [])).authorized).toBe(true);
    const stranger = await sign({ aud: undefined, client_id: 'someone-else' });
    await expectUnauthorized(`Bearer ${stranger}`, 'the token does not have a valid audience');
  });

  it('refuses a token signed by another key', async () => {
    await expectUnauthorized(`Bearer ${await sign({}, strangerKey)}`, 'signature is invalid');
  });

  it('refuses a tampered payload', async () => {
    const [header, , signature] = (await sign({})).split('.');
    const forged = Buffer.from(
      JSON.stringify({ iss: ISSUER, aud: AUDIENCE, client_id: 'admin', exp: now() + 60 }),
    ).toString('base64url');
    await expectUnauthorized(`Bearer ${header}.${forged}.${signature}`, 'signature is invalid');
  });

  it('refuses garbage and a symmetric algorithm', async () => {
    await expectUnauthorized('Bearer not-a-jwt', 'the token is malformed');
    const hmac = await new SignJWT({ iss: ISSUER, aud: AUDIENCE, exp: now() + 60 })
      .setProtectedHeader({ alg: 'HS256', kid: 'trusted' })
      .sign(new Uint8Array(32));
    await expectUnauthorized(`Bearer ${hmac}`, 'the token uses an unsupported algorithm');
  });

  it('answers 403 insufficient_scope when the route needs a scope the token lacks', async () => {
    const result = await authorizeRequest(config, `Bearer ${await sign({})}`, ['mpc/admin']);
    expect(result).toMatchObject({ authorized: false, statusCode: 403, message: 'Forbidden' });
    if (result.authorized) return;
    expect(result.wwwAuthenticate).toContain('error="insufficient_scope"');
    const allowed = await authorizeRequest(config, `Bearer ${await sign({ scope: 'x mpc/admin' })}`, [
      'mpc/admin',
      'y',
    ]);
    expect(allowed.authorized).toBe(true);
  });
});
