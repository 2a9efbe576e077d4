import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

/**
 * Signing keys found the way API Gateway finds them: the issuer's OpenID discovery document names its
 * `jwks_uri`, whose keys are fetched and cached (jose refetches on an unknown `kid`). A failed discovery is
 * retried on the next request.
 */
export function keysFromIssuerDiscovery(issuer: string): JWTVerifyGetKey {
  let keys: Promise<JWTVerifyGetKey> | undefined;
  return async (protectedHeader, token) => {
    keys ??= discoverKeys(issuer).catch((error: unknown) => {
      keys = undefined;
      throw error;
    });
    return (await keys)(protectedHeader, token);
  };
}

async function discoverKeys(issuer: string): Promise<JWTVerifyGetKey> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`issuer discovery answered ${response.status}`);
  const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: unknown };
  if (typeof jwksUri !== 'string') throw new Error('issuer discovery has no jwks_uri');
  return createRemoteJWKSet(new URL(jwksUri));
}
