import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SignJWT, type JSONWebKeySet } from 'jose';
import { PayloadTooLargeError, readBody, requestPath, sendJson } from '../http-adapter/http-io.ts';
import {
  parseClientCredentialsRequest,
  type ClientCredentialsRequest,
} from './client-credentials-request.ts';
import { OAuthError } from './oauth-error.ts';
import { generateSigningKey } from './signing-key.ts';

/** In local mode any client id of this shape holding the dev secret is a participant. */
export const LOCAL_CLIENT_ID_PATTERN = /^[a-z0-9-]{1,64}$/;

export const ISSUER_PATHS = {
  token: '/oauth2/token',
  jwks: '/.well-known/jwks.json',
  discovery: '/.well-known/openid-configuration',
} as const;

export function isIssuerPath(pathname: string): boolean {
  return pathname.startsWith('/oauth2/') || pathname.startsWith('/.well-known/');
}

export interface LocalIssuerOptions {
  /** The `iss` claim and the origin serving the endpoints, e.g. http://127.0.0.1:3000 */
  issuer: string;
  clientSecret: string;
  /** Written to `aud`: the API's JWT authorizer lists it as its audience. */
  audience: string;
  /** Scopes a client may request; all of them are granted when the request names none (as Cognito does). */
  allowedScopes: readonly string[];
  tokenLifetimeSeconds?: number;
}

export interface IssuedToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

export interface LocalIssuer {
  readonly issuer: string;
  readonly tokenEndpoint: string;
  readonly jwks: JSONWebKeySet;
  /** Validates client credentials and requested scopes, then signs an access token; throws OAuthError. */
  issueToken(request: ClientCredentialsRequest): Promise<IssuedToken>;
  handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void>;
}

const TOKEN_REQUEST_LIMIT_BYTES = 64 * 1024;

export async function createLocalIssuer(options: LocalIssuerOptions): Promise<LocalIssuer> {
  const key = await generateSigningKey();
  const lifetime = options.tokenLifetimeSeconds ?? 3600;
  const jwks: JSONWebKeySet = { keys: [key.publicJwk] };
  const tokenEndpoint = `${options.issuer}${ISSUER_PATHS.token}`;
  const secretDigest = sha256(options.clientSecret);

  async function issueToken(request: ClientCredentialsRequest): Promise<IssuedToken> {
    const secretMatches = timingSafeEqual(sha256(request.clientSecret), secretDigest);
    if (!LOCAL_CLIENT_ID_PATTERN.test(request.clientId) || !secretMatches) {
      throw new OAuthError('invalid_client', 'client authentication failed');
    }
    const scopes = request.scopes ?? [...options.allowedScopes];
    const unknown = scopes.filter((scope) => !options.allowedScopes.includes(scope));
    if (unknown.length > 0) throw new OAuthError('invalid_scope', `unknown scope: ${unknown.join(' ')}`);
    const now = Math.floor(Date.now() / 1000);
    // Shaped like a Cognito client-credentials access token, plus `aud` so one authorizer accepts every client.
    const accessToken = await new SignJWT({
      client_id: request.clientId,
      token_use: 'access',
      scope: scopes.join(' '),
      auth_time: now,
      version: 2,
    })
      .setProtectedHeader({ alg: 'RS256', kid: key.publicJwk.kid, typ: 'JWT' })
      .setIssuer(options.issuer)
      .setSubject(request.clientId)
      .setAudience(options.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + lifetime)
      .setJti(randomUUID())
      .sign(key.privateKey);
    return { access_token: accessToken, token_type: 'Bearer', expires_in: lifetime };
  }

  async function handleToken(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const noStore = { 'cache-control': 'no-store', pragma: 'no-cache' };
    try {
      if (request.method !== 'POST') {
        sendJson(
          response,
          405,
          { error: 'invalid_request', error_description: 'use POST' },
          { allow: 'POST' },
        );
        return;
      }
      const body = await readBody(request, TOKEN_REQUEST_LIMIT_BYTES).catch((error: unknown) => {
        throw error instanceof PayloadTooLargeError
          ? new OAuthError('invalid_request', error.message)
          : error;
      });
      const tokenRequest = parseClientCredentialsRequest(
        request.headers['content-type'],
        request.headers.authorization,
        body.toString('utf8'),
      );
      sendJson(response, 200, await issueToken(tokenRequest), noStore);
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      const challenge: Record<string, string> =
        error.code === 'invalid_client' ? { 'www-authenticate': 'Basic realm="local-issuer"' } : {};
      sendJson(response, error.status, error.toBody(), { ...noStore, ...challenge });
    }
  }

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const pathname = requestPath(request.url);
    if (pathname === ISSUER_PATHS.token) return handleToken(request, response);
    if (request.method === 'GET' && pathname === ISSUER_PATHS.jwks) return sendJson(response, 200, jwks);
    if (request.method === 'GET' && pathname === ISSUER_PATHS.discovery) {
      return sendJson(response, 200, {
        issuer: options.issuer,
        token_endpoint: tokenEndpoint,
        jwks_uri: `${options.issuer}${ISSUER_PATHS.jwks}`,
        grant_types_supported: ['client_credentials'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        id_token_signing_alg_values_supported: ['RS256'],
        scopes_supported: options.allowedScopes,
        response_types_supported: ['token'],
        subject_types_supported: ['public'],
      });
    }
    sendJson(response, 404, { message: 'Not Found' });
  }

  return { issuer: options.issuer, tokenEndpoint, jwks, issueToken, handleRequest };
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
