/**
 * Two connected in-process `PeerChannel`s with sub-channels (`channel-mux.ts`), for protocol tests that do
 * not need sockets. Messages are copied so neither side can see the other's buffers; closing one side fails
 * the other's pending and later exchanges with a `PeerLinkError`, like the TCP link does.
 *
 * API: `createInMemoryPeerPair({ silenceTimeoutMs? })` returns `[channelOfA, channelOfB]`.
 */
import { MultiplexedPeerChannel, type TaggedLink } from './channel-mux.ts';
import { PeerLinkError, type PeerChannel } from './peer-channel.ts';

interface Tagged {
  id: number;
  message: Uint8Array;
}

interface Mailbox {
  messages: Tagged[];
  waiter: ((message: Tagged | PeerLinkError) => void) | undefined;
  closedBy: string | undefined;
}

export function createInMemoryPeerPair(
  options: { silenceTimeoutMs?: number } = {},
): [PeerChannel, PeerChannel] {
  const toA: Mailbox = { messages: [], waiter: undefined, closedBy: undefined };
  const toB: Mailbox = { messages: [], waiter: undefined, closedBy: undefined };
  const timeout = options.silenceTimeoutMs ?? 120_000;
  return [
    new MultiplexedPeerChannel(mailboxLink('A', toA, toB, timeout), 'B'),
    new MultiplexedPeerChannel(mailboxLink('B', toB, toA, timeout), 'A'),
  ];
}

function mailboxLink(self: string, inbox: Mailbox, outbox: Mailbox, silenceTimeoutMs: number): TaggedLink {
  return {
    async send(id, message) {
      if (inbox.closedBy !== undefined) throw new PeerLinkError(`link closed by ${inbox.closedBy}`);
      deliver(outbox, { id, message: message.slice() });
    },
    receive(what) {
      const queued = inbox.messages.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      if (inbox.closedBy !== undefined)
        return Promise.reject(new PeerLinkError(`peer link closed by ${inbox.closedBy}`));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          inbox.waiter = undefined;
          reject(new PeerLinkError(`peer silent for ${silenceTimeoutMs} ms (timeout) waiting for ${what}`));
        }, silenceTimeoutMs);
        inbox.waiter = (result) => {
          clearTimeout(timer);
          if (result instanceof PeerLinkError) reject(result);
          else resolve(result);
        };
      });
    },
    async close() {
      for (const mailbox of [inbox, outbox]) {
        mailbox.closedBy ??= `party ${self}`;
        const waiter = mailbox.waiter;
        mailbox.waiter = undefined;
        waiter?.(new PeerLinkError(`peer link closed by party ${self}`));
      }
    },
  };
}

function deliver(mailbox: Mailbox, message: Tagged): void {
  const waiter = mailbox.waiter;
  mailbox.waiter = undefined;
  if (waiter !== undefined) waiter(message);
  else mailbox.messages.push(message);
}
