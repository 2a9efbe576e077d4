import { describe, expect, it } from 'vitest';
import { CountingPeerChannel } from '../../../bench/counting-peer-channel.ts';
import { runRound } from '../../../mpc-servers/engine/ops.ts';
import { createInMemoryPeerPair } from '../../../mpc-servers/transport/in-memory-peer-channel.ts';

describe('counting peer channel', () => {
  it('counts one exchange per round and passes messages and byte counts through', async () => {
    const [a, b] = createInMemoryPeerPair().map((channel) => new CountingPeerChannel(channel)) as [
      CountingPeerChannel,
      CountingPeerChannel,
    ];
    const masked = (value: bigint) => BigUint64Array.of(value, value + 1n);
    const step = (value: bigint) => ({ masked: masked(value), finish: (opened: BigUint64Array) => opened });
    // Three rounds, the second with two steps: still one exchange.
    for (const steps of [[step(1n)], [step(2n), step(3n)], [step(4n)]]) {
      const [openedA, openedB] = await Promise.all([
        runRound({ party: 'A', channel: a }, steps),
        runRound({ party: 'B', channel: b }, steps),
      ]);
      expect(openedA).toEqual(openedB);
      expect(openedA[0]).toEqual(BigUint64Array.of(2n * steps[0]!.masked[0]!, 2n * steps[0]!.masked[1]!));
    }
    expect(a.exchanges).toBe(3);
    expect(b.exchanges).toBe(3);
    expect(a.bytesSent).toBe(4 * 16);
    expect(b.bytesReceived).toBe(4 * 16);
    await a.close();
    await expect(b.exchange(new Uint8Array(1))).rejects.toThrow();
    expect(b.exchanges).toBe(4);
  });
});
