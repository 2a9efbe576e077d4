/**
 * Server B's end of the peer link: listen, authenticate the first connection that proves to be A for
 * this job, then stop listening. Connections that fail the pin or the job handshake are refused with a
 * reason and B keeps waiting.
 *
 * API: `listenForPeer({ host, port, ...PeerLinkOptions })` resolves once listening with
 * `{ port, accept({ timeoutMs? }), close() }`; `accept` resolves with the `PeerChannel` or rejects with a
 * `PeerLinkError` when A does not show up in time (default 300 s), naming the last refusals, or at once when
 * the listening server fails (an accept error) before A is accepted.
 */
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { FramedSocket } from './framed-socket.ts';
import { checkPinnedCertificate, handshakeAsListener } from './peer-handshake.ts';
import {
  PEER_TLS_SETTINGS,
  resolvePeerLinkOptions,
  type PeerLinkOptions,
  type ResolvedPeerLinkOptions,
} from './peer-link-options.ts';
import { PeerLinkError, type PeerChannel } from './peer-channel.ts';
import { TcpPeerChannel } from './tcp-peer-channel.ts';

export interface PeerListener {
  /** The bound port (useful with port 0). */
  readonly port: number;
  accept(options?: { timeoutMs?: number }): Promise<PeerChannel>;
  /** Stops listening and drops connections still in their handshake. */
  close(): Promise<void>;
}

const REFUSALS_REMEMBERED = 3;

export async function listenForPeer(
  options: PeerLinkOptions & { host: string; port: number },
): Promise<PeerListener> {
  const resolved = resolvePeerLinkOptions(options);
  const pending = new Set<Socket>();
  const refusals: string[] = [];
  let accepted: TcpPeerChannel | undefined;
  let port = options.port;
  /** Why the listener stopped before A was accepted (an error after listening). */
  let broken: string | undefined;
  let settle: { resolve(channel: PeerChannel): void; reject(error: PeerLinkError): void } | undefined;
  const remember = (refusal: string): void => {
    refusals.push(refusal);
    if (refusals.length > REFUSALS_REMEMBERED) refusals.shift();
  };

  const onConnection = (socket: Socket): void => {
    if (accepted !== undefined || broken !== undefined) {
      socket.destroy();
      return;
    }
    pending.add(socket);
    authenticate(socket, resolved).then(
      (channel) => {
        pending.delete(socket);
        if (accepted !== undefined || broken !== undefined) {
          void channel.close();
          return;
        }
        accepted = channel;
        server.close();
        settle?.resolve(channel);
      },
      (error: unknown) => {
        pending.delete(socket);
        socket.destroy();
        remember(`${socket.remoteAddress ?? '?'}: ${(error as Error).message}`);
      },
    );
  };

  const server: Server = resolved.tls
    ? createTlsServer(
        {
          key: resolved.tls.keyPem,
          cert: resolved.tls.certPem,
          ...PEER_TLS_SETTINGS,
          requestCert: true,
          // The CA check is replaced by the fingerprint pin in `checkPinnedCertificate`.
          rejectUnauthorized: false,
        },
        onConnection,
      )
    : createTcpServer(onConnection);
  // A client that aborts its TLS handshake must not take the listener down.
  server.on('tlsClientError', (error: Error) => remember(`TLS handshake failed: ${error.message}`));

  // One error handler for the listener's whole life: before listening it fails `listenForPeer`; after, it
  // fails the wait for A (an accept error must neither crash B nor leave it waiting until the timeout).
  let listening = false;
  let failListen: (error: PeerLinkError) => void = () => undefined;
  server.on('error', (error: NodeJS.ErrnoException) => {
    const why = error.code ? `${error.code} ${error.message}` : error.message;
    if (!listening) {
      failListen(new PeerLinkError(`cannot listen on ${options.host}:${options.port}: ${error.code ?? why}`));
      return;
    }
    // After acceptance the server no longer listens and the accepted link has its own handlers.
    if (accepted !== undefined || broken !== undefined) return;
    broken = `listener on port ${port} failed while waiting for peer A: ${why}`;
    for (const socket of pending) socket.destroy();
    settle?.reject(new PeerLinkError(broken));
    server.close();
  });
  await new Promise<void>((resolve, reject) => {
    failListen = reject;
    server.listen(options.port, options.host, () => {
      listening = true;
      resolve();
    });
  });
  const address = server.address();
  port = typeof address === 'object' && address !== null ? address.port : options.port;

  const acceptance = new Promise<PeerChannel>((resolve, reject) => {
    settle = { resolve, reject };
  });
  acceptance.catch(() => undefined); // observed through accept()

  return {
    port,
    async accept({ timeoutMs = 300_000 } = {}) {
      if (accepted !== undefined) return accepted;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const seen = refusals.length > 0 ? `; refused: ${refusals.join(' | ')}` : '';
          reject(new PeerLinkError(`peer A did not connect to port ${port} within ${timeoutMs} ms${seen}`));
        }, timeoutMs);
      });
      try {
        return await Promise.race([acceptance, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      for (const socket of pending) socket.destroy();
      settle?.reject(new PeerLinkError('listener closed before peer A connected'));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function authenticate(socket: Socket, options: ResolvedPeerLinkOptions): Promise<TcpPeerChannel> {
  const framed = new FramedSocket(socket, { maxPayloadBytes: options.maxMessageBytes });
  const certificateProblem = options.tls && checkPinnedCertificate(socket, options.tls.peerFingerprint);
  await handshakeAsListener(framed, {
    jobId: options.jobId,
    timeoutMs: options.handshakeTimeoutMs,
    ...(certificateProblem !== undefined && { certificateProblem }),
  });
  return new TcpPeerChannel(framed, { peer: 'A', silenceTimeoutMs: options.silenceTimeoutMs });
}
