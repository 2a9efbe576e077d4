import type { PeerChannel } from '../mpc-servers/transport/peer-channel.ts';

interface Counts {
  exchanges: number;
  subChannels: Set<number>;
}

/**
 * A PeerChannel that counts its exchanges: every `exchange` is one round trip on the peer link (each party
 * sends its message and waits for the other's), which is what a link's latency multiplies. Its sub-channels
 * count into the same totals, so `exchanges` is all rounds of all sub-channels and `subChannels` how many
 * ran beside the main one.
 */
export class CountingPeerChannel implements PeerChannel {
  readonly #counts: Counts;

  constructor(
    private readonly inner: PeerChannel,
    counts: Counts = { exchanges: 0, subChannels: new Set() },
  ) {
    this.#counts = counts;
  }

  get exchanges(): number {
    return this.#counts.exchanges;
  }
  get subChannels(): number {
    return this.#counts.subChannels.size;
  }
  get bytesSent(): number {
    return this.inner.bytesSent;
  }
  get bytesReceived(): number {
    return this.inner.bytesReceived;
  }
  exchange(message: Uint8Array): Promise<Uint8Array> {
    this.#counts.exchanges++;
    return this.inner.exchange(message);
  }
  subChannel(id: number): PeerChannel {
    if (this.inner.subChannel === undefined) throw new Error('the inner channel has no sub-channels');
    if (id !== 0) this.#counts.subChannels.add(id);
    return new CountingPeerChannel(this.inner.subChannel(id), this.#counts);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
