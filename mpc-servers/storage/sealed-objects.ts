/**
 * Sealed objects on an `ObjectStore`: HPKE to the recipient's key with the AAD of a `ShareBinding`, so an
 * object copied to another key (input, job, party, recipient) does not open.
 *
 * API:
 * - `putSealed` / `getOpened`: single-shot, for input and result shares (up to tens of MiB).
 * - `putSealedStream` / `getOpenedStream`: one chunked stream per object; memory stays bounded by one chunk
 *   plus one upload part. Dealer material does not use them: it is one sealed object per chunk
 *   (`runtime/dealer-envelope.ts`).
 * Reads reject with `ObjectNotFoundError` (missing) or `HpkeOpenError` (does not open), so callers can
 * report a bad share against its input.
 */
import { bindingAad, type ShareBinding } from '../crypto/aad.ts';
import { openChunks, sealChunks } from '../crypto/chunked-hpke.ts';
import { open, seal } from '../crypto/hpke.ts';
import type { ObjectStore } from './object-store.ts';

export async function putSealed(
  store: ObjectStore,
  key: string,
  plaintext: Uint8Array,
  options: { recipientPublicKey: string; binding: ShareBinding },
): Promise<void> {
  const sealed = await seal({
    recipientPublicKey: options.recipientPublicKey,
    plaintext,
    aad: bindingAad(options.binding),
  });
  await store.putObject(key, sealed);
}

export async function getOpened(
  store: ObjectStore,
  key: string,
  options: { privateKey: Uint8Array; binding: ShareBinding },
): Promise<Uint8Array> {
  const sealed = await store.getObject(key);
  return open({ privateKey: options.privateKey, sealed, aad: bindingAad(options.binding) });
}

export async function putSealedStream(
  store: ObjectStore,
  key: string,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: { recipientPublicKey: string; binding: ShareBinding },
): Promise<void> {
  const aad = bindingAad(options.binding);
  await store.putObject(key, sealChunks(chunks, { recipientPublicKey: options.recipientPublicKey, aad }));
}

export async function* getOpenedStream(
  store: ObjectStore,
  key: string,
  options: { privateKey: Uint8Array; binding: ShareBinding; maxChunkBytes?: number },
): AsyncGenerator<Uint8Array> {
  const source = await store.getObjectStream(key);
  yield* openChunks(source, {
    privateKey: options.privateKey,
    aad: bindingAad(options.binding),
    ...(options.maxChunkBytes !== undefined && { maxChunkBytes: options.maxChunkBytes }),
  });
}
