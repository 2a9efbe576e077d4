import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bindingAad, type ShareBinding } from '../../../../contract/crypto/aad.ts';
import {
  HpkeOpenError,
  generateKeyPair,
  open,
  publicKeyFromPrivateKey,
  seal,
} from '../../../../contract/crypto/hpke.ts';

const inputBinding: ShareBinding = {
  purpose: 'input-share',
  collaborationId: 'collab-1',
  inputId: 'input-1',
  party: 'A',
  declarationDigest: 'd'.repeat(64),
};

describe('hpke seal/open', () => {
  it('round-trips arbitrary plaintexts under a binding AAD', async () => {
    const keys = await generateKeyPair();
    expect(publicKeyFromPrivateKey(keys.privateKey)).toBe(keys.publicKey);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (plaintext) => {
        const aad = bindingAad(inputBinding);
        const sealed = await seal({ recipientPublicKey: keys.publicKey, plaintext, aad });
        expect(await open({ privateKey: keys.privateKey, sealed, aad })).toEqual(plaintext);
      }),
      { numRuns: 30 },
    );
  });

  it('round-trips a multi-MiB payload and seals the same plaintext differently each time', async () => {
    const keys = await generateKeyPair();
    const plaintext = new Uint8Array(randomBytes(3 << 20));
    const aad = bindingAad(inputBinding);
    const first = await seal({ recipientPublicKey: keys.publicKey, plaintext, aad });
    const second = await seal({ recipientPublicKey: keys.publicKey, plaintext, aad });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(false);
    const opened = await open({ privateKey: keys.privateKey, sealed: second, aad });
    expect(Buffer.from(opened).equals(plaintext)).toBe(true);
  });

  it('refuses the wrong private key', async () => {
    const keys = await generateKeyPair();
    const other = await generateKeyPair();
    const aad = bindingAad(inputBinding);
    const sealed = await seal({ recipientPublicKey: keys.publicKey, plaintext: new Uint8Array([1, 2]), aad });
    await expect(open({ privateKey: other.privateKey, sealed, aad })).rejects.toMatchObject({
      name: 'HpkeOpenError',
      reason: 'authentication',
    });
  });

  it.each<[string, ShareBinding]>([
    ['another input', { ...inputBinding, inputId: 'input-2' }],
    ['another collaboration', { ...inputBinding, collaborationId: 'collab-2' }],
    ['another party', { ...inputBinding, party: 'B' }],
    ['another declaration', { ...inputBinding, declarationDigest: 'e'.repeat(64) }],
    [
      'another purpose',
      { purpose: 'dealer-material', collaborationId: 'collab-1', jobId: 'input-1', party: 'A' },
    ],
  ])('refuses a share moved to %s', async (_label, moved) => {
    const keys = await generateKeyPair();
    const sealed = await seal({
      recipientPublicKey: keys.publicKey,
      plaintext: new Uint8Array([7]),
      aad: bindingAad(inputBinding),
    });
    await expect(
      open({ privateKey: keys.privateKey, sealed, aad: bindingAad(moved) }),
    ).rejects.toBeInstanceOf(HpkeOpenError);
  });

  it('Auth mode: opens only what the pinned sender sealed', async () => {
    const [recipient, sender, stranger] = await Promise.all([
      generateKeyPair(),
      generateKeyPair(),
      generateKeyPair(),
    ]);
    const aad = bindingAad(inputBinding);
    const plaintext = new Uint8Array([1, 2, 3]);
    const sealedBy = (senderPrivateKey?: Uint8Array) =>
      seal({
        recipientPublicKey: recipient.publicKey,
        plaintext,
        aad,
        ...(senderPrivateKey && { senderPrivateKey }),
      });
    const openFrom = (sealed: Uint8Array, senderPublicKey?: string) =>
      open({ privateKey: recipient.privateKey, sealed, aad, ...(senderPublicKey && { senderPublicKey }) });
    expect(await openFrom(await sealedBy(sender.privateKey), sender.publicKey)).toEqual(plaintext);
    // Another sender key, a base-mode object (anyone can make one) and an Auth object opened as base all fail.
    for (const [sealed, pin] of [
      [await sealedBy(stranger.privateKey), sender.publicKey],
      [await sealedBy(), sender.publicKey],
      [await sealedBy(sender.privateKey), undefined],
    ] as const) {
      await expect(openFrom(sealed, pin)).rejects.toMatchObject({ reason: 'authentication' });
    }
  });

  it('refuses a result share opened for another recipient or job', async () => {
    const keys = await generateKeyPair();
    const binding: ShareBinding = {
      purpose: 'result-share',
      collaborationId: 'c',
      jobId: 'j',
      party: 'B',
      recipientId: 'r1',
    };
    const sealed = await seal({
      recipientPublicKey: keys.publicKey,
      plaintext: new Uint8Array(8),
      aad: bindingAad(binding),
    });
    for (const moved of [
      { ...binding, recipientId: 'r2' },
      { ...binding, jobId: 'j2' },
    ]) {
      await expect(
        open({ privateKey: keys.privateKey, sealed, aad: bindingAad(moved) }),
      ).rejects.toBeInstanceOf(HpkeOpenError);
    }
  });

  it('binding encoding is injective across field boundaries', () => {
    const a = bindingAad({ ...inputBinding, collaborationId: 'ab', inputId: 'c' });
    const b = bindingAad({ ...inputBinding, collaborationId: 'a', inputId: 'bc' });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('detects any single flipped byte and any truncation', async () => {
    const keys = await generateKeyPair();
    const aad = bindingAad(inputBinding);
    const sealed = await seal({
      recipientPublicKey: keys.publicKey,
      plaintext: new Uint8Array(64).fill(9),
      aad,
    });
    for (let i = 0; i < sealed.length; i++) {
      const tampered = sealed.slice();
      tampered[i] = (tampered[i] as number) ^ 0x01;
      await expect(open({ privateKey: keys.privateKey, sealed: tampered, aad })).rejects.toBeInstanceOf(
        HpkeOpenError,
      );
    }
    for (const length of [0, 7, 39, 40, sealed.length - 1]) {
      await expect(
        open({ privateKey: keys.privateKey, sealed: sealed.subarray(0, length), aad }),
      ).rejects.toBeInstanceOf(HpkeOpenError);
    }
  });

  it('says why: malformed, unsupported version, or authentication', async () => {
    const keys = await generateKeyPair();
    const aad = bindingAad(inputBinding);
    const sealed = await seal({ recipientPublicKey: keys.publicKey, plaintext: new Uint8Array(4), aad });
    await expect(
      open({ privateKey: keys.privateKey, sealed: sealed.subarray(0, 10), aad }),
    ).rejects.toMatchObject({
      reason: 'malformed',
    });
    const future = sealed.slice();
    future[0] = 2;
    await expect(open({ privateKey: keys.privateKey, sealed: future, aad })).rejects.toMatchObject({
      reason: 'unsupported',
    });
  });

  it('seals single-shot envelopes (kind byte 0) and refuses every other kind as unsupported', async () => {
    const keys = await generateKeyPair();
    const aad = bindingAad(inputBinding);
    const sealed = await seal({ recipientPublicKey: keys.publicKey, plaintext: new Uint8Array(4), aad });
    expect(sealed[7]).toBe(0);
    // 1 was the retired chunked stream header.
    for (const kind of [1, 2, 255]) {
      const otherKind = sealed.slice();
      otherKind[7] = kind;
      await expect(open({ privateKey: keys.privateKey, sealed: otherKind, aad })).rejects.toMatchObject({
        reason: 'unsupported',
      });
    }
  });
});
