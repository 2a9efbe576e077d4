/**
 * A computing server's long-lived key material: its HPKE private key (opens input shares and dealer
 * material) and its TLS identity for the peer link. Stored as one JSON secret document:
 *
 *   { "version": 1, "hpkePrivateKey": "<base64url, 32 bytes>", "tls": { "keyPem": "...", "certPem": "..." } }
 *
 * API:
 * - `parseServerKeys(text, source)`: validates the document (key sizes, TLS key matches certificate) and
 *   returns `ServerKeys`; errors name the source and the field, never a value.
 * - `createServerKeyMaterial({ commonName })`: fresh material as the secret text plus the public parts
 *   (HPKE public key, TLS fingerprint) that the coordinator and the peer are configured with.
 * - `ServerKeys` prints and serializes only its public parts, so logging it leaks nothing.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { inspect } from 'node:util';
import { generateKeyPair, publicKeyFromPrivateKey } from '../../contract/crypto/hpke.ts';
import { certificateFingerprint, createTlsIdentity } from '../transport/tls-identity.ts';

export class ServerKeyError extends Error {
  override readonly name = 'ServerKeyError';
}

export class ServerKeys {
  readonly #hpkePrivateKey: Uint8Array;
  readonly #tls: { keyPem: string; certPem: string };
  /** Raw X25519 public key, base64url: what clients seal input shares to. */
  readonly hpkePublicKey: string;
  /** SHA-256 of the TLS certificate, hex: what the peer pins. */
  readonly tlsFingerprint: string;

  constructor(hpkePrivateKey: Uint8Array, tls: { keyPem: string; certPem: string }) {
    this.#hpkePrivateKey = hpkePrivateKey;
    this.#tls = tls;
    this.hpkePublicKey = publicKeyFromPrivateKey(hpkePrivateKey);
    this.tlsFingerprint = certificateFingerprint(tls.certPem);
  }

  get hpkePrivateKey(): Uint8Array {
    return this.#hpkePrivateKey;
  }

  get tls(): { keyPem: string; certPem: string } {
    return this.#tls;
  }

  toJSON(): { hpkePublicKey: string; tlsFingerprint: string } {
    return { hpkePublicKey: this.hpkePublicKey, tlsFingerprint: this.tlsFingerprint };
  }

  [inspect.custom](): string {
    return `ServerKeys ${JSON.stringify(this.toJSON())}`;
  }
}

export function parseServerKeys(text: string, source: string): ServerKeys {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new ServerKeyError(`key material in ${source} is not JSON`);
  }
  const { version, hpkePrivateKey, tls } = (document ?? {}) as Record<string, unknown>;
  if (version !== 1) throw new ServerKeyError(`key material in ${source} has unsupported version`);
  if (typeof hpkePrivateKey !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(hpkePrivateKey)) {
    throw new ServerKeyError(`hpkePrivateKey in ${source} must be 32 bytes as base64url`);
  }
  const { keyPem, certPem } = (tls ?? {}) as Record<string, unknown>;
  if (typeof keyPem !== 'string' || typeof certPem !== 'string') {
    throw new ServerKeyError(`tls.keyPem and tls.certPem in ${source} must be PEM strings`);
  }
  let matches: boolean;
  try {
    matches = new X509Certificate(certPem).checkPrivateKey(createPrivateKey(keyPem));
  } catch {
    throw new ServerKeyError(`tls.keyPem or tls.certPem in ${source} does not parse`);
  }
  if (!matches) throw new ServerKeyError(`tls.keyPem in ${source} does not belong to tls.certPem`);
  return new ServerKeys(new Uint8Array(Buffer.from(hpkePrivateKey, 'base64url')), { keyPem, certPem });
}

export async function createServerKeyMaterial(options: {
  commonName: string;
  validDays?: number;
}): Promise<{ secretText: string; hpkePublicKey: string; tlsFingerprint: string }> {
  const hpke = await generateKeyPair();
  const tls = createTlsIdentity({ commonName: options.commonName, validDays: options.validDays ?? 365 });
  const secretText = JSON.stringify({
    version: 1,
    hpkePrivateKey: Buffer.from(hpke.privateKey).toString('base64url'),
    tls: { keyPem: tls.keyPem, certPem: tls.certPem },
  });
  return { secretText, hpkePublicKey: hpke.publicKey, tlsFingerprint: tls.fingerprint };
}
