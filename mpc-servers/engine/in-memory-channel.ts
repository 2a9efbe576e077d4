import { PeerLinkError, type PeerChannel } from '../transport/peer-channel.ts';

/**
 * Two connected in-process PeerChannels for tests and single-process tools. Each `exchange` sends one
 * message and waits for the peer's message of the same round. Closing one side fails the other's pending
 * and future exchanges, as a lost TCP link would.
 */
class InMemoryEnd implements PeerChannel {
  bytesSent = 0;
  bytesReceived = 0;
  peer!: InMemoryEnd;
  private inbox: Uint8Array[] = [];
  private waiting: { resolve: (message: Uint8Array) => void; reject: (error: Error) => void } | undefined;
  private closed = false;
  /** Every message received, for view-independence tests. */
  readonly received: Uint8Array[] = [];

  constructor(private readonly recordReceived: boolean) {}

  deliver(message: Uint8Array): void {
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = undefined;
      resolve(message);
    } else this.inbox.push(message);
  }

  fail(): void {
    this.closed = true;
    this.waiting?.reject(new PeerLinkError('peer closed the link'));
    this.waiting = undefined;
  }

  async exchange(message: Uint8Array): Promise<Uint8Array> {
    if (this.closed) throw new PeerLinkError('link closed');
    this.bytesSent += message.byteLength;
    this.peer.deliver(new Uint8Array(message));
    const reply =
      this.inbox.shift() ??
      (await new Promise<Uint8Array>((resolve, reject) => (this.waiting = { resolve, reject })));
    this.bytesReceived += reply.byteLength;
    if (this.recordReceived) this.received.push(reply);
    return reply;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.peer.fail();
  }
}

export type InMemoryChannel = PeerChannel & { readonly received: Uint8Array[] };

export function inMemoryChannelPair(
  options: { recordReceived?: boolean } = {},
): [InMemoryChannel, InMemoryChannel] {
  const a = new InMemoryEnd(options.recordReceived ?? false);
  const b = new InMemoryEnd(options.recordReceived ?? false);
  a.peer = b;
  b.peer = a;
  return [a, b];
}
