/**
 * HPKE (RFC 9180) for input shares, dealer material and result shares: DHKEM(X25519, HKDF-SHA256),
 * HKDF-SHA256, AES-128-GCM, through `@hpke/core`: base mode, or Auth mode when the sender passes its own
 * private key and the recipient the sender's pinned public key (RFC 9180 section 5.1.3), so that only the
 * holder of that private key can make an object that opens.
 *
 * API:
 * - `generateKeyPair()`: `{ publicKey: base64url of the raw 32-byte key, privateKey: raw 32 bytes }`.
 * - `publicKeyFromPrivateKey(privateKey)`: the base64url public key matching a raw private key.
 * - `seal({ recipientPublicKey, plaintext, aad, senderPrivateKey? })`: a self-describing envelope (see
 *   below); with `senderPrivateKey`, in Auth mode.
 * - `open({ privateKey, sealed, aad, senderPublicKey? })`: the plaintext, or `HpkeOpenError` with a reason.
 *   With `senderPublicKey` only an Auth-mode object from that sender opens; a base-mode object, or one
 *   sealed with another sender key, fails as 'authentication'.
 * - `HPKE_SUITE`: the suite identifiers, for the key configs the coordinator publishes.
 *
 * Envelope v1: [version=1][kem u16][kdf u16][aead u16][kind] (8 bytes), then `enc` (32 bytes), then the
 * AEAD ciphertext. Every sealed object is single-shot (`kind` 0); any other kind does not open
 * ('unsupported'). The 8 header bytes are prepended to the caller's AAD, so a tampered header fails to open
 * like a tampered ciphertext. Payloads stay small enough to seal whole: an input share is 8 bytes per value
 * and dealer material is split into one sealed object per chunk (`runtime/dealer-envelope.ts`).
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { Aes128Gcm, AeadId, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256, KdfId, KemId } from '@hpke/core';
import { concatBytes } from './concat-bytes.ts';
import { ENC_LENGTH, ENVELOPE_KIND, ENVELOPE_VERSION, HEADER_LENGTH } from './hpke-envelope-layout.ts';

export const HPKE_SUITE = {
  kem: KemId.DhkemX25519HkdfSha256,
  kdf: KdfId.HkdfSha256,
  aead: AeadId.Aes128Gcm,
} as const;

/** HPKE `info`: separates this application's keys from any other use of the same suite. */
const HPKE_INFO = new TextEncoder().encode('mpc-coordination hpke v1');

export type HpkeOpenFailure = 'malformed' | 'unsupported' | 'authentication';

/** A sealed object that does not open: truncated or malformed, another suite, or wrong key / AAD / tampered. */
export class HpkeOpenError extends Error {
  override readonly name = 'HpkeOpenError';
  constructor(
    readonly reason: HpkeOpenFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface HpkeKeyPair {
  /** Raw X25519 public key, base64url without padding. */
  publicKey: string;
  /** Raw X25519 private key (32 bytes). Never log it. */
  privateKey: Uint8Array;
}

// Pure: a bundle that imports this module only for types or constants drops the suite.
const suite = /* @__PURE__ */ new CipherSuite({
  kem: /* @__PURE__ */ new DhkemX25519HkdfSha256(),
  kdf: /* @__PURE__ */ new HkdfSha256(),
  aead: /* @__PURE__ */ new Aes128Gcm(),
});

export async function generateKeyPair(): Promise<HpkeKeyPair> {
  const pair = await suite.kem.generateKeyPair();
  const publicKey = new Uint8Array(await suite.kem.serializePublicKey(pair.publicKey));
  const privateKey = new Uint8Array(await suite.kem.serializePrivateKey(pair.privateKey));
  return { publicKey: Buffer.from(publicKey).toString('base64url'), privateKey };
}

// PKCS#8 prefix of an X25519 private key; node:crypto derives the public key from it.
const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

export function publicKeyFromPrivateKey(privateKey: Uint8Array): string {
  if (privateKey.length !== 32) throw new RangeError('an X25519 private key is 32 bytes');
  const key = createPrivateKey({
    key: Buffer.concat([X25519_PKCS8_PREFIX, privateKey]),
    format: 'der',
    type: 'pkcs8',
  });
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('X25519 public key export failed');
  return jwk.x;
}

/** The WebCrypto key type of the suite (the project's lib has no DOM types). */
type SuiteKey = Awaited<ReturnType<typeof suite.kem.deserializePublicKey>>;

async function importPublicKey(recipientPublicKey: string): Promise<SuiteKey> {
  const raw = Buffer.from(recipientPublicKey, 'base64url');
  if (raw.length !== 32) throw new RangeError('an X25519 public key is 32 bytes (base64url)');
  return suite.kem.deserializePublicKey(raw);
}

async function importPrivateKey(privateKey: Uint8Array): Promise<SuiteKey> {
  if (privateKey.length !== 32) throw new RangeError('an X25519 private key is 32 bytes');
  return suite.kem.deserializePrivateKey(privateKey);
}

/** The sender's key pair for Auth mode (the library derives nothing then). */
async function importSenderKeyPair(
  privateKey: Uint8Array,
): Promise<{ privateKey: SuiteKey; publicKey: SuiteKey }> {
  return {
    privateKey: await importPrivateKey(privateKey),
    publicKey: await importPublicKey(publicKeyFromPrivateKey(privateKey)),
  };
}

function envelopeHeader(): Uint8Array {
  const header = new Uint8Array(HEADER_LENGTH);
  const view = new DataView(header.buffer);
  header[0] = ENVELOPE_VERSION;
  view.setUint16(1, HPKE_SUITE.kem);
  view.setUint16(3, HPKE_SUITE.kdf);
  view.setUint16(5, HPKE_SUITE.aead);
  header[7] = ENVELOPE_KIND.singleShot;
  return header;
}

/** Checks the header and returns `enc`; throws `HpkeOpenError` when the bytes are not this envelope. */
function parseEnvelopeHeader(sealed: Uint8Array): Uint8Array {
  if (sealed.length < HEADER_LENGTH + ENC_LENGTH) {
    throw new HpkeOpenError('malformed', 'sealed object is shorter than an HPKE envelope header');
  }
  const expected = envelopeHeader();
  if (sealed[0] !== ENVELOPE_VERSION) {
    throw new HpkeOpenError('unsupported', `unsupported envelope version ${sealed[0]}`);
  }
  for (let i = 1; i < HEADER_LENGTH; i++) {
    if (sealed[i] !== expected[i]) {
      throw new HpkeOpenError('unsupported', 'envelope names another HPKE suite or envelope kind');
    }
  }
  return sealed.subarray(HEADER_LENGTH, HEADER_LENGTH + ENC_LENGTH);
}

export async function seal(options: {
  recipientPublicKey: string;
  plaintext: Uint8Array;
  aad: Uint8Array;
  /** Auth mode: the sender's raw X25519 private key, which the recipient pins as its public key. */
  senderPrivateKey?: Uint8Array;
}): Promise<Uint8Array> {
  const header = envelopeHeader();
  const { ct, enc } = await suite.seal(
    {
      recipientPublicKey: await importPublicKey(options.recipientPublicKey),
      info: HPKE_INFO,
      ...(options.senderPrivateKey && { senderKey: await importSenderKeyPair(options.senderPrivateKey) }),
    },
    options.plaintext,
    concatBytes(header, options.aad),
  );
  return concatBytes(header, new Uint8Array(enc), new Uint8Array(ct));
}

export async function open(options: {
  privateKey: Uint8Array;
  sealed: Uint8Array;
  aad: Uint8Array;
  /** Auth mode: the pinned public key (base64url) of the only sender whose objects may open. */
  senderPublicKey?: string;
}): Promise<Uint8Array> {
  const enc = parseEnvelopeHeader(options.sealed);
  // Imported before the try: a malformed pin is the caller's error, not a ciphertext that fails to open.
  const senderPublicKey = options.senderPublicKey && (await importPublicKey(options.senderPublicKey));
  const header = options.sealed.subarray(0, HEADER_LENGTH);
  const ciphertext = options.sealed.subarray(HEADER_LENGTH + ENC_LENGTH);
  try {
    const plaintext = await suite.open(
      {
        recipientKey: await importPrivateKey(options.privateKey),
        enc,
        info: HPKE_INFO,
        ...(senderPublicKey && { senderPublicKey }),
      },
      ciphertext,
      concatBytes(header, options.aad),
    );
    return new Uint8Array(plaintext);
  } catch (error) {
    throw asOpenError(error);
  }
}

/** Maps library failures (bad enc point, AEAD tag mismatch) to one clear reason. */
function asOpenError(error: unknown): HpkeOpenError {
  if (error instanceof HpkeOpenError) return error;
  return new HpkeOpenError(
    'authentication',
    'sealed object does not open: wrong key, wrong binding (AAD) or tampered ciphertext',
  );
}
