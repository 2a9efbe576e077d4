import { isIP } from 'node:net';
import type { SignatureV4 } from '@smithy/signature-v4';
import { DEFAULT_MAX_ATTEMPTS, isTransient, withRetries } from '../aws-retries.ts';
import { awsEndpoint, awsRegion, escapeUri, fetchHeaders, sha256Hex, signatureV4 } from '../aws-signature.ts';

/*
 * S3 requests signed with Signature Version 4 and sent with the runtime's fetch: the few calls the
 * coordinator makes (presigned PUT/GET, HEAD, GET, PUT, ListObjectsV2, DELETE) without the S3 client, its
 * endpoint rule set and middleware stack (~170 KB of bundle). Header-signed requests follow the S3 client:
 * unescaped path, the payload's SHA-256 signed. Presigned URLs follow the SDK's S3 presigner:
 * UNSIGNED-PAYLOAD, `content-type` never signed, headers kept signed (not hoisted into the query) when the
 * caller says so. Endpoints follow the SDK: AWS_ENDPOINT_URL_S3, then AWS_ENDPOINT_URL, then the regional AWS
 * endpoint. Tests hold both to the SDK's output byte for byte.
 */

export interface S3SignedRequestsOptions {
  forcePathStyle: boolean;
  /** Overrides AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL (for callers that must pin one). */
  endpoint?: string;
  /** Defaults to AWS_REGION, then AWS_DEFAULT_REGION. */
  region?: string;
  /** Attempts per request, first included. */
  maxAttempts?: number;
}

export interface S3Request {
  method: 'GET' | 'PUT' | 'HEAD' | 'DELETE';
  bucket: string;
  /** The object key; empty for bucket-level calls (ListObjectsV2). */
  key: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: Uint8Array;
}

export interface PresignOptions {
  expiresInSeconds: number;
  signingDate: Date;
  /** Headers the client must send that stay signed headers instead of query parameters. */
  unhoistableHeaders?: ReadonlySet<string>;
}

/** A non-2xx answer of S3, with its HTTP status and S3 error code (e.g. NoSuchKey). */
export class S3RequestError extends Error {
  override readonly name = 'S3RequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    request: S3Request,
  ) {
    super(`S3 ${request.method} ${request.bucket}/${request.key} failed: ${status} ${code}`);
  }
}

const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
/** The S3 presigner never signs `content-type`: clients may send any. */
const UNSIGNABLE_HEADERS: ReadonlySet<string> = new Set(['content-type']);

function transient(error: unknown): boolean {
  return error instanceof S3RequestError ? isTransient(error.status, error.code) : true;
}

const VIRTUAL_HOSTABLE_BUCKET = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

export class S3SignedRequests {
  private readonly signer: SignatureV4;
  private readonly endpoint: URL;

  constructor(private readonly options: S3SignedRequestsOptions) {
    const region = awsRegion(options.region);
    this.endpoint = awsEndpoint({
      explicit: options.endpoint,
      serviceEnvironmentId: 'S3',
      endpointPrefix: 's3',
      region,
    });
    this.signer = signatureV4({ service: 's3', region, uriEscapePath: false });
  }

  /** A URL anyone can call without credentials until `expiresInSeconds` after `signingDate`. */
  async presign(request: S3Request, options: PresignOptions): Promise<string> {
    const unsigned = this.httpRequest(request);
    // Spelled as the SDK's presigner does: hoisted into the query, the spelling is part of the signature.
    unsigned.headers['X-Amz-Content-Sha256'] = UNSIGNED_PAYLOAD;
    const signed = await this.signer.presign(unsigned, {
      expiresIn: options.expiresInSeconds,
      signingDate: options.signingDate,
      unsignableHeaders: new Set(UNSIGNABLE_HEADERS),
      unhoistableHeaders: new Set(options.unhoistableHeaders ?? []),
    });
    return this.url(signed);
  }

  /**
   * Sends the request signed in its headers; rejects with S3RequestError unless S3 answers 2xx. Throttling,
   * server errors and network failures are retried (each attempt signed anew).
   */
  async send(request: S3Request): Promise<Response> {
    return withRetries(this.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, transient, () =>
      this.sendOnce(request),
    );
  }

  private async sendOnce(request: S3Request): Promise<Response> {
    const payloadHash = sha256Hex(request.body);
    const unsigned = this.httpRequest(request);
    unsigned.headers['x-amz-content-sha256'] = payloadHash;
    const signed = await this.signer.sign(unsigned);
    const response = await fetch(this.url(signed), {
      method: request.method,
      headers: fetchHeaders(signed),
      ...(request.body ? { body: request.body } : {}),
    });
    if (response.ok) return response;
    const text = request.method === 'HEAD' ? '' : await response.text();
    const code =
      /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? (response.status === 404 ? 'NotFound' : 'Unknown');
    throw new S3RequestError(response.status, code, request);
  }

  private httpRequest(request: S3Request) {
    const pathStyle =
      this.options.forcePathStyle ||
      isIP(this.endpoint.hostname) !== 0 ||
      !VIRTUAL_HOSTABLE_BUCKET.test(request.bucket);
    const hostname = pathStyle ? this.endpoint.hostname : `${request.bucket}.${this.endpoint.hostname}`;
    const port = this.endpoint.port ? Number(this.endpoint.port) : undefined;
    const base = this.endpoint.pathname.replace(/\/$/, '');
    const key = request.key.split('/').map(escapeUri).join('/');
    const path = pathStyle ? `${base}/${request.bucket}/${key}` : `${base}/${key}`;
    const headers: Record<string, string> = {
      ...request.headers,
      host: port === undefined ? hostname : `${hostname}:${port}`,
    };
    return {
      method: request.method,
      protocol: this.endpoint.protocol,
      hostname,
      ...(port === undefined ? {} : { port }),
      path,
      query: { ...request.query },
      headers,
      ...(request.body ? { body: request.body } : {}),
    };
  }

  private url(request: {
    protocol: string;
    hostname: string;
    port?: number | undefined;
    path: string;
    query?: unknown;
  }): string {
    // Sorted, as the SDK formats its URLs.
    const search = Object.entries((request.query ?? {}) as Record<string, string>)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, value]) => `${escapeUri(name)}=${escapeUri(value)}`)
      .join('&');
    const port = request.port === undefined ? '' : `:${request.port}`;
    return `${request.protocol}//${request.hostname}${port}${request.path}${search ? `?${search}` : ''}`;
  }
}
