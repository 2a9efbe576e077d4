/**
 * Port: the object storage the dealer and the servers read and write (input shares, dealer material, job
 * descriptions, result shares). One store is bound to one bucket. Adapters: `S3ObjectStore` (AWS SDK v3)
 * and `InMemoryObjectStore` (tests).
 *
 * - `getObject(key)` / `getObjectStream(key)`: bytes, or a stream of chunks for large objects; both reject
 *   with `ObjectNotFoundError` when the key does not exist.
 * - `putObject(key, body)`: bytes, or any (async) iterable of chunks, uploaded in parts when large so
 *   memory stays bounded by one part.
 * - `listKeys(prefix)`, `deleteKeys(prefix)` (returns how many were deleted), `exists(key)`.
 */
import { joinBytes } from '../crypto/concat-bytes.ts';

export type ObjectBody = Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface ObjectStore {
  getObject(key: string): Promise<Uint8Array>;
  getObjectStream(key: string): Promise<AsyncIterable<Uint8Array>>;
  putObject(key: string, body: ObjectBody, options?: { contentType?: string }): Promise<void>;
  listKeys(prefix: string): Promise<string[]>;
  deleteKeys(prefix: string): Promise<number>;
  exists(key: string): Promise<boolean>;
}

export class ObjectNotFoundError extends Error {
  override readonly name = 'ObjectNotFoundError';
  constructor(readonly key: string) {
    super(`object not found: ${key}`);
  }
}

/** Reads a whole stream into one buffer (for objects known to be small). */
export async function collectBytes(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  if (parts.length === 1) return parts[0] as Uint8Array;
  // One copy: Buffer.concat and then a Uint8Array of it would allocate and copy the object twice.
  return joinBytes(parts);
}
