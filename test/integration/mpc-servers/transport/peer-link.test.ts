import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../../../local/emulators/free-port.ts';
import { connectToPeer } from '../../../../mpc-servers/transport/connect-to-peer.ts';
import { listenForPeer, type PeerListener } from '../../../../mpc-servers/transport/listen-for-peer.ts';
import { PeerLinkError, type PeerChannel } from '../../../../mpc-servers/transport/peer-channel.ts';
import { createTlsIdentity, type TlsIdentity } from '../../../../mpc-servers/transport/tls-identity.ts';

const host = '127.0.0.1';
const identityA = createTlsIdentity({ commonName: 'peer A' });
const identityB = createTlsIdentity({ commonName: 'peer B' });
const stranger = createTlsIdentity({ commonName: 'someone else' });

function tlsOf(self: TlsIdentity, peer: TlsIdentity) {
  return { keyPem: self.keyPem, certPem: self.certPem, peerFingerprint: peer.fingerprint };
}

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function listen(options: Partial<Parameters<typeof listenForPeer>[0]> = {}): Promise<PeerListener> {
  const listener = await listenForPeer({
    host,
    port: 0,
    jobId: 'job-1',
    tls: tlsOf(identityB, identityA),
    ...options,
  });
  cleanups.push(() => listener.close());
  return listener;
}

async function connect(
  port: number,
  options: Partial<Parameters<typeof connectToPeer>[0]> = {},
): Promise<PeerChannel> {
  const channel = await connectToPeer({
    host,
    port,
    jobId: 'job-1',
    tls: tlsOf(identityA, identityB),
    initialBackoffMs: 50,
    connectTimeoutMs: 10_000,
    ...options,
  });
  cleanups.push(() => channel.close());
  return channel;
}

async function linkedPair(
  options: { silenceTimeoutMs?: number } = {},
): Promise<{ a: PeerChannel; b: PeerChannel }> {
  const listener = await listen(options);
  const [a, b] = await Promise.all([connect(listener.port, options), listener.accept({ timeoutMs: 10_000 })]);
  cleanups.push(() => b.close());
  return { a, b };
}

describe('peer link over loopback TCP with pinned TLS 1.3', () => {
  it('exchanges large messages in both directions, round after round', async () => {
    const { a, b } = await linkedPair();
    for (const size of [32 << 20, 0, 1, 5 << 20]) {
      const fromA = new Uint8Array(randomBytes(size));
      const fromB = new Uint8Array(randomBytes(size + 3));
      const [atB, atA] = await Promise.all([a.exchange(fromA), b.exchange(fromB)]);
      expect(Buffer.from(atB).equals(fromB)).toBe(true);
      expect(Buffer.from(atA).equals(fromA)).toBe(true);
    }
    const total = (32 << 20) + 1 + (5 << 20);
    expect(a.bytesSent).toBe(total);
    expect(b.bytesReceived).toBe(total);
    expect(a.bytesReceived).toBe(total + 12);
  });

  it('round-trips any sequence of message sizes across TLS record and read boundaries', async () => {
    const { a, b } = await linkedPair();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: 70_000 }), { minLength: 1, maxLength: 6 }), async (sizes) => {
        for (const size of sizes) {
          const fromA = new Uint8Array(randomBytes(size));
          const fromB = new Uint8Array(randomBytes((size * 7) % 50_000));
          const [atB, atA] = await Promise.all([a.exchange(fromA), b.exchange(fromB)]);
          expect(Buffer.from(atB).equals(fromB) && Buffer.from(atA).equals(fromA)).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('fails the link when the peer sends a message above the agreed limit', async () => {
    const listener = await listen({ maxMessageBytes: 1_000 });
    const [a, b] = await Promise.all([connect(listener.port), listener.accept({ timeoutMs: 10_000 })]);
    cleanups.push(() => b.close());
    const [atB] = await Promise.all([
      b.exchange(Uint8Array.of(1)).catch((e: unknown) => e),
      a.exchange(new Uint8Array(1_001)), // B's small message still reaches A
    ]);
    expect((atB as Error).message).toMatch(/protocol error: frame of 1001 bytes exceeds the limit of 1000/);
    await expect(a.exchange(Uint8Array.of(2))).rejects.toBeInstanceOf(PeerLinkError);
  });

  it('connects when A starts before B: A retries with backoff until B listens', async () => {
    const port = await freePort();
    const connecting = connect(port);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const listener = await listen({ port });
    const [a, b] = await Promise.all([connecting, listener.accept({ timeoutMs: 10_000 })]);
    cleanups.push(() => b.close());
    const [atB, atA] = await Promise.all([a.exchange(Uint8Array.of(1)), b.exchange(Uint8Array.of(2))]);
    expect([...atB, ...atA]).toEqual([2, 1]);
  });

  it('fails with a clear reason after a bounded time when B never comes', async () => {
    const port = await freePort();
    const error = await connect(port, { connectTimeoutMs: 1_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PeerLinkError);
    expect((error as Error).message).toMatch(
      /could not reach peer B at 127\.0\.0\.1:\d+ within 1000 ms .*ECONNREFUSED/,
    );
  });

  it('B gives up with a clear reason when A never comes', async () => {
    const listener = await listen();
    await expect(listener.accept({ timeoutMs: 200 })).rejects.toThrow(
      /peer A did not connect .* within 200 ms/,
    );
  });

  it('A refuses a B whose certificate is not the pinned one, without retrying', async () => {
    const listener = await listen({ tls: tlsOf(stranger, identityA) });
    await expect(connect(listener.port)).rejects.toThrow(
      /not the pinned server: peer certificate fingerprint/,
    );
  });

  it('B refuses an A whose certificate is not the pinned one and keeps waiting', async () => {
    const listener = await listen();
    await expect(connect(listener.port, { tls: tlsOf(stranger, identityB) })).rejects.toThrow(
      /peer B refused the link: peer certificate fingerprint .* does not match/,
    );
    await expect(listener.accept({ timeoutMs: 300 })).rejects.toThrow(/refused: .*does not match the pinned/);
  });

  it('refuses a link for another job on both sides', async () => {
    const listener = await listen();
    await expect(connect(listener.port, { jobId: 'job-2' })).rejects.toThrow(
      /refused the link: job mismatch: peer serves job job-2, this end job job-1/,
    );
    await expect(listener.accept({ timeoutMs: 300 })).rejects.toThrow(/job mismatch/);
  });

  it('rejects exchange when the peer stays silent past the timeout', async () => {
    const { a } = await linkedPair({ silenceTimeoutMs: 300 });
    await expect(a.exchange(Uint8Array.of(1))).rejects.toThrow(
      /peer silent for 300 ms \(timeout\) while waiting for round 1 from peer B/,
    );
  });

  it('rejects a pending exchange when the peer closes the link', async () => {
    const { a, b } = await linkedPair();
    const pending = a.exchange(Uint8Array.of(1)).catch((e: unknown) => e);
    await b.close();
    const error = await pending;
    expect(error).toBeInstanceOf(PeerLinkError);
    expect((error as Error).message).toMatch(/peer B closed the link before round 1|connection closed/);
    await expect(a.exchange(Uint8Array.of(2))).rejects.toBeInstanceOf(PeerLinkError);
  });

  it('needs TLS unless plaintext is explicitly allowed, and then works over plain TCP', async () => {
    await expect(listenForPeer({ host, port: 0, jobId: 'job-1' })).rejects.toThrow(/needs a TLS identity/);
    const listener = await listen({ tls: undefined, allowPlaintext: true });
    const [a, b] = await Promise.all([
      connect(listener.port, { tls: undefined, allowPlaintext: true }),
      listener.accept({ timeoutMs: 10_000 }),
    ]);
    cleanups.push(() => b.close());
    const [atB] = await Promise.all([a.exchange(Uint8Array.of(7)), b.exchange(Uint8Array.of(8))]);
    expect([...atB]).toEqual([8]);
  });

  it('a TLS end refuses a plaintext peer', async () => {
    const listener = await listen();
    await expect(
      connect(listener.port, { tls: undefined, allowPlaintext: true, connectTimeoutMs: 1_000 }),
    ).rejects.toBeInstanceOf(PeerLinkError);
  });

  it('fails A with a clear PeerLinkError when B is killed mid-exchange', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/peer-b-process.ts', import.meta.url));
    const config = JSON.stringify({ jobId: 'job-1', tls: tlsOf(identityB, identityA) });
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, config], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    cleanups.push(() => void child.kill('SIGKILL'));
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const listening = String((await lines.next()).value);
    const port = Number(/^LISTENING (\d+)$/.exec(listening)?.[1]);
    // A long silence timeout: a rejection must come from the lost link, not from the timer.
    const a = await connect(port, { silenceTimeoutMs: 60_000 });
    expect([...(await a.exchange(Uint8Array.of(1)))]).toEqual([42]);
    expect(String((await lines.next()).value)).toBe('ROUND 1 DONE 1');
    const pending = a.exchange(new Uint8Array(1 << 20));
    child.kill('SIGKILL');
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PeerLinkError);
    expect((error as Error).message).toMatch(
      /(connection closed|link lost).* while waiting for round 2 from peer B/,
    );
  });
});
