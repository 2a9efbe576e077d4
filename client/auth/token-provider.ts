/**
 * OAuth2 client-credentials tokens (RFC 6749 section 4.4) for the coordinator API: Cognito on AWS, the local
 * issuer on a developer's machine. One provider per client identity; it caches the token, renews it shortly
 * before expiry, and shares one in-flight request among concurrent callers.
 */

export interface ClientCredentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes, when the issuer wants them. */
  scope?: string;
}

export interface TokenProviderOptions extends ClientCredentials {
  /** Renew this long before the token expires, so a request never leaves with a token about to lapse. */
  renewBeforeExpiryMs?: number;
  /** Lifetime assumed when the issuer omits `expires_in`. */
  defaultLifetimeMs?: number;
  /** A token request unanswered after this long fails, rather than holding up every caller waiting on it. */
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

/** The issuer refused or answered something that is not a token. */
export class TokenError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly oauthError?: string,
  ) {
    super(message);
    this.name = 'TokenError';
  }
}

interface CachedToken {
  accessToken: string;
  renewAt: number;
}

export class TokenProvider {
  private cached: CachedToken | undefined;
  private inFlight: Promise<CachedToken> | undefined;
  private readonly renewBeforeExpiryMs: number;
  private readonly defaultLifetimeMs: number;
  private readonly requestTimeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;

  constructor(private readonly options: TokenProviderOptions) {
    this.renewBeforeExpiryMs = options.renewBeforeExpiryMs ?? 60_000;
    this.defaultLifetimeMs = options.defaultLifetimeMs ?? 300_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.fetchImpl = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
  }

  get clientId(): string {
    return this.options.clientId;
  }

  /** A valid access token, from the cache when it is still fresh. */
  async getAccessToken(): Promise<string> {
    const cached = this.cached;
    if (cached && this.now() < cached.renewAt) return cached.accessToken;
    return (await this.renew()).accessToken;
  }

  /**
   * Forget `rejectedToken` after the API answered 401 with it. Only that token is dropped: when a concurrent
   * caller already renewed, the fresh token stays.
   */
  invalidate(rejectedToken: string): void {
    if (this.cached?.accessToken === rejectedToken) this.cached = undefined;
  }

  private renew(): Promise<CachedToken> {
    // Single flight: every caller that finds the cache stale waits for the same request.
    this.inFlight ??= this.requestToken().then(
      (token) => {
        this.cached = token;
        this.inFlight = undefined;
        return token;
      },
      (error: unknown) => {
        this.inFlight = undefined;
        throw error;
      },
    );
    return this.inFlight;
  }

  private async requestToken(): Promise<CachedToken> {
    const { tokenUrl, clientId, clientSecret, scope } = this.options;
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (scope) form.set('scope', scope);
    const requestedAt = this.now();
    const response = await this.fetchImpl(tokenUrl, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basicCredentials(clientId, clientSecret)}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: form,
      signal: AbortSignal.timeout(this.requestTimeoutMs),
    });
    const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    if (!response.ok) {
      const oauthError = typeof body?.error === 'string' ? body.error : undefined;
      const description = typeof body?.error_description === 'string' ? `: ${body.error_description}` : '';
      throw new TokenError(
        `token request for ${clientId} failed with ${response.status} ${oauthError ?? ''}${description}`.trim(),
        response.status,
        oauthError,
      );
    }
    if (typeof body?.access_token !== 'string' || body.access_token === '') {
      throw new TokenError('token response carries no access_token', response.status);
    }
    const lifetimeMs = typeof body.expires_in === 'number' ? body.expires_in * 1000 : this.defaultLifetimeMs;
    // Never renew sooner than half the lifetime, so a short-lived token is not re-requested on every call.
    const skewMs = Math.min(this.renewBeforeExpiryMs, lifetimeMs / 2);
    return { accessToken: body.access_token, renewAt: requestedAt + lifetimeMs - skewMs };
  }
}

/** RFC 6749 section 2.3.1: both parts form-urlencoded before the Basic encoding. */
function basicCredentials(clientId: string, clientSecret: string): string {
  const encode = (value: string): string => encodeURIComponent(value).replace(/%20/g, '+');
  return Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64');
}
