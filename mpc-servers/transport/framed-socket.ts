/**
 * A TCP or TLS socket carrying frames (`frames.ts`): pull-style `next()` with a silence timeout that
 * restarts whenever bytes arrive (so a large message streaming in slowly is not "silent"), `send()` that
 * honours write backpressure, and one sticky failure that rejects every pending and later call with a
 * `PeerLinkError` saying what was being waited for.
 */
import type { Socket } from 'node:net';
import { FRAME_TYPE, FrameDecoder, frameHeader, type Frame, type FrameType } from './frames.ts';
import { PeerLinkError } from './peer-channel.ts';

/** Frames read ahead of `next()` before reading pauses; the channel mux pulls them while a round waits. */
const MAX_QUEUED_FRAMES = 2;

interface Waiter {
  resolve(frame: Frame): void;
  reject(error: PeerLinkError): void;
  what: string;
  timer: NodeJS.Timeout;
}

export class FramedSocket {
  private readonly queue: Frame[] = [];
  private readonly decoder: FrameDecoder;
  private waiter: Waiter | undefined;
  private failure: string | undefined;
  private readonly failureListeners = new Set<(reason: string) => void>();
  private readonly closed: Promise<void>;
  private drain: Promise<void> | undefined;

  constructor(
    readonly socket: Socket,
    options: { maxPayloadBytes: number },
  ) {
    this.decoder = new FrameDecoder(options.maxPayloadBytes, (frame) => this.enqueue(frame));
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 10_000);
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      this.fail(`link lost: ${error.code ? `${error.code} ` : ''}${error.message}`),
    );
    socket.on('end', () => this.fail('connection closed by the peer'));
    socket.on('close', () => this.fail('connection closed'));
  }

  /** The next frame, or a `PeerLinkError` when the link fails or no byte arrives for `silenceMs`. */
  next(silenceMs: number, what: string): Promise<Frame> {
    const queued = this.queue.shift();
    if (queued !== undefined) {
      if (this.queue.length < MAX_QUEUED_FRAMES) this.socket.resume();
      return Promise.resolve(queued);
    }
    if (this.failure !== undefined) return Promise.reject(this.errorFor(what));
    if (this.waiter !== undefined)
      return Promise.reject(new PeerLinkError('concurrent reads on the peer link'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail(`peer silent for ${silenceMs} ms (timeout)`), silenceMs);
      this.waiter = { resolve, reject, what, timer };
    });
  }

  /**
   * Writes one frame whose payload is the parts in order (a small header part need not be copied before a
   * large message); resolves once the socket accepted it without exceeding its buffer.
   */
  async send(type: FrameType, ...payload: Uint8Array[]): Promise<void> {
    if (this.failure !== undefined) throw this.errorFor(`sending a ${frameName(type)} frame`);
    this.socket.cork();
    this.socket.write(
      frameHeader(
        type,
        payload.reduce((length, part) => length + part.length, 0),
      ),
    );
    let flushed = true;
    for (const part of payload) if (part.length > 0) flushed = this.socket.write(part);
    this.socket.uncork();
    if (flushed) return;
    await this.drained(`sending a ${frameName(type)} frame`);
  }

  /** One wait for the socket's buffer to drain, shared by every send that filled it. */
  private drained(what: string): Promise<void> {
    this.drain ??= new Promise<void>((resolve, reject) => {
      const onFailure = (): void => {
        this.socket.off('drain', onDrain);
        this.drain = undefined;
        reject(this.errorFor(what));
      };
      const onDrain = (): void => {
        this.failureListeners.delete(onFailure);
        this.drain = undefined;
        resolve();
      };
      this.socket.once('drain', onDrain);
      this.failureListeners.add(onFailure);
      if (this.failure !== undefined) onFailure();
    });
    return this.drain;
  }

  /** Ends the connection gracefully, destroying it if the peer does not close within `graceMs`. */
  async end(graceMs = 2_000): Promise<void> {
    this.failure ??= 'link closed locally';
    this.socket.end();
    const timer = setTimeout(() => this.socket.destroy(), graceMs);
    await this.closed;
    clearTimeout(timer);
  }

  /** Marks the link failed (first reason wins), destroys the socket and rejects pending calls. */
  fail(reason: string): void {
    if (this.failure === undefined) this.failure = reason;
    const waiter = this.waiter;
    if (waiter !== undefined && this.queue.length === 0) {
      this.waiter = undefined;
      clearTimeout(waiter.timer);
      waiter.reject(this.errorFor(waiter.what));
    }
    for (const listener of this.failureListeners) listener(this.failure);
    this.failureListeners.clear();
    if (!this.socket.destroyed) this.socket.destroy();
  }

  private errorFor(what: string): PeerLinkError {
    return new PeerLinkError(`${this.failure ?? 'link failed'} while ${what}`);
  }

  private receive(chunk: Buffer): void {
    this.waiter?.timer.refresh();
    try {
      this.decoder.push(chunk);
    } catch (error) {
      this.fail(`protocol error: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private enqueue(frame: Frame): void {
    const waiter = this.waiter;
    if (waiter !== undefined) {
      this.waiter = undefined;
      clearTimeout(waiter.timer);
      waiter.resolve(frame);
      return;
    }
    this.queue.push(frame);
    if (this.queue.length >= MAX_QUEUED_FRAMES) this.socket.pause();
  }
}

function frameName(type: FrameType): string {
  return Object.entries(FRAME_TYPE).find(([, value]) => value === type)?.[0] ?? String(type);
}
