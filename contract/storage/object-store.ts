/**
 * Port: the object storage the dealer and the servers read and write (input shares, dealer material, job
 * descriptions, result shares). One store is bound to one bucket. Adapters: `S3ObjectStore` (AWS SDK v3)
 * and `InMemoryObjectStore` (tests).
 *
 * - `getObject(key)`: the object's bytes; rejects with `ObjectNotFoundError` when the key does not exist.
 * - `putObject(key, body)`: the whole object in one write. Every object is small enough for that: sealed
 *   objects are single-shot and dealer material is one object per chunk (see `docs/protocol.md`, Formats).
 * - `listKeys(prefix)`, `deleteKeys(prefix)` (returns how many were deleted), `exists(key)`.
 */
import { joinBytes } from '../crypto/concat-bytes.ts';

export interface ObjectStore {
  getObject(key: string): Promise<Uint8Array>;
  putObject(key: string, body: Uint8Array, options?: { contentType?: string }): Promise<void>;
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

/** Reads a response body that arrives in chunks (an S3 GetObject body) into one buffer. */
export async function collectBytes(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  if (parts.length === 1) return parts[0] as Uint8Array;
  // One copy: Buffer.concat and then a Uint8Array of it would allocate and copy the object twice.
  return joinBytes(parts);
}
