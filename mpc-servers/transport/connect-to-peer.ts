/**
 * Server A's end of the peer link: connect to B, retrying with exponential backoff and jitter while B is
 * not up yet (B listens first), for a bounded time. Authentication failures (wrong pinned
 * certificate, another job, a refusal by B) are not retried: they fail at once with the reason.
 *
 * API: `connectToPeer({ host, port, connectTimeoutMs?, initialBackoffMs?, maxBackoffMs?, attemptTimeoutMs?,
 * ...PeerLinkOptions })` resolves with the `PeerChannel` or rejects with a `PeerLinkError`.
 */
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { FramedSocket } from './framed-socket.ts';
import { PeerHandshakeError, checkPinnedCertificate, handshakeAsConnector } from './peer-handshake.ts';
import {
  PEER_TLS_SETTINGS,
  resolvePeerLinkOptions,
  type PeerLinkOptions,
  type ResolvedPeerLinkOptions,
} from './peer-link-options.ts';
import { PeerLinkError, type PeerChannel } from './peer-channel.ts';
import { TcpPeerChannel } from './tcp-peer-channel.ts';

export interface ConnectOptions extends PeerLinkOptions {
  host: string;
  port: number;
  /** Total time to keep trying to reach B. Default 120 s. */
  connectTimeoutMs?: number;
  /** First retry delay, doubled per attempt up to `maxBackoffMs`. Defaults 200 ms and 5 s. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** Time one attempt gets to connect (a black-holed SYN). Default 10 s. */
  attemptTimeoutMs?: number;
}

export async function connectToPeer(options: ConnectOptions): Promise<PeerChannel> {
  const resolved = resolvePeerLinkOptions(options);
  const budget = options.connectTimeoutMs ?? 120_000;
  const initialBackoff = options.initialBackoffMs ?? 200;
  const maxBackoff = options.maxBackoffMs ?? 5_000;
  const deadline = Date.now() + budget;
  for (let attempt = 1; ; attempt++) {
    const remaining = deadline - Date.now();
    try {
      return await attemptConnection(
        options,
        resolved,
        Math.min(options.attemptTimeoutMs ?? 10_000, remaining),
      );
    } catch (error) {
      if (error instanceof PeerHandshakeError && !error.retryable) throw error;
      const delay = Math.min(maxBackoff, initialBackoff * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
      if (Date.now() + delay >= deadline) {
        throw new PeerLinkError(
          `could not reach peer B at ${options.host}:${options.port} within ${budget} ms ` +
            `(${attempt} attempts); last error: ${(error as Error).message}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

async function attemptConnection(
  target: { host: string; port: number },
  options: ResolvedPeerLinkOptions,
  timeoutMs: number,
): Promise<TcpPeerChannel> {
  const socket = await openSocket(target, options, timeoutMs);
  const framed = new FramedSocket(socket, { maxPayloadBytes: options.maxMessageBytes });
  const certificateProblem = options.tls && checkPinnedCertificate(socket, options.tls.peerFingerprint);
  if (certificateProblem !== undefined) {
    framed.fail(certificateProblem);
    throw new PeerHandshakeError(`peer B is not the pinned server: ${certificateProblem}`, false);
  }
  await handshakeAsConnector(framed, { jobId: options.jobId, timeoutMs: options.handshakeTimeoutMs });
  return new TcpPeerChannel(framed, { peer: 'B', silenceTimeoutMs: options.silenceTimeoutMs });
}

function openSocket(
  target: { host: string; port: number },
  options: ResolvedPeerLinkOptions,
  timeoutMs: number,
): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const tls = options.tls;
    const socket: Socket = tls
      ? connectTls({
          host: target.host,
          port: target.port,
          key: tls.keyPem,
          cert: tls.certPem,
          ...PEER_TLS_SETTINGS,
          // The CA check is replaced by the fingerprint pin in `checkPinnedCertificate`.
          rejectUnauthorized: false,
        })
      : connectTcp({ host: target.host, port: target.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new PeerLinkError(`connection attempt timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    const onError = (error: NodeJS.ErrnoException): void => {
      clearTimeout(timer);
      reject(new PeerLinkError(error.code ?? error.message));
    };
    socket.once('error', onError);
    socket.once(tls ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      socket.off('error', onError);
      resolve(socket);
    });
  });
}
