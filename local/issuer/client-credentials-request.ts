import { OAuthError } from './oauth-error.ts';

export interface ClientCredentialsRequest {
  clientId: string;
  clientSecret: string;
  /** Requested scopes, or undefined when the `scope` parameter is absent. */
  scopes: string[] | undefined;
}

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/**
 * Parses a token request of the client-credentials grant (RFC 6749 sections 2.3.1 and 4.4). Client
 * credentials come either from HTTP Basic or from the form, never both.
 */
export function parseClientCredentialsRequest(
  contentType: string | undefined,
  authorization: string | undefined,
  body: string,
): ClientCredentialsRequest {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== FORM_CONTENT_TYPE) {
    throw new OAuthError('invalid_request', `content-type must be ${FORM_CONTENT_TYPE}`);
  }
  const form = new URLSearchParams(body);
  for (const name of new Set(form.keys())) {
    if (form.getAll(name).length > 1) throw new OAuthError('invalid_request', `parameter ${name} repeated`);
  }
  const grantType = form.get('grant_type');
  if (!grantType) throw new OAuthError('invalid_request', 'grant_type is required');
  if (grantType !== 'client_credentials') {
    throw new OAuthError('unsupported_grant_type', `grant_type ${grantType} is not supported`);
  }
  const basic = authorization ? parseBasicCredentials(authorization) : undefined;
  const formClientId = form.get('client_id');
  const formClientSecret = form.get('client_secret');
  if (basic && (formClientId !== null || formClientSecret !== null)) {
    throw new OAuthError('invalid_request', 'use either HTTP Basic or form client credentials, not both');
  }
  const clientId = basic?.clientId ?? formClientId;
  const clientSecret = basic?.clientSecret ?? formClientSecret;
  if (!clientId || clientSecret === null || clientSecret === undefined) {
    throw new OAuthError('invalid_client', 'client authentication failed');
  }
  const scope = form.get('scope');
  const scopes = scope === null ? undefined : scope.split(' ').filter((item) => item.length > 0);
  return { clientId, clientSecret, scopes };
}

/** RFC 6749 2.3.1: id and secret are form-urlencoded before being joined with ':' and base64-encoded. */
function parseBasicCredentials(authorization: string): { clientId: string; clientSecret: string } {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
  if (!match?.[1]) throw new OAuthError('invalid_client', 'malformed Basic credentials');
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) throw new OAuthError('invalid_client', 'malformed Basic credentials');
  try {
    return {
      clientId: decodeFormComponent(decoded.slice(0, separator)),
      clientSecret: decodeFormComponent(decoded.slice(separator + 1)),
    };
  } catch {
    throw new OAuthError('invalid_client', 'malformed Basic credentials');
  }
}

function decodeFormComponent(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}
