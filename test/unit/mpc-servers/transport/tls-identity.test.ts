import { X509Certificate, createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { oid } from '../../../../mpc-servers/transport/der.ts';
import {
  certificateFingerprint,
  createTlsIdentity,
  normalizeFingerprint,
} from '../../../../mpc-servers/transport/tls-identity.ts';

describe('TLS identity', () => {
  it('makes a valid self-signed Ed25519 certificate matching its key, with its SHA-256 fingerprint', () => {
    const identity = createTlsIdentity({ commonName: 'mpc peer B job-7', validDays: 3 });
    const certificate = new X509Certificate(identity.certPem);
    expect(certificate.subject).toBe('CN=mpc peer B job-7');
    expect(certificate.issuer).toBe(certificate.subject);
    expect(certificate.checkPrivateKey(createPrivateKey(identity.keyPem))).toBe(true);
    expect(certificate.fingerprint256.replaceAll(':', '').toLowerCase()).toBe(identity.fingerprint);
    const lifetime = Date.parse(certificate.validTo) - Date.parse(certificate.validFrom);
    expect(lifetime).toBe(3 * 86_400_000);
    expect(certificateFingerprint(certificate.raw)).toBe(identity.fingerprint);
  });

  it('gives every identity its own key and fingerprint', () => {
    const [first, second] = [createTlsIdentity({ commonName: 'x' }), createTlsIdentity({ commonName: 'x' })];
    expect(first.fingerprint).not.toBe(second.fingerprint);
    expect(first.keyPem).not.toBe(second.keyPem);
  });

  it('normalizes openssl-style fingerprints and rejects malformed ones', () => {
    const { fingerprint } = createTlsIdentity({ commonName: 'x' });
    const colons = fingerprint.toUpperCase().match(/../g)?.join(':') ?? '';
    expect(normalizeFingerprint(colons)).toBe(fingerprint);
    expect(() => normalizeFingerprint('abcd')).toThrow(/32 bytes/);
  });

  it('encodes object identifiers with multi-byte arcs', () => {
    // 1.2.840.113549 (RSADSI) is the textbook DER example: 06 06 2a 86 48 86 f7 0d
    expect(oid('1.2.840.113549').toString('hex')).toBe('06062a864886f70d');
  });
});
