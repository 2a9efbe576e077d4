import { randomUUID } from 'node:crypto';
import createClient from 'openapi-fetch';
import { withBearerToken } from '../auth/bearer-fetch.ts';
import { TokenProvider } from '../auth/token-provider.ts';
import { ApiError } from '../http/api-error.ts';
import { createRetryingFetch } from '../http/retrying-fetch.ts';
import type { RetryOptions } from '../http/retrying-fetch.ts';
import type { FetchFunction } from '../http/fetch-function.ts';
import type { paths } from '../../contract/generated/api-types.generated.ts';
import type {
  Collaboration,
  CollaborationPage,
  ComputationServer,
  CreateCollaborationRequest,
  CreateInputRequest,
  Input,
  InputUpload,
  JoinCollaborationRequest,
  Participation,
  ResultPending,
  ResultReady,
} from './api-models.ts';

export interface MpcClientOptions {
  /** The API's base URL, e.g. http://127.0.0.1:3000 (paths start with /v1). */
  apiUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  retry?: Omit<RetryOptions, 'fetch'>;
  /** The transport under retries and tokens; defaults to global fetch. */
  fetch?: FetchFunction;
}

export interface CreateOptions {
  /** Reuse a key to make a repeated call (for instance after a crash) return the first answer. */
  idempotencyKey?: string;
}

export type ListCollaborationsQuery = NonNullable<paths['/v1/collaborations']['get']['parameters']['query']>;

/** `getCollaboration` with the server's hint of how long to wait before asking again. */
export interface CollaborationWithHint {
  collaboration: Collaboration;
  retryAfterSeconds?: number;
}

export type ResultAnswer = ({ ready: true } & ResultReady) | ({ ready: false } & ResultPending);

/**
 * The coordinator API, one method per operation of `openapi.yml`, with OAuth2 tokens (renewed before expiry
 * and once after a 401), retries on 429/5xx honouring `Retry-After`, and an Idempotency-Key on every call
 * that creates something. Failures throw `ApiError` with the problem details.
 */
export class MpcClient {
  readonly clientId: string;
  readonly tokens: TokenProvider;
  /** Retries without tokens: for presigned storage URLs, which must not receive the API's bearer token. */
  readonly storageFetch: FetchFunction;
  private readonly api: ReturnType<typeof createClient<paths>>;

  constructor(options: MpcClientOptions) {
    this.clientId = options.clientId;
    this.tokens = new TokenProvider({
      tokenUrl: options.tokenUrl,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      scope: options.scope,
      fetch: options.fetch,
    });
    const transport = options.fetch ?? fetch;
    const apiFetch = createRetryingFetch({
      ...options.retry,
      fetch: withBearerToken(this.tokens, transport),
    });
    this.storageFetch = createRetryingFetch({ ...options.retry, fetch: transport });
    this.api = createClient<paths>({ baseUrl: options.apiUrl.replace(/\/+$/, ''), fetch: apiFetch });
  }

  /** From `MPC_API_URL`, `MPC_TOKEN_URL`, `MPC_CLIENT_ID` and `MPC_CLIENT_SECRET`. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env, overrides: Partial<MpcClientOptions> = {}): MpcClient {
    const read = (name: string): string => {
      const value = env[name];
      if (!value) throw new Error(`${name} is not set`);
      return value;
    };
    return new MpcClient({
      apiUrl: overrides.apiUrl ?? read('MPC_API_URL'),
      tokenUrl: overrides.tokenUrl ?? read('MPC_TOKEN_URL'),
      clientId: overrides.clientId ?? read('MPC_CLIENT_ID'),
      clientSecret: overrides.clientSecret ?? read('MPC_CLIENT_SECRET'),
      ...overrides,
    });
  }

  async getHealth(): Promise<{ status: 'ok' }> {
    return unwrap(await this.api.GET('/v1/health'));
  }

  async listComputationServers(): Promise<ComputationServer[]> {
    return unwrap(await this.api.GET('/v1/computation-servers')).servers;
  }

  async createCollaboration(
    request: CreateCollaborationRequest,
    options: CreateOptions = {},
  ): Promise<Collaboration> {
    return unwrap(
      await this.api.POST('/v1/collaborations', {
        params: { header: { 'Idempotency-Key': idempotencyKey(options) } },
        body: request,
      }),
    );
  }

  async listCollaborations(query: ListCollaborationsQuery = {}): Promise<CollaborationPage> {
    return unwrap(await this.api.GET('/v1/collaborations', { params: { query } }));
  }

  /** Every collaboration matching `query`, following `nextToken` page after page. */
  async *collaborations(
    query: Omit<ListCollaborationsQuery, 'nextToken'> = {},
  ): AsyncGenerator<Collaboration> {
    let nextToken: string | undefined;
    do {
      const page = await this.listCollaborations({ ...query, ...(nextToken ? { nextToken } : {}) });
      yield* page.items;
      nextToken = page.nextToken;
    } while (nextToken);
  }

  async getCollaboration(collaborationId: string): Promise<Collaboration> {
    return (await this.getCollaborationWithHint(collaborationId)).collaboration;
  }

  async getCollaborationWithHint(collaborationId: string): Promise<CollaborationWithHint> {
    const answer = await this.api.GET('/v1/collaborations/{collaborationId}', {
      params: { path: { collaborationId } },
    });
    const retryAfter = Number(answer.response.headers.get('retry-after') ?? Number.NaN);
    return {
      collaboration: unwrap(answer),
      ...(Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}),
    };
  }

  async cancelCollaboration(collaborationId: string): Promise<Collaboration> {
    return unwrap(
      await this.api.DELETE('/v1/collaborations/{collaborationId}', {
        params: { path: { collaborationId } },
      }),
    );
  }

  async joinCollaboration(
    collaborationId: string,
    request: JoinCollaborationRequest,
    options: CreateOptions = {},
  ): Promise<Participation> {
    return unwrap(
      await this.api.POST('/v1/collaborations/{collaborationId}/participants', {
        params: { path: { collaborationId }, header: { 'Idempotency-Key': idempotencyKey(options) } },
        body: request,
      }),
    );
  }

  async getMyParticipation(collaborationId: string): Promise<Participation> {
    return unwrap(
      await this.api.GET('/v1/collaborations/{collaborationId}/participants/me', {
        params: { path: { collaborationId } },
      }),
    );
  }

  async finishParticipation(collaborationId: string): Promise<Participation> {
    return unwrap(
      await this.api.POST('/v1/collaborations/{collaborationId}/participants/me/finish', {
        // Finishing is idempotent on the server; the key lets the retry layer repeat it safely.
        params: { path: { collaborationId } },
        headers: { 'Idempotency-Key': randomUUID() },
      }),
    );
  }

  async createInput(
    collaborationId: string,
    request: CreateInputRequest,
    options: CreateOptions = {},
  ): Promise<InputUpload> {
    return unwrap(
      await this.api.POST('/v1/collaborations/{collaborationId}/inputs', {
        params: { path: { collaborationId }, header: { 'Idempotency-Key': idempotencyKey(options) } },
        body: request,
      }),
    );
  }

  async completeInput(collaborationId: string, inputId: string): Promise<Input> {
    return unwrap(
      await this.api.POST('/v1/collaborations/{collaborationId}/inputs/{inputId}/complete', {
        // Completing counts an input once whatever the repeats (spec: idempotent), so it may be retried.
        params: { path: { collaborationId, inputId } },
        headers: { 'Idempotency-Key': randomUUID() },
      }),
    );
  }

  /** The caller's sealed result shares when ready, else the status and how long to wait. */
  async getResult(collaborationId: string): Promise<ResultAnswer> {
    const answer = await this.api.GET('/v1/collaborations/{collaborationId}/result', {
      params: { path: { collaborationId } },
    });
    const body = unwrap(answer);
    return answer.response.status === 202
      ? { ready: false, ...(body as ResultPending) }
      : { ready: true, ...(body as ResultReady) };
  }
}

function idempotencyKey(options: CreateOptions): string {
  return options.idempotencyKey ?? randomUUID();
}

/** The answer's data, or its problem details thrown as `ApiError`. */
function unwrap<Data>(answer: { data?: Data; error?: unknown; response: Response }): Data {
  if (answer.response.ok && answer.data !== undefined) return answer.data;
  if (answer.response.ok) throw ApiError.fromBody(answer.response, 'empty response body');
  throw ApiError.fromBody(answer.response, answer.error);
}
