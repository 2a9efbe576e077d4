/**
 * The dealer's end of the material stream: listen, and for each server complete the handshake of
 * `material-handshake.ts` (hello, sealed manifest, proof). A connection that fails it is refused with the
 * reason, logged (address and reason, never key material) and dropped; the dealer keeps listening until
 * both servers are connected, then stops listening.
 *
 * API: `serveMaterial(options)` resolves once listening with `{ port, connection(party), close() }`;
 * `connection(party)` resolves with that server's authenticated `FramedSocket` (the caller bounds the wait).
 */
import { createServer, type Socket } from 'node:net';
import type { Party } from '../../contract/party.ts';
import { FramedSocket } from './framed-socket.ts';
import { FRAME_TYPE } from './frames.ts';
import {
  MATERIAL_MAX_FRAME_BYTES,
  materialProof,
  proofMatches,
  readMaterialHello,
} from './material-handshake.ts';
import { PeerLinkError } from './peer-channel.ts';

export interface MaterialOffer {
  /** The party's manifest, HPKE Auth-sealed to its key: sent in answer to its hello. */
  sealedManifest: Uint8Array;
  /** The material key inside it: the server's proof must be made with it. */
  materialKey: Uint8Array;
}

export interface ServeMaterialOptions {
  jobId: string;
  host: string;
  /** 0: any free port. */
  port: number;
  offers: Record<Party, MaterialOffer>;
  /** Time a new connection gets for the whole handshake. Default 10 s. */
  handshakeTimeoutMs?: number;
  log?: (message: string) => void;
}

export interface MaterialListener {
  readonly port: number;
  connection(party: Party): Promise<FramedSocket>;
  /** Stops listening and drops connections still in their handshake. */
  close(): Promise<void>;
}

export async function serveMaterial(options: ServeMaterialOptions): Promise<MaterialListener> {
  const timeoutMs = options.handshakeTimeoutMs ?? 10_000;
  const log = options.log ?? (() => undefined);
  const pending = new Set<Socket>();
  const accepted: Partial<Record<Party, FramedSocket>> = {};
  const waiting = new Map<Party, (framed: FramedSocket) => void>();
  const connected = {} as Record<Party, Promise<FramedSocket>>;
  for (const party of ['A', 'B'] as const)
    connected[party] = new Promise((resolve) => waiting.set(party, resolve));

  const server = createServer((socket) => {
    pending.add(socket);
    const framed = new FramedSocket(socket, { maxPayloadBytes: MATERIAL_MAX_FRAME_BYTES });
    const from = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    handshake(framed).then(
      (party) => {
        pending.delete(socket);
        accepted[party] = framed;
        waiting.get(party)?.(framed);
        log(`material stream: server ${party} connected from ${from}`);
        if (accepted.A && accepted.B) server.close();
      },
      (error: unknown) => {
        pending.delete(socket);
        log(`material stream: refused a connection from ${from}: ${(error as Error).message}`);
      },
    );
  });

  async function handshake(framed: FramedSocket): Promise<Party> {
    const hello = readMaterialHello(
      await framed.next(timeoutMs, 'waiting for a server hello'),
      options.jobId,
    );
    if ('problem' in hello) return refuse(framed, hello.problem);
    const { party } = hello;
    if (accepted[party]) return refuse(framed, `server ${party} is already connected`);
    const offer = options.offers[party];
    await framed.send(FRAME_TYPE.hello, offer.sealedManifest);
    const proof = await framed.next(timeoutMs, `waiting for the proof of server ${party}`);
    if (!proofMatches(materialProof(offer.materialKey, options.jobId, party), proof))
      return refuse(framed, `the proof of server ${party} does not verify (not its pinned key)`);
    if (accepted[party]) return refuse(framed, `server ${party} is already connected`);
    return party;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new PeerLinkError(`cannot listen on ${options.host}:${options.port}: ${error.code ?? error.message}`),
      ),
    );
    server.listen(options.port, options.host, () => resolve());
  });
  server.on('error', (error: Error) => log(`material stream: listener error: ${error.message}`));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    port,
    connection: (party) => connected[party],
    async close() {
      for (const socket of pending) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function refuse(framed: FramedSocket, reason: string): Promise<never> {
  await framed.send(FRAME_TYPE.refuse, new TextEncoder().encode(reason)).catch(() => undefined);
  await framed.end(500);
  throw new PeerLinkError(reason);
}
