import { connect as connectTcp, Server } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectToPeer } from '../../../../mpc-servers/transport/connect-to-peer.ts';
import { listenForPeer, type PeerListener } from '../../../../mpc-servers/transport/listen-for-peer.ts';
import { PeerLinkError } from '../../../../mpc-servers/transport/peer-channel.ts';

/**
 * Errors of B's listening server after it started listening (an accept failure such as ENOBUFS): they end
 * the wait for A with the reason, at once and every time, instead of being swallowed or crashing B. The test
 * emits them on the real server object the listener made (caught as it starts listening).
 */
const host = '127.0.0.1';
const link = { host, port: 0, jobId: 'job-listener-errors', allowPlaintext: true } as const;

afterEach(() => {
  vi.restoreAllMocks();
});

async function listenCapturingServer(): Promise<{ listener: PeerListener; server: Server }> {
  const servers: Server[] = [];
  const listen = Server.prototype.listen;
  vi.spyOn(Server.prototype, 'listen').mockImplementation(function (this: Server, ...args: unknown[]) {
    servers.push(this);
    return listen.apply(this, args as Parameters<Server['listen']>);
  });
  const listener = await listenForPeer(link);
  vi.restoreAllMocks();
  expect(servers).toHaveLength(1);
  return { listener, server: servers[0]! };
}

function acceptError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`accept ${code}`), { code, syscall: 'accept' });
}

function refused(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connectTcp({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe('B listener: errors after it started listening', () => {
  it('fail the wait for A with the reason and stop listening; later errors are handled too', async () => {
    const { listener, server } = await listenCapturingServer();
    const waiting = listener.accept({ timeoutMs: 600_000 });
    server.emit('error', acceptError('ENOBUFS'));
    const error = await waiting.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PeerLinkError);
    expect((error as Error).message).toBe(
      `listener on port ${listener.port} failed while waiting for peer A: ENOBUFS accept ENOBUFS`,
    );
    expect(() => server.emit('error', acceptError('EMFILE'))).not.toThrow();
    await expect(listener.accept({ timeoutMs: 600_000 })).rejects.toThrow('ENOBUFS');
    await expect.poll(() => refused(listener.port)).toBe('ECONNREFUSED');
    await listener.close();
  });

  it('fail a later accept at once when they happen before anyone waits', async () => {
    const { listener, server } = await listenCapturingServer();
    server.emit('error', acceptError('ENOMEM'));
    await expect(listener.accept({ timeoutMs: 600_000 })).rejects.toThrow(
      'failed while waiting for peer A: ENOMEM',
    );
    await listener.close();
  });

  it('leave an accepted link working', async () => {
    const { listener, server } = await listenCapturingServer();
    const [a, b] = await Promise.all([
      connectToPeer({ ...link, port: listener.port, initialBackoffMs: 50, connectTimeoutMs: 10_000 }),
      listener.accept({ timeoutMs: 10_000 }),
    ]);
    expect(() => server.emit('error', acceptError('ENOBUFS'))).not.toThrow();
    const [fromB, fromA] = await Promise.all([
      a.exchange(new Uint8Array([1])),
      b.exchange(new Uint8Array([2])),
    ]);
    expect([...fromB, ...fromA]).toEqual([2, 1]);
    await Promise.all([a.close(), b.close()]);
  });
});
