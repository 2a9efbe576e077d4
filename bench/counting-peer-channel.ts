import type { PeerChannel } from '../mpc-servers/transport/peer-channel.ts';

/**
 * A PeerChannel that counts its exchanges: every `exchange` is one round trip on the peer link (each party
 * sends its message and waits for the other's), which is what a link's latency multiplies.
 */
export class CountingPeerChannel implements PeerChannel {
  #exchanges = 0;

  constructor(private readonly inner: PeerChannel) {}

  get exchanges(): number {
    return this.#exchanges;
  }
  get bytesSent(): number {
    return this.inner.bytesSent;
  }
  get bytesReceived(): number {
    return this.inner.bytesReceived;
  }
  exchange(message: Uint8Array): Promise<Uint8Array> {
    this.#exchanges++;
    return this.inner.exchange(message);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
