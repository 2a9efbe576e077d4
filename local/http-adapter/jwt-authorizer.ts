import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

export interface JwtAuthorizerConfig {
  issuer: string;
  /** A token passes when its `aud` (or, without `aud`, its `client_id`) is one of these. */
  audience: readonly string[];
  keys: JWTVerifyGetKey;
}

export type AuthorizationResult =
  | { authorized: true; claims: Record<string, string>; scopes: string[] | null }
  | {
      authorized: false;
      statusCode: 401 | 403;
      message: 'Unauthorized' | 'Forbidden';
      wwwAuthenticate: string;
    };

/**
 * Verifies a request the way the API Gateway HTTP API JWT authorizer does: token from the Authorization header
 * (bare or after "Bearer "), RSA signature from the issuer's JWKS, `iss`, audience via `aud` else `client_id`,
 * exp/nbf/iat, and at least one of the route's scopes. Failures carry API Gateway's status, body message and
 * `www-authenticate` challenge.
 */
export async function authorizeRequest(
  config: JwtAuthorizerConfig,
  authorizationHeader: string | undefined,
  requiredScopes: readonly string[],
): Promise<AuthorizationResult> {
  const token = authorizationHeader?.replace(/^Bearer\s+/i, '').trim();
  if (!token) return unauthorized('the token is missing', requiredScopes);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, config.keys, {
      issuer: config.issuer,
      algorithms: ['RS256', 'RS384', 'RS512'],
    }));
  } catch (error) {
    return unauthorized(describeVerificationError(error), requiredScopes);
  }
  if (typeof payload.iat === 'number' && payload.iat > Math.floor(Date.now() / 1000)) {
    return unauthorized('the token is not valid yet', requiredScopes);
  }
  if (!hasValidAudience(payload, config.audience)) {
    return unauthorized('the token does not have a valid audience', requiredScopes);
  }
  const tokenScopes = scopesOf(payload);
  if (requiredScopes.length > 0 && !requiredScopes.some((scope) => tokenScopes?.includes(scope))) {
    return {
      authorized: false,
      statusCode: 403,
      message: 'Forbidden',
      wwwAuthenticate: challenge(
        requiredScopes,
        'insufficient_scope',
        `expected scopes: [${requiredScopes.join(' ')}]`,
      ),
    };
  }
  return { authorized: true, claims: stringifyClaims(payload), scopes: tokenScopes };
}

function hasValidAudience(payload: JWTPayload, audience: readonly string[]): boolean {
  // API Gateway evaluates `client_id` only when `aud` is absent.
  if (payload.aud !== undefined) {
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    return audiences.some((item) => audience.includes(item));
  }
  return typeof payload.client_id === 'string' && audience.includes(payload.client_id);
}

function scopesOf(payload: JWTPayload): string[] | null {
  const raw = payload.scope ?? payload.scp;
  if (typeof raw === 'string') return raw.split(' ').filter((scope) => scope.length > 0);
  if (Array.isArray(raw)) return raw.filter((scope): scope is string => typeof scope === 'string');
  return null;
}

/** The event carries every claim as a string; arrays look like "[a b]", as API Gateway renders them. */
function stringifyClaims(payload: JWTPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (typeof value === 'string') claims[name] = value;
    else if (Array.isArray(value)) claims[name] = `[${value.map(String).join(' ')}]`;
    else if (value !== null && typeof value === 'object') claims[name] = JSON.stringify(value);
    else claims[name] = String(value);
  }
  return claims;
}

function describeVerificationError(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'the token does not have a valid issuer';
    if (error.claim === 'nbf') return 'the token is not valid yet';
    return `the token has an invalid ${error.claim} claim`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature is invalid';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no matching signing key';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token uses an unsupported algorithm';
  return 'the token is malformed';
}

function unauthorized(description: string, requiredScopes: readonly string[]): AuthorizationResult {
  return {
    authorized: false,
    statusCode: 401,
    message: 'Unauthorized',
    wwwAuthenticate: challenge(requiredScopes, 'invalid_token', description),
  };
}

function challenge(scopes: readonly string[], error: string, description: string): string {
  return `Bearer scope="${scopes.join(' ')}" error="${error}" error_description="${description}"`;
}
