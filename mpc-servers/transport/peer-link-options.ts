/**
 * Options shared by both ends of the peer link (`listenForPeer`, `connectToPeer`), with their defaults.
 */
import { normalizeFingerprint } from './tls-identity.ts';
import { PeerLinkError } from './peer-channel.ts';

export interface PeerLinkOptions {
  /** Both ends must serve the same job; a link for another job is refused. */
  jobId: string;
  /** This end's TLS key and certificate (PEM) and the SHA-256 fingerprint pinned for the peer's certificate. */
  tls?: { keyPem: string; certPem: string; peerFingerprint: string };
  /** Plain TCP without authentication or encryption: local development only, never the default. */
  allowPlaintext?: boolean;
  /** An `exchange` fails when no byte arrives from the peer for this long. Default 120 s. */
  silenceTimeoutMs?: number;
  /** Time a new connection gets to complete TLS and the job handshake. Default 10 s. */
  handshakeTimeoutMs?: number;
  /** Largest message accepted from the peer. Default 1 GiB. */
  maxMessageBytes?: number;
}

/**
 * TLS settings of both ends: 1.3 only, AES-128-GCM first (hardware AES makes it the fastest suite for
 * the tens of MB each round carries; the others stay acceptable).
 */
export const PEER_TLS_SETTINGS = {
  minVersion: 'TLSv1.3',
  ciphersuites: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256',
} as const;

export interface ResolvedPeerLinkOptions {
  jobId: string;
  tls: { keyPem: string; certPem: string; peerFingerprint: string } | undefined;
  silenceTimeoutMs: number;
  handshakeTimeoutMs: number;
  maxMessageBytes: number;
}

export function resolvePeerLinkOptions(options: PeerLinkOptions): ResolvedPeerLinkOptions {
  if (options.tls === undefined && options.allowPlaintext !== true) {
    throw new PeerLinkError(
      'the peer link needs a TLS identity and the pinned peer fingerprint; plaintext only with allowPlaintext',
    );
  }
  if (options.jobId.length === 0) throw new PeerLinkError('the peer link needs a job id');
  return {
    jobId: options.jobId,
    tls: options.tls && {
      ...options.tls,
      peerFingerprint: normalizeFingerprint(options.tls.peerFingerprint),
    },
    silenceTimeoutMs: options.silenceTimeoutMs ?? 120_000,
    handshakeTimeoutMs: options.handshakeTimeoutMs ?? 10_000,
    maxMessageBytes: options.maxMessageBytes ?? 1 << 30,
  };
}
