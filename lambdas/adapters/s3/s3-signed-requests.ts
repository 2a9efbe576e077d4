import { createHash, createHmac } from 'node:crypto';
import { isIP } from 'node:net';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';

/*
 * S3 requests signed with Signature Version 4 and sent with the runtime's fetch: the few calls the handlers
 * make (presigned PUT/GET, HEAD, GET, PUT, ListObjectsV2, DELETE) without the S3 client, its endpoint rule
 * set and middleware stack (~170 KB of bundle). Signing follows the S3 presigner of the SDK: unescaped path,
 * UNSIGNED-PAYLOAD for presigned URLs, `content-type` never signed, headers kept signed (not hoisted into the
 * query) when the caller says so. Endpoints follow the SDK: AWS_ENDPOINT_URL_S3, then AWS_ENDPOINT_URL, then
 * the regional AWS endpoint.
 */

export interface S3SignedRequestsOptions {
  forcePathStyle: boolean;
  /** Overrides AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL (for callers that must pin one). */
  endpoint?: string;
  /** Defaults to AWS_REGION, then AWS_DEFAULT_REGION. */
  region?: string;
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
const EMPTY_SHA256 = createHash('sha256').digest('hex');

/** SHA-256 / HMAC-SHA256 in the shape the signer expects, on node:crypto (no extra hashing package). */
class NodeSha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytesOf(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(bytesOf(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

function bytesOf(data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** RFC 3986 escaping, as SigV4 canonicalises (encodeURIComponent leaves !'()* alone). */
export function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

const VIRTUAL_HOSTABLE_BUCKET = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

export class S3SignedRequests {
  private readonly signer: SignatureV4;
  private readonly endpoint: URL;

  constructor(private readonly options: S3SignedRequestsOptions) {
    const region = options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
    if (!region) throw new Error('No AWS region for S3 (AWS_REGION)');
    this.endpoint = new URL(
      options.endpoint ??
        process.env.AWS_ENDPOINT_URL_S3 ??
        process.env.AWS_ENDPOINT_URL ??
        `https://s3.${region}.amazonaws.com`,
    );
    this.signer = new SignatureV4({
      credentials: defaultProvider(),
      region,
      service: 's3',
      sha256: NodeSha256,
      uriEscapePath: false,
    });
  }

  /** A URL the client can call without credentials until `expiresInSeconds` after `signingDate`. */
  async presign(request: S3Request, options: PresignOptions): Promise<string> {
    const unsigned = this.httpRequest(request);
    // Spelled as the SDK's presigner does: hoisted into the query, the spelling is part of the signature.
    unsigned.headers['X-Amz-Content-Sha256'] = UNSIGNED_PAYLOAD;
    const signed = await this.signer.presign(unsigned, {
      expiresIn: options.expiresInSeconds,
      signingDate: options.signingDate,
      unsignableHeaders: new Set(['content-type']),
      unhoistableHeaders: new Set(options.unhoistableHeaders ?? []),
    });
    return this.url(signed);
  }

  /** Sends the request signed in its headers; rejects with S3RequestError unless S3 answers 2xx. */
  async send(request: S3Request): Promise<Response> {
    const payloadHash = request.body ? createHash('sha256').update(request.body).digest('hex') : EMPTY_SHA256;
    const unsigned = this.httpRequest(request);
    unsigned.headers['x-amz-content-sha256'] = payloadHash;
    const signed = await this.signer.sign(unsigned);
    const headers = { ...(signed.headers as Record<string, string>) };
    // fetch derives these from the URL and body, to the same values that were signed.
    delete headers.host;
    delete headers['content-length'];
    const response = await fetch(this.url(signed), {
      method: request.method,
      headers,
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
