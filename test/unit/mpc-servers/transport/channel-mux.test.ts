import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { MultiplexedPeerChannel, type TaggedLink } from '../../../../mpc-servers/transport/channel-mux.ts';
import { connectToPeer } from '../../../../mpc-servers/transport/connect-to-peer.ts';
import { createInMemoryPeerPair } from '../../../../mpc-servers/transport/in-memory-peer-channel.ts';
import { listenForPeer } from '../../../../mpc-servers/transport/listen-for-peer.ts';
import { PeerLinkError, type PeerChannel } from '../../../../mpc-servers/transport/peer-channel.ts';
import { createTlsIdentity } from '../../../../mpc-servers/transport/tls-identity.ts';

const identityA = createTlsIdentity({ commonName: 'peer A' });
const identityB = createTlsIdentity({ commonName: 'peer B' });

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A and B over pinned TLS 1.3 on loopback: the adapter the servers use. */
async function tlsPair(silenceTimeoutMs = 120_000): Promise<[PeerChannel, PeerChannel]> {
  const listener = await listenForPeer({
    host: '127.0.0.1',
    port: 0,
    jobId: 'job-mux',
    silenceTimeoutMs,
    tls: { keyPem: identityB.keyPem, certPem: identityB.certPem, peerFingerprint: identityA.fingerprint },
  });
  cleanups.push(() => listener.close());
  const [a, b] = await Promise.all([
    connectToPeer({
      host: '127.0.0.1',
      port: listener.port,
      jobId: 'job-mux',
      silenceTimeoutMs,
      tls: { keyPem: identityA.keyPem, certPem: identityA.certPem, peerFingerprint: identityB.fingerprint },
      initialBackoffMs: 20,
      connectTimeoutMs: 10_000,
    }),
    listener.accept({ timeoutMs: 10_000 }),
  ]);
  cleanups.push(
    () => a.close(),
    () => b.close(),
  );
  return [a, b];
}

const inMemoryPair = (silenceTimeoutMs?: number): Promise<[PeerChannel, PeerChannel]> =>
  Promise.resolve(createInMemoryPeerPair({ silenceTimeoutMs }));

/** A message naming its sender, sub-channel and round, `size` bytes long. */
function message(party: number, id: number, round: number, size = 12): Uint8Array {
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, party);
  view.setUint32(4, id);
  view.setUint32(8, round);
  return bytes;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `rounds` rounds on each listed sub-channel of one party, with its own delays before each round. */
async function runParty(
  channel: PeerChannel,
  party: number,
  ids: readonly number[],
  rounds: number,
  delays: readonly number[],
): Promise<string[]> {
  const failures: string[] = [];
  await Promise.all(
    ids.map(async (id, k) => {
      const sub = channel.subChannel!(id);
      for (let round = 1; round <= rounds; round++) {
        const delay = delays[(k * rounds + round) % delays.length]!;
        if (delay > 0) await pause(delay);
        const received = await sub.exchange(message(party, id, round));
        const expected = message(1 - party, id, round);
        if (Buffer.compare(received, expected) !== 0)
          failures.push(`party ${party} sub ${id} round ${round}`);
      }
    }),
  );
  return failures;
}

describe.each([
  ['in-memory pair', inMemoryPair],
  ['TLS adapter', tlsPair],
])('multiplexed peer channel over the %s', (_, makePair) => {
  it('pairs every message with the same sub-channel and round, whatever the interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }),
        async (ids, rounds, delaysA, delaysB) => {
          const [a, b] = await makePair();
          const [failuresA, failuresB] = await Promise.all([
            runParty(a, 0, ids, rounds, delaysA),
            runParty(b, 1, [...ids].reverse(), rounds, delaysB),
          ]);
          expect([...failuresA, ...failuresB]).toEqual([]);
          // The main channel counts the whole link's payload bytes, a sub-channel its own.
          expect(a.bytesSent).toBe(ids.length * rounds * 12);
          expect(b.bytesReceived).toBe(ids.length * rounds * 12);
          for (const id of ids.filter((id) => id !== 0))
            expect(a.subChannel!(id).bytesSent).toBe(rounds * 12);
          await a.close();
          await b.close();
        },
      ),
      { numRuns: 8 },
    );
  });

  it('moves large messages on several sub-channels at once without stalling', async () => {
    const [a, b] = await makePair();
    const size = 3 << 20;
    const run = (channel: PeerChannel, party: number) =>
      Promise.all(
        [1, 2, 3, 4].map(async (id) => {
          const received = await channel.subChannel!(id).exchange(message(party, id, 1, size));
          return new DataView(received.buffer, received.byteOffset).getUint32(4) === id;
        }),
      );
    const [atA, atB] = await Promise.all([run(a, 0), run(b, 1)]);
    expect([...atA, ...atB].every(Boolean)).toBe(true);
    expect(a.bytesSent).toBe(4 * size);
  });

  it('rejects every waiting exchange and every later one when the peer closes the link', async () => {
    const [a, b] = await makePair();
    const pending = [0, 1, 7].map((id) =>
      a.subChannel!(id)
        .exchange(Uint8Array.of(id))
        .catch((error: unknown) => error),
    );
    await pause(20);
    await b.close();
    for (const error of await Promise.all(pending)) expect(error).toBeInstanceOf(PeerLinkError);
    await expect(a.subChannel!(3).exchange(Uint8Array.of(3))).rejects.toBeInstanceOf(PeerLinkError);
  });

  it('rejects every waiting exchange when the peer stays silent past the timeout', async () => {
    const [a] = await makePair(150);
    const results = await Promise.all(
      [0, 2, 5].map((id) =>
        a.subChannel!(id)
          .exchange(Uint8Array.of(id))
          .catch((error: unknown) => error),
      ),
    );
    for (const error of results) {
      expect(error).toBeInstanceOf(PeerLinkError);
      expect((error as Error).message).toMatch(/silent for 150 ms/);
    }
  });

  it('refuses a second exchange on a sub-channel whose round is still running', async () => {
    const [a, b] = await makePair();
    const first = a.subChannel!(4).exchange(Uint8Array.of(1));
    await expect(a.subChannel!(4).exchange(Uint8Array.of(2))).rejects.toThrow(/still running/);
    await b.subChannel!(4).exchange(Uint8Array.of(9));
    expect([...(await first)]).toEqual([9]);
  });
});

describe('multiplexed peer channel against a peer that breaks the lockstep', () => {
  it('fails the link when the peer sends two rounds of one sub-channel without waiting', async () => {
    const incoming = [
      { id: 3, message: Uint8Array.of(1) },
      { id: 3, message: Uint8Array.of(2) },
    ];
    let closed = false;
    const link: TaggedLink = {
      send: () => Promise.resolve(),
      receive: () =>
        incoming.length > 0 ? Promise.resolve(incoming.shift()!) : new Promise<never>(() => undefined),
      close: () => {
        closed = true;
        return Promise.resolve();
      },
    };
    const channel = new MultiplexedPeerChannel(link, 'B');
    await expect(channel.exchange(Uint8Array.of(0))).rejects.toThrow(/two rounds of sub-channel 3/);
    expect(closed).toBe(true);
    await expect(channel.subChannel(3).exchange(Uint8Array.of(0))).rejects.toThrow(/two rounds/);
  });
});

describe('multiplexed peer channel over a link whose buffer has not drained', () => {
  /** A link whose sends stay pending until `drain()` or fail on `break()`; its peer's messages are given. */
  function slowLink(incoming: { id: number; message: Uint8Array }[]) {
    const pending: { resolve(): void; reject(error: Error): void }[] = [];
    const link: TaggedLink = {
      send: () => new Promise<void>((resolve, reject) => pending.push({ resolve, reject })),
      receive: () =>
        incoming.length > 0 ? Promise.resolve(incoming.shift()!) : new Promise<never>(() => undefined),
      close: () => Promise.resolve(),
    };
    return {
      link,
      sends: () => pending.length,
      break: (error: Error) => pending.splice(0).forEach((send) => send.reject(error)),
    };
  }

  it("ends each sub-channel's round with the peer's message, not with the link's drain", async () => {
    const slow = slowLink([
      { id: 2, message: Uint8Array.of(20) },
      { id: 1, message: Uint8Array.of(10) },
    ]);
    const channel = new MultiplexedPeerChannel(slow.link, 'B');
    const [one, two] = await Promise.all([
      channel.subChannel(1).exchange(Uint8Array.of(1)),
      channel.subChannel(2).exchange(Uint8Array.of(2)),
    ]);
    expect([[...one], [...two]]).toEqual([[10], [20]]);
    expect(slow.sends()).toBe(2);
  });

  it('fails the waiting exchanges when a pending send fails', async () => {
    const slow = slowLink([]);
    const channel = new MultiplexedPeerChannel(slow.link, 'B');
    const waiting = channel.subChannel(1).exchange(Uint8Array.of(1));
    await pause(5);
    slow.break(new Error('socket reset'));
    await expect(waiting).rejects.toThrow(/socket reset/);
    await expect(channel.subChannel(2).exchange(Uint8Array.of(2))).rejects.toThrow(PeerLinkError);
  });
});
