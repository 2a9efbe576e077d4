import { createHash, createHmac } from 'node:crypto';

/*
 * An independent check of a SigV4 presigned S3 URL, written from the AWS Signature Version 4 specification:
 * it rebuilds the canonical request from the URL and the headers the client will send, and gives the
 * signature S3 would compute for them. Test support only: the adapters sign with the SDK.
 */

const escape = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');
const hmac = (key: string | Buffer, value: string) => createHmac('sha256', key).update(value).digest();

/** The URL's query as sent: names and values decoded, in their order. */
export function rawQuery(url: string): [string, string][] {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  return query
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [name = '', value = ''] = pair.split('=');
      return [decodeURIComponent(name), decodeURIComponent(value)];
    });
}

/**
 * The signature S3 computes for a request to `url` with `headers`; equal to the URL's X-Amz-Signature
 * exactly when S3 accepts the request.
 */
export function signatureS3Computes(
  url: string,
  method: 'PUT' | 'GET',
  headers: Record<string, string>,
  secretAccessKey: string,
): string {
  const origin = /^https?:\/\/[^/]+/.exec(url)?.[0] ?? '';
  // The path exactly as sent, not as URL parsing would normalise it.
  const path = url.slice(origin.length, url.includes('?') ? url.indexOf('?') : undefined) || '/';
  const query = new Map(rawQuery(url));
  const signedHeaders = (query.get('X-Amz-SignedHeaders') ?? '').split(';');
  const sent: Record<string, string> = { host: new URL(url).host };
  for (const [name, value] of Object.entries(headers)) sent[name.toLowerCase()] = value;
  const canonicalQuery = [...query]
    .filter(([name]) => name !== 'X-Amz-Signature')
    .map(([name, value]) => [escape(name), escape(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${(sent[name] ?? '').trim()}\n`).join('');
  const canonicalRequest = [
    method,
    path,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders.join(';'),
    'UNSIGNED-PAYLOAD',
  ].join('\n');
  const [, day = '', region = '', service = ''] = (query.get('X-Amz-Credential') ?? '').split('/');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', query.get('X-Amz-Date'), scope, sha256Hex(canonicalRequest)].join(
    '\n',
  );
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, day), region), service), 'aws4_request');
  return hmac(key, stringToSign).toString('hex');
}
