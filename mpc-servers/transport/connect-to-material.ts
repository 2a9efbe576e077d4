/**
 * A server's end of the material stream: connect to the dealer (retrying while it is not listening yet,
 * for a bounded time), send the hello, open the sealed manifest the dealer answers with (`openManifest`:
 * it fails unless the pinned dealer key sealed it to this server's key) and return the proof made with the
 * material key it holds. Refusals and a manifest that does not open are not retried.
 *
 * API: `connectToMaterial(options)` resolves with the authenticated `FramedSocket`, ready for chunks.
 */
import { connect, type Socket } from 'node:net';
import type { Party } from '../../contract/party.ts';
import { FramedSocket } from './framed-socket.ts';
import { FRAME_TYPE } from './frames.ts';
import { MATERIAL_MAX_FRAME_BYTES, materialHello, materialProof } from './material-handshake.ts';
import { PeerLinkError } from './peer-channel.ts';

export interface ConnectToMaterialOptions {
  host: string;
  port: number;
  jobId: string;
  party: Party;
  /** Opens the dealer's sealed manifest and returns its material key; throws when it does not open. */
  openManifest(sealed: Uint8Array): Promise<Uint8Array>;
  /** Total time to keep trying to reach the dealer. Default 60 s. */
  connectTimeoutMs?: number;
  /** Time the dealer gets to answer each handshake step. Default 10 s. */
  handshakeTimeoutMs?: number;
}

/** The dealer refused this server, or what it sent is not acceptable: another attempt cannot help. */
export class MaterialRefusedError extends Error {
  override readonly name = 'MaterialRefusedError';
}

export async function connectToMaterial(options: ConnectToMaterialOptions): Promise<FramedSocket> {
  const budget = options.connectTimeoutMs ?? 60_000;
  const deadline = Date.now() + budget;
  for (let attempt = 1; ; attempt++) {
    let socket: Socket;
    try {
      socket = await openSocket(options, Math.min(10_000, Math.max(1, deadline - Date.now())));
    } catch (error) {
      const delay = Math.min(2_000, 50 * 2 ** (attempt - 1));
      if (Date.now() + delay >= deadline)
        throw new PeerLinkError(
          `could not reach the dealer at port ${options.port} within ${budget} ms (${attempt} attempts): ${(error as Error).message}`,
        );
      await new Promise((resolve) => setTimeout(resolve, delay));
      continue;
    }
    return handshake(new FramedSocket(socket, { maxPayloadBytes: MATERIAL_MAX_FRAME_BYTES }), options);
  }
}

async function handshake(framed: FramedSocket, options: ConnectToMaterialOptions): Promise<FramedSocket> {
  const timeoutMs = options.handshakeTimeoutMs ?? 10_000;
  await framed.send(FRAME_TYPE.hello, materialHello(options.party, options.jobId));
  const answer = await framed.next(timeoutMs, 'waiting for the dealer to answer the hello');
  if (answer.type === FRAME_TYPE.refuse) {
    framed.fail('refused');
    throw new MaterialRefusedError(`the dealer refused: ${new TextDecoder().decode(answer.payload)}`);
  }
  if (answer.type !== FRAME_TYPE.hello) {
    framed.fail('unexpected frame');
    throw new MaterialRefusedError(`the dealer answered with frame type ${answer.type}, not its manifest`);
  }
  let materialKey: Uint8Array;
  try {
    materialKey = await options.openManifest(answer.payload);
  } catch (error) {
    await framed
      .send(FRAME_TYPE.refuse, new TextEncoder().encode('the manifest does not open'))
      .catch(() => {});
    framed.fail('manifest does not open');
    throw error;
  }
  await framed.send(FRAME_TYPE.data, materialProof(materialKey, options.jobId, options.party));
  return framed;
}

function openSocket(target: { host: string; port: number }, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.host, port: target.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`connection attempt timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new Error(error.code ?? error.message));
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
  });
}
