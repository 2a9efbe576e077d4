/**
 * Sealed objects on an `ObjectStore`: HPKE to the recipient's key with the AAD of a `ShareBinding`, so an
 * object copied to another key (input, job, party, recipient) does not open.
 *
 * API: `putSealed` / `getOpened`, single-shot, for input and result shares (result shares in Auth mode with
 * the server's key, `senderPrivateKey`) (dealer material is sealed the same
 * way, one object per chunk, in `runtime/dealer-envelope.ts`).
 * Reads reject with `ObjectNotFoundError` (missing) or `HpkeOpenError` (does not open), so callers can
 * report a bad share against its input.
 */
import { bindingAad, type ShareBinding } from '../../contract/crypto/aad.ts';
import { open, seal } from '../../contract/crypto/hpke.ts';
import type { ObjectStore } from '../../contract/storage/object-store.ts';

export async function putSealed(
  store: ObjectStore,
  key: string,
  plaintext: Uint8Array,
  options: { recipientPublicKey: string; binding: ShareBinding; senderPrivateKey?: Uint8Array },
): Promise<void> {
  const sealed = await seal({
    recipientPublicKey: options.recipientPublicKey,
    ...(options.senderPrivateKey && { senderPrivateKey: options.senderPrivateKey }),
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
