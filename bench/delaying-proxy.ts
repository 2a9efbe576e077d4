import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP proxy on loopback that adds a round-trip time to a link: every chunk read from one side is written
 * to the other side half the round trip after it arrived, in both directions, in arrival order. The benchmark
 * puts it between the two MPC servers to see how a job's rounds add up over a wide-area link.
 */
export interface DelayingProxy {
  /** The loopback port to connect to instead of the target's. */
  readonly port: number;
  /** Stops listening and drops every link still open. */
  close(): Promise<void>;
}

export interface DelayingProxyOptions {
  targetHost: string;
  targetPort: number;
  /** Round-trip time added: each direction is delayed by half of it. */
  rttMs: number;
  /** Listening port (default: any free one). */
  port?: number;
}

/** Reading pauses while this many bytes wait in one direction, so a fast sender cannot fill memory. */
const HIGH_WATER_BYTES = 64 << 20;

export async function startDelayingProxy(options: DelayingProxyOptions): Promise<DelayingProxy> {
  if (!Number.isFinite(options.rttMs) || options.rttMs < 0)
    throw new RangeError(`the round-trip time must be a number of milliseconds >= 0, not ${options.rttMs}`);
  const oneWayMs = options.rttMs / 2;
  const sockets = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  // Half-open sockets: one side's end reaches the other only after the bytes still delayed before it.
  const server = createServer({ noDelay: true, allowHalfOpen: true }, (client) => {
    track(client);
    const target = connect({
      host: options.targetHost,
      port: options.targetPort,
      noDelay: true,
      allowHalfOpen: true,
    });
    track(target);
    // A failed side takes the other down with it (a clean close waits for both directions to finish).
    const teardown = (): void => {
      client.destroy();
      target.destroy();
    };
    for (const socket of [client, target]) {
      socket.once('error', teardown);
      socket.once('close', (hadError) => {
        if (hadError) teardown();
      });
    }
    forwardDelayed(client, target, oneWayMs);
    forwardDelayed(target, client, oneWayMs);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Writes each chunk read from `from` to `to` once `delayMs` have passed since it was read. The delay is the
 * same for every chunk, so due times increase with arrival and a FIFO keeps the order. `from`'s end is passed
 * on after its last chunk.
 */
function forwardDelayed(from: Socket, to: Socket, delayMs: number): void {
  const queue: { due: number; chunk: Buffer }[] = [];
  let queuedBytes = 0;
  let ended = false;
  let timer: NodeJS.Timeout | undefined;

  const release = (): void => {
    timer = undefined;
    const now = performance.now();
    while (queue.length > 0 && queue[0]!.due <= now) {
      const { chunk } = queue.shift()!;
      queuedBytes -= chunk.byteLength;
      if (!to.destroyed) to.write(chunk);
    }
    if (queuedBytes < HIGH_WATER_BYTES && from.isPaused() && !ended) from.resume();
    schedule();
  };
  const schedule = (): void => {
    if (timer !== undefined) return;
    if (queue.length === 0) {
      if (ended && !to.destroyed) to.end();
      return;
    }
    // A timer may fire a fraction of a millisecond early by this clock: `release` then schedules again.
    timer = setTimeout(release, Math.max(0, queue[0]!.due - performance.now()));
  };

  from.on('data', (chunk: Buffer) => {
    queue.push({ due: performance.now() + delayMs, chunk });
    queuedBytes += chunk.byteLength;
    if (queuedBytes >= HIGH_WATER_BYTES) from.pause();
    schedule();
  });
  from.once('end', () => {
    ended = true;
    schedule();
  });
}
