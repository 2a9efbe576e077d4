/**
 * Per-job TLS identities for the A-B peer link, pinned by fingerprint instead of a CA.
 *
 * API:
 * - `createTlsIdentity({ commonName, validDays? })`: a fresh Ed25519 key and self-signed X.509 v3
 *   certificate (PEM) with its fingerprint.
 * - `certificateFingerprint(cert)`: SHA-256 of the certificate's DER, lowercase hex (64 chars); accepts PEM
 *   or DER bytes.
 * - `normalizeFingerprint(text)`: accepts `AB:CD:...` (as `openssl x509 -fingerprint` prints) or hex.
 *
 * Node can sign but not build certificates, and the x509 libraries on npm need a global reflect polyfill,
 * so the few DER structures of a minimal self-signed certificate are encoded here (`der.ts`); node:crypto
 * makes the key and the signature, and parses the result back as a check.
 */
import { X509Certificate, createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { bitString, contextExplicit, derInteger, oid, sequence, set, utcTime, utf8String } from './der.ts';

export interface TlsIdentity {
  /** PKCS#8 private key, PEM. Never log it. */
  keyPem: string;
  certPem: string;
  /** SHA-256 of the certificate DER, lowercase hex; what the peer pins. */
  fingerprint: string;
}

const ED25519_ALGORITHM = sequence(oid('1.3.101.112'));
const COMMON_NAME = '2.5.4.3';

export function createTlsIdentity(options: { commonName: string; validDays?: number }): TlsIdentity {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const notBefore = new Date(Date.now() - 60_000); // tolerate small clock skew between tasks
  const notAfter = new Date(notBefore.getTime() + (options.validDays ?? 2) * 86_400_000);
  const name = sequence(set(sequence(oid(COMMON_NAME), utf8String(options.commonName))));
  const serial = randomBytes(16);
  serial[0] = (serial[0] as number) & 0x7f; // positive INTEGER
  const tbs = sequence(
    contextExplicit(0, derInteger(Uint8Array.of(2))), // v3
    derInteger(serial),
    ED25519_ALGORITHM,
    name,
    sequence(utcTime(notBefore), utcTime(notAfter)),
    name,
    publicKey.export({ format: 'der', type: 'spki' }),
  );
  const der = sequence(tbs, ED25519_ALGORITHM, bitString(sign(null, tbs, privateKey)));
  const certificate = new X509Certificate(der); // throws if we encoded anything wrong
  if (!certificate.verify(publicKey)) throw new Error('self-signed certificate does not verify');
  return {
    keyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    certPem: certificate.toString(),
    fingerprint: certificateFingerprint(der),
  };
}

export function certificateFingerprint(cert: string | Uint8Array): string {
  const der = typeof cert === 'string' ? new X509Certificate(cert).raw : cert;
  return createHash('sha256').update(der).digest('hex');
}

export function normalizeFingerprint(text: string): string {
  const hex = text.replaceAll(':', '').trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('a certificate fingerprint is 32 bytes of SHA-256 in hex');
  return hex;
}
