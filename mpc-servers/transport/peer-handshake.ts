/**
 * Authentication and the job handshake on a fresh connection, before any protocol message:
 * 1. TLS: the peer's certificate must hash to the pinned fingerprint (no CA is involved).
 * 2. Hello: A sends `{ protocol, party: 'A', jobId }`; B checks it and answers with its own hello, or with a
 *    refuse frame carrying the reason so A fails fast with a clear message instead of retrying.
 *
 * API: `checkPinnedCertificate(socket, fingerprint)`, `handshakeAsConnector`, `handshakeAsListener`; both
 * handshakes throw `PeerHandshakeError` whose `retryable` tells A whether another attempt can help.
 */
import { TLSSocket } from 'node:tls';
import type { Socket } from 'node:net';
import { certificateFingerprint } from './tls-identity.ts';
import type { FramedSocket } from './framed-socket.ts';
import { FRAME_TYPE, type Frame } from './frames.ts';
import type { Party } from '../../contract/party.ts';
import { PeerLinkError } from './peer-channel.ts';

const PROTOCOL = 'mpc-peer/1';
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

export class PeerHandshakeError extends PeerLinkError {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** Returns why the peer's certificate is not acceptable, or undefined when it matches the pin. */
export function checkPinnedCertificate(socket: Socket, pinnedFingerprint: string): string | undefined {
  if (!(socket instanceof TLSSocket)) return 'connection is not TLS';
  if (socket.getProtocol() !== 'TLSv1.3') return `TLS version ${socket.getProtocol()} is not 1.3`;
  const certificate = socket.getPeerX509Certificate();
  if (certificate === undefined) return 'peer presented no certificate';
  const fingerprint = certificateFingerprint(certificate.raw);
  if (fingerprint !== pinnedFingerprint) {
    return `peer certificate fingerprint ${fingerprint} does not match the pinned ${pinnedFingerprint}`;
  }
  return undefined;
}

function hello(party: Party, jobId: string): Uint8Array {
  return utf8.encode(JSON.stringify({ protocol: PROTOCOL, party, jobId }));
}

/** Returns why a hello is not acceptable, or undefined. */
function checkHello(frame: Frame, expectedParty: Party, jobId: string): string | undefined {
  if (frame.type !== FRAME_TYPE.hello) return `expected a hello frame, got type ${frame.type}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromUtf8.decode(frame.payload));
  } catch {
    return 'malformed hello';
  }
  const { protocol, party, jobId: peerJobId } = (parsed ?? {}) as Record<string, unknown>;
  if (protocol !== PROTOCOL) return `peer speaks ${String(protocol)}, expected ${PROTOCOL}`;
  if (party !== expectedParty) return `peer says it is party ${String(party)}, expected ${expectedParty}`;
  if (peerJobId !== jobId) return `job mismatch: peer serves job ${String(peerJobId)}, this end job ${jobId}`;
  return undefined;
}

export async function handshakeAsConnector(
  framed: FramedSocket,
  options: { jobId: string; timeoutMs: number },
): Promise<void> {
  let reply: Frame;
  try {
    await framed.send(FRAME_TYPE.hello, hello('A', options.jobId));
    reply = await framed.next(options.timeoutMs, 'waiting for the hello of peer B');
  } catch (error) {
    // B went away mid-handshake (e.g. restarting): another attempt may succeed.
    throw new PeerHandshakeError((error as Error).message, true);
  }
  if (reply.type === FRAME_TYPE.refuse) {
    framed.fail('refused');
    throw new PeerHandshakeError(`peer B refused the link: ${fromUtf8.decode(reply.payload)}`, false);
  }
  const problem = checkHello(reply, 'B', options.jobId);
  if (problem !== undefined) {
    framed.fail(problem);
    throw new PeerHandshakeError(`peer B is not acceptable: ${problem}`, false);
  }
}

export async function handshakeAsListener(
  framed: FramedSocket,
  options: { jobId: string; timeoutMs: number; certificateProblem?: string },
): Promise<void> {
  if (options.certificateProblem !== undefined) return refuse(framed, options.certificateProblem);
  const frame = await framed.next(options.timeoutMs, 'waiting for the hello of peer A');
  const problem = checkHello(frame, 'A', options.jobId);
  if (problem !== undefined) return refuse(framed, problem);
  await framed.send(FRAME_TYPE.hello, hello('B', options.jobId));
}

async function refuse(framed: FramedSocket, reason: string): Promise<never> {
  await framed.send(FRAME_TYPE.refuse, utf8.encode(reason)).catch(() => undefined);
  await framed.end(500);
  throw new PeerHandshakeError(reason, false);
}
