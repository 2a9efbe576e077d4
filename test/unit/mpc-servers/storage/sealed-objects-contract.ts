// Sealed objects over any ObjectStore adapter: unit (in memory) and integration (S3 on s3rver).
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ShareBinding } from '../../../../contract/crypto/aad.ts';
import { HpkeOpenError, generateKeyPair, type HpkeKeyPair } from '../../../../contract/crypto/hpke.ts';
import { ObjectNotFoundError, type ObjectStore } from '../../../../contract/storage/object-store.ts';
import { getOpened, putSealed } from '../../../../mpc-servers/storage/sealed-objects.ts';

export function describeSealedObjects(name: string, makeStore: () => ObjectStore): void {
  describe(`sealed objects on ${name}`, () => {
    let keys: HpkeKeyPair;
    beforeAll(async () => {
      keys = await generateKeyPair();
    });
    const input: ShareBinding = {
      purpose: 'input-share',
      collaborationId: 'c',
      inputId: 'i1',
      party: 'B',
      declarationDigest: 'd'.repeat(64),
    };

    it('round-trips a share and refuses it under another binding (a copied object)', async () => {
      const store = makeStore();
      const share = new Uint8Array(randomBytes(4096));
      await putSealed(store, 'inputs/B/c/i1.share', share, {
        recipientPublicKey: keys.publicKey,
        binding: input,
      });
      const opened = await getOpened(store, 'inputs/B/c/i1.share', {
        privateKey: keys.privateKey,
        binding: input,
      });
      expect(Buffer.from(opened).equals(share)).toBe(true);
      await expect(
        getOpened(store, 'inputs/B/c/i1.share', {
          privateKey: keys.privateKey,
          binding: { ...input, inputId: 'i2' },
        }),
      ).rejects.toBeInstanceOf(HpkeOpenError);
      await expect(
        getOpened(store, 'inputs/B/c/missing.share', { privateKey: keys.privateKey, binding: input }),
      ).rejects.toBeInstanceOf(ObjectNotFoundError);
    });
  });
}
