import type { PeerChannel } from '../../../mpc-servers/transport/peer-channel.ts';

/** A PeerChannel that keeps every message it received, for view-independence tests. */
export class RecordingChannel implements PeerChannel {
  readonly received: Uint8Array[] = [];

  constructor(private readonly inner: PeerChannel) {}

  get bytesSent(): number {
    return this.inner.bytesSent;
  }

  get bytesReceived(): number {
    return this.inner.bytesReceived;
  }

  async exchange(message: Uint8Array): Promise<Uint8Array> {
    const reply = await this.inner.exchange(message);
    this.received.push(reply);
    return reply;
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
