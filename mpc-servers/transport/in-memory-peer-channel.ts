/**
 * Two connected in-process `PeerChannel`s, for protocol tests that do not need sockets. Messages are copied
 * so neither side can see the other's buffers; closing one side fails the other's pending and later
 * `exchange` with a `PeerLinkError`, like the TCP link does.
 *
 * API: `createInMemoryPeerPair({ silenceTimeoutMs? })` returns `[channelOfA, channelOfB]`.
 */
import { PeerLinkError, type PeerChannel } from './peer-channel.ts';

interface Mailbox {
  messages: Uint8Array[];
  waiter: ((message: Uint8Array | PeerLinkError) => void) | undefined;
  closedBy: string | undefined;
}

export function createInMemoryPeerPair(
  options: { silenceTimeoutMs?: number } = {},
): [PeerChannel, PeerChannel] {
  const toA: Mailbox = { messages: [], waiter: undefined, closedBy: undefined };
  const toB: Mailbox = { messages: [], waiter: undefined, closedBy: undefined };
  const timeout = options.silenceTimeoutMs ?? 120_000;
  return [new InMemoryPeerChannel('A', toA, toB, timeout), new InMemoryPeerChannel('B', toB, toA, timeout)];
}

class InMemoryPeerChannel implements PeerChannel {
  bytesSent = 0;
  bytesReceived = 0;

  constructor(
    private readonly self: string,
    private readonly inbox: Mailbox,
    private readonly outbox: Mailbox,
    private readonly silenceTimeoutMs: number,
  ) {}

  async exchange(message: Uint8Array): Promise<Uint8Array> {
    if (this.inbox.closedBy !== undefined) throw new PeerLinkError(`link closed by ${this.inbox.closedBy}`);
    deliver(this.outbox, message.slice());
    this.bytesSent += message.length;
    const received = await this.receive();
    this.bytesReceived += received.length;
    return received;
  }

  async close(): Promise<void> {
    for (const mailbox of [this.inbox, this.outbox]) {
      mailbox.closedBy ??= `party ${this.self}`;
      const waiter = mailbox.waiter;
      mailbox.waiter = undefined;
      waiter?.(new PeerLinkError(`peer link closed by party ${this.self}`));
    }
  }

  private receive(): Promise<Uint8Array> {
    const queued = this.inbox.messages.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.inbox.waiter = undefined;
        reject(new PeerLinkError(`peer silent for ${this.silenceTimeoutMs} ms (timeout)`));
      }, this.silenceTimeoutMs);
      this.inbox.waiter = (result) => {
        clearTimeout(timer);
        if (result instanceof PeerLinkError) reject(result);
        else resolve(result);
      };
    });
  }
}

function deliver(mailbox: Mailbox, message: Uint8Array): void {
  const waiter = mailbox.waiter;
  mailbox.waiter = undefined;
  if (waiter !== undefined) waiter(message);
  else mailbox.messages.push(message);
}
