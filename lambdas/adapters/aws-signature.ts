import { createHash, createHmac } from 'node:crypto';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';

/*
 * Signature Version 4 for the adapters that call AWS without an SDK client (S3, Step Functions, EventBridge):
 * the SDK's own signer and credential chain (in Lambda bundles the environment-only provider, see
 * lambda-credentials.ts), region and endpoint resolved as the SDK does. Shared by the S3 and the AWS JSON
 * adapters.
 */

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

/** The hex SHA-256 of a payload, as `x-amz-content-sha256` wants it. */
export function sha256Hex(payload: string | Uint8Array = ''): string {
  return createHash('sha256').update(payload).digest('hex');
}

/** AWS_REGION, then AWS_DEFAULT_REGION (Lambda sets the first). */
export function awsRegion(explicit?: string): string {
  const region = explicit ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (!region) throw new Error('No AWS region (AWS_REGION)');
  return region;
}

/**
 * The service endpoint the SDK would use: an explicit one, then AWS_ENDPOINT_URL_<SERVICE_ID>, then
 * AWS_ENDPOINT_URL, then the regional AWS endpoint.
 */
export function awsEndpoint(options: {
  explicit?: string;
  serviceEnvironmentId: string;
  endpointPrefix: string;
  region: string;
}): URL {
  return new URL(
    options.explicit ??
      process.env[`AWS_ENDPOINT_URL_${options.serviceEnvironmentId}`] ??
      process.env.AWS_ENDPOINT_URL ??
      `https://${options.endpointPrefix}.${options.region}.amazonaws.com`,
  );
}

export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Signs with the default credential chain unless given fixed credentials (emulators, tests). */
export function signatureV4(options: {
  service: string;
  region: string;
  uriEscapePath: boolean;
  credentials?: StaticCredentials | undefined;
}): SignatureV4 {
  return new SignatureV4({
    service: options.service,
    region: options.region,
    uriEscapePath: options.uriEscapePath,
    credentials: options.credentials ?? defaultProvider(),
    sha256: NodeSha256,
  });
}

/**
 * The signed headers to hand to fetch: it derives `host` and `content-length` from the URL and the body, to
 * the values that were signed, and refuses to be given them.
 */
export function fetchHeaders(signed: { headers: unknown }): Record<string, string> {
  const { host: _host, 'content-length': _length, ...headers } = signed.headers as Record<string, string>;
  return headers;
}

/** RFC 3986 escaping, as SigV4 canonicalises (encodeURIComponent leaves !'()* alone). */
export function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
