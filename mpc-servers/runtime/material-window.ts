import type { FramedSocket } from '../transport/framed-socket.ts';
import { FRAME_TYPE } from '../transport/frames.ts';
import type { Party } from '../../contract/party.ts';
import { JobFailure } from './failure.ts';

/** The connection a window writes to: the parts of `FramedSocket` it uses (unit tests fake it). */
export type MaterialConnection = Pick<FramedSocket, 'send' | 'next' | 'fail' | 'end'>;

/** Default bytes of sealed material the dealer holds for one server that the server has not taken yet. */
export const MATERIAL_WINDOW_BYTES = 128 * 1024 * 1024;

/**
 * The dealer's outgoing material for one server: chunks queue here until the connection takes them, and
 * `push` waits while the queue holds `windowBytes` (or one chunk, if a chunk alone is larger), so the
 * dealer never holds more than that for a server that is slow, still starting or not connected yet. The
 * socket takes a chunk only as the server reads (`FramedSocket.send` waits for drain; the server reads a
 * chunk ahead of the one it computes), so the window is what the dealer runs ahead of that server.
 * A broken connection fails every later call with SERVER_LOST.
 */
export class MaterialWindow {
  private readonly queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private connection: MaterialConnection | undefined;
  private pumping = false;
  private failure: JobFailure | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly party: Party,
    private readonly windowBytes = MATERIAL_WINDOW_BYTES,
  ) {}

  /** Bytes queued and not yet taken by the connection. */
  get heldBytes(): number {
    return this.queuedBytes;
  }

  attach(connection: MaterialConnection): void {
    this.connection = connection;
    void this.pump();
  }

  /** Queues one sealed chunk; resolves once the queue has room for the next. */
  async push(sealed: Uint8Array): Promise<void> {
    this.check();
    this.queue.push(sealed);
    this.queuedBytes += sealed.byteLength;
    void this.pump();
    while (this.queuedBytes > this.windowBytes - sealed.byteLength && this.queue.length > 0) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.check();
    }
  }

  /** Resolves once the server took every chunk and said goodbye (it read the last one). */
  async finish(silenceMs: number): Promise<void> {
    while (this.queue.length > 0 || this.pumping || this.connection === undefined) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.check();
    }
    this.check();
    let frame;
    try {
      frame = await this.connection.next(
        silenceMs,
        `waiting for server ${this.party} to read its last chunk`,
      );
    } catch (error) {
      throw this.lost((error as Error).message);
    }
    if (frame.type !== FRAME_TYPE.goodbye)
      throw this.lost(`server ${this.party} sent frame type ${frame.type} instead of its goodbye`);
    await this.connection.end(1_000).catch(() => undefined);
  }

  /** Ends the stream with a reason the server reads (best effort: the dealer is failing). */
  async abort(reason: string): Promise<void> {
    this.failure ??= new JobFailure('SERVER_LOST', reason);
    this.queue.length = 0;
    this.wake?.();
    const connection = this.connection;
    if (!connection) return;
    await connection.send(FRAME_TYPE.refuse, new TextEncoder().encode(reason)).catch(() => undefined);
    await connection.end(1_000).catch(() => undefined);
  }

  /** Fails the window without a connection ever arriving (the listener gave up). */
  fail(reason: string): void {
    this.failure ??= this.lost(reason);
    this.wake?.();
  }

  private async pump(): Promise<void> {
    if (this.pumping || !this.connection) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0 && this.failure === undefined) {
        const sealed = this.queue[0]!;
        await this.connection.send(FRAME_TYPE.data, sealed);
        this.queue.shift();
        this.queuedBytes -= sealed.byteLength;
        this.wake?.();
      }
    } catch (error) {
      this.failure ??= this.lost((error as Error).message);
    } finally {
      this.pumping = false;
      this.wake?.();
    }
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private lost(why: string): JobFailure {
    return new JobFailure('SERVER_LOST', `the material stream to server ${this.party} broke: ${why}`);
  }
}
