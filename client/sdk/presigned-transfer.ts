import { createHash } from 'node:crypto';
import { ensureOk } from '../http/api-error.ts';
import type { FetchFunction } from '../http/fetch-function.ts';
import type { PresignedRequest } from './api-models.ts';

/** Headers the transport sets itself from the URL and the body; sending them again can only conflict. */
const TRANSPORT_HEADERS = new Set(['host', 'content-length']);

/** What `createInput` wants declared for one sealed share: exact size and base64 SHA-256. */
export function declareShare(bytes: Uint8Array): { sizeBytes: number; sha256: string } {
  return { sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('base64') };
}

/**
 * Uploads to a presigned PUT with exactly the headers the coordinator signed (the checksum among them, so
 * storage rejects a body that is not the declared one). PUT is idempotent: the retrying fetch may repeat it.
 */
export async function putPresigned(
  request: PresignedRequest,
  body: Uint8Array,
  fetchImpl: FetchFunction,
): Promise<void> {
  if (request.method !== 'PUT') throw new Error(`expected a presigned PUT, got ${request.method}`);
  const response = await fetchImpl(request.url, { method: 'PUT', headers: signedHeaders(request), body });
  await ensureOk(response);
  await response.body?.cancel();
}

export async function getPresigned(request: PresignedRequest, fetchImpl: FetchFunction): Promise<Uint8Array> {
  if (request.method !== 'GET') throw new Error(`expected a presigned GET, got ${request.method}`);
  const response = await ensureOk(await fetchImpl(request.url, { headers: signedHeaders(request) }));
  return new Uint8Array(await response.arrayBuffer());
}

function signedHeaders(request: PresignedRequest): Record<string, string> {
  return Object.fromEntries(
    Object.entries(request.headers).filter(([name]) => !TRANSPORT_HEADERS.has(name.toLowerCase())),
  );
}
