import { randomBytes } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startDelayingProxy, type DelayingProxy } from '../../../bench/delaying-proxy.ts';

/** A loopback server that hands each accepted socket to `onSocket`. */
async function listen(onSocket: (socket: Socket) => void): Promise<{ server: Server; port: number }> {
  const server = createServer({ allowHalfOpen: true }, onSocket);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0 };
}

async function connectTo(port: number): Promise<Socket> {
  const socket = connect({ host: '127.0.0.1', port, allowHalfOpen: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return socket;
}

/** Everything `socket` reads until the other side ends, with the time its first byte came. */
function readAll(socket: Socket): Promise<{ bytes: Buffer; firstAt: number }> {
  const chunks: Buffer[] = [];
  let firstAt = Number.NaN;
  socket.on('data', (chunk: Buffer) => {
    if (chunks.length === 0) firstAt = performance.now();
    chunks.push(chunk);
  });
  return new Promise((resolve, reject) => {
    socket.once('end', () => resolve({ bytes: Buffer.concat(chunks), firstAt }));
    socket.once('error', reject);
  });
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function proxyTo(port: number, rttMs: number): Promise<DelayingProxy> {
  const proxy = await startDelayingProxy({ targetHost: '127.0.0.1', targetPort: port, rttMs });
  cleanups.push(() => proxy.close());
  return proxy;
}

describe('delaying proxy', () => {
  it('forwards bytes intact and in order, none before half the round trip', async () => {
    const rttMs = 200;
    let received: Promise<{ bytes: Buffer; firstAt: number }> | undefined;
    const { server, port } = await listen((socket) => {
      received = readAll(socket);
      socket.end();
    });
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const proxy = await proxyTo(port, rttMs);
    const client = await connectTo(proxy.port);
    const drained = readAll(client);
    // Many writes of different sizes: large ones split and small ones coalesce on the way.
    const pieces = Array.from({ length: 64 }, (_, i) => randomBytes(i % 2 === 0 ? 17 + i : 64 * 1024 + i));
    const sentAt = performance.now();
    for (const piece of pieces) client.write(piece);
    client.end();
    await drained;
    expect(received).toBeDefined();
    const { bytes, firstAt } = await received!;
    expect(bytes.equals(Buffer.concat(pieces))).toBe(true);
    expect(firstAt - sentAt).toBeGreaterThanOrEqual(0.9 * (rttMs / 2));
  });

  it('delays both directions: an echo takes at least the round trip', async () => {
    const rttMs = 120;
    const { server, port } = await listen((socket) => socket.pipe(socket));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const proxy = await proxyTo(port, rttMs);
    const client = await connectTo(proxy.port);
    const echoed = readAll(client);
    const message = randomBytes(300_000);
    const sentAt = performance.now();
    client.end(message);
    const { bytes, firstAt } = await echoed;
    expect(bytes.equals(message)).toBe(true);
    expect(firstAt - sentAt).toBeGreaterThanOrEqual(0.9 * rttMs);
  });

  it('passes the end on only after the bytes still delayed', async () => {
    const { server, port } = await listen((socket) => {
      socket.resume();
      socket.end(Buffer.from('last words'));
    });
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const proxy = await proxyTo(port, 100);
    const client = await connectTo(proxy.port);
    const { bytes } = await readAll(client);
    client.end();
    expect(bytes.toString()).toBe('last words');
  });

  it('drops the client when the target refuses the connection', async () => {
    const { server, port } = await listen(() => undefined);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const proxy = await proxyTo(port, 10);
    const client = connect({ host: '127.0.0.1', port: proxy.port });
    await new Promise<void>((resolve) => {
      client.once('close', () => resolve());
      client.once('error', () => undefined);
    });
    expect(client.destroyed).toBe(true);
  });

  it('refuses a negative round-trip time', async () => {
    await expect(startDelayingProxy({ targetHost: '127.0.0.1', targetPort: 1, rttMs: -1 })).rejects.toThrow(
      /round-trip time/,
    );
  });
});
