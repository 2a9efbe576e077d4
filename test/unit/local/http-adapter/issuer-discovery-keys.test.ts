import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysFromIssuerDiscovery } from '../../../../local/http-adapter/issuer-discovery-keys.ts';
import { authorizeRequest } from '../../../../local/http-adapter/jwt-authorizer.ts';
import { createLocalIssuer, type LocalIssuer } from '../../../../local/issuer/local-issuer.ts';
import { serveListener, type ServedListener } from '../support/serve-listener.ts';

describe('JWT keys through the issuer discovery document, over HTTP', () => {
  let served: ServedListener;
  let issuer: LocalIssuer | undefined;
  let available = true;
  const requested: string[] = [];

  beforeAll(async () => {
    served = await serveListener(async (request: IncomingMessage, response: ServerResponse) => {
      requested.push(request.url ?? '');
      if (!available || !issuer) return void response.writeHead(503).end();
      await issuer.handleRequest(request, response);
    });
    issuer = await createLocalIssuer({
      issuer: served.origin,
      clientSecret: 's',
      audience: 'api',
      allowedScopes: [],
    });
  });
  afterAll(() => served.close());

  const token = async (): Promise<string> =>
    (await issuer!.issueToken({ clientId: 'lab-1', clientSecret: 's', scopes: undefined })).access_token;

  it('finds the keys via jwks_uri once, then verifies from the cache', async () => {
    const config = { issuer: served.origin, audience: ['api'], keys: keysFromIssuerDiscovery(served.origin) };
    for (let round = 0; round < 3; round++) {
      expect((await authorizeRequest(config, `Bearer ${await token()}`, [])).authorized).toBe(true);
    }
    expect(requested).toEqual(['/.well-known/openid-configuration', '/.well-known/jwks.json']);
  });

  it('refuses while the issuer cannot be reached and recovers once it can', async () => {
    const config = { issuer: served.origin, audience: ['api'], keys: keysFromIssuerDiscovery(served.origin) };
    available = false;
    expect(await authorizeRequest(config, `Bearer ${await token()}`, [])).toMatchObject({
      authorized: false,
      statusCode: 401,
    });
    available = true;
    expect((await authorizeRequest(config, `Bearer ${await token()}`, [])).authorized).toBe(true);
  });
});
