import { describe, expect, it } from 'vitest';
import { createInMemoryPeerPair } from '../../../../mpc-servers/transport/in-memory-peer-channel.ts';
import { PeerLinkError } from '../../../../mpc-servers/transport/peer-channel.ts';

describe('in-memory peer pair', () => {
  it('exchanges copies of the messages round by round and counts bytes', async () => {
    const [a, b] = createInMemoryPeerPair();
    const sent = Uint8Array.of(1, 2, 3);
    const [atA, atB] = await Promise.all([a.exchange(sent), b.exchange(Uint8Array.of(9))]);
    sent[0] = 7;
    expect([...atB]).toEqual([1, 2, 3]);
    expect([...atA]).toEqual([9]);
    const [second] = await Promise.all([a.exchange(Uint8Array.of(4)), b.exchange(Uint8Array.of(5, 6))]);
    expect([...second]).toEqual([5, 6]);
    expect([a.bytesSent, a.bytesReceived, b.bytesSent, b.bytesReceived]).toEqual([4, 3, 3, 4]);
  });

  it('fails a pending exchange when the other side closes, and times out a silent peer', async () => {
    const [a, b] = createInMemoryPeerPair();
    const pending = a.exchange(Uint8Array.of(1)).catch((e: unknown) => e);
    await b.close();
    expect(await pending).toBeInstanceOf(PeerLinkError);
    await expect(a.exchange(Uint8Array.of(1))).rejects.toThrow(/closed by party B/);
    const [c] = createInMemoryPeerPair({ silenceTimeoutMs: 50 });
    await expect(c.exchange(Uint8Array.of(1))).rejects.toThrow(/silent for 50 ms/);
  });
});
