/**
 * Logical sub-channels over one message link. Each sub-channel is its own sequence of lockstep rounds and
 * its messages carry its id, so several sub-channels can run their rounds at once and each party still
 * pairs every message with the same sub-channel's same round, whatever the interleaving. A message for a
 * sub-channel that is not waiting yet is kept; there is at most one per sub-channel, since the peer sends
 * its next round on a sub-channel only after receiving ours. One link failure (loss, silence, goodbye,
 * protocol error) rejects every waiting exchange and every later one with a `PeerLinkError`.
 *
 * API: `new MultiplexedPeerChannel(link, peerName)`: a `PeerChannel` (sub-channel 0) whose `subChannel(id)`
 * gives the others, over a `TaggedLink` (the TLS adapter's frames or the in-memory pair's mailboxes).
 */
import { PeerLinkError, type PeerChannel } from './peer-channel.ts';
import { yieldToEventLoop } from './yield-to-event-loop.ts';

/** A link that carries messages tagged with a sub-channel id, in order. */
export interface TaggedLink {
  send(id: number, message: Uint8Array): Promise<void>;
  /**
   * The next message from the peer, of any sub-channel; rejects with a `PeerLinkError` on failure, saying
   * which round (`what`, e.g. "round 3 of sub-channel 2") was being waited for.
   */
  receive(what: string): Promise<{ id: number; message: Uint8Array }>;
  close(): Promise<void>;
}

/** The largest sub-channel id: ids travel as unsigned 32-bit words. */
export const MAX_SUB_CHANNEL_ID = 0xffff_ffff;

interface Waiter {
  resolve(message: Uint8Array): void;
  reject(error: PeerLinkError): void;
  what: string;
}

interface Lane {
  id: number;
  round: number;
  busy: boolean;
  /** The peer's message that arrived before this side asked for it (at most one). */
  early: Uint8Array | undefined;
  waiter: Waiter | undefined;
  bytesSent: number;
  bytesReceived: number;
}

class Mux {
  bytesSent = 0;
  bytesReceived = 0;
  private readonly lanes = new Map<number, Lane>();
  private readonly waiting = new Set<Lane>();
  private failure: PeerLinkError | undefined;
  private pumping = false;

  constructor(
    readonly link: TaggedLink,
    private readonly peer: string,
  ) {}

  lane(id: number): Lane {
    if (!Number.isInteger(id) || id < 0 || id > MAX_SUB_CHANNEL_ID)
      throw new RangeError(`sub-channel id ${id} is not an unsigned 32-bit integer`);
    let lane = this.lanes.get(id);
    if (lane === undefined) {
      lane = {
        id,
        round: 0,
        busy: false,
        early: undefined,
        waiter: undefined,
        bytesSent: 0,
        bytesReceived: 0,
      };
      this.lanes.set(id, lane);
    }
    return lane;
  }

  async exchange(lane: Lane, message: Uint8Array): Promise<Uint8Array> {
    if (this.failure !== undefined) throw new PeerLinkError(this.failure.message);
    if (lane.busy)
      throw new PeerLinkError(`exchange on sub-channel ${lane.id} while its previous round is still running`);
    lane.busy = true;
    const round = ++lane.round;
    const what = lane.id === 0 ? `round ${round}` : `round ${round} of sub-channel ${lane.id}`;
    try {
      // Wait before sending: a large send completes only while this side reads the peer's messages too.
      // The round ends with the peer's message, not with the link's buffer draining: one drain is shared
      // by every sub-channel's send, and waiting for it would wake all of them at once, so each party would
      // compute every sub-channel's next step before any of it left (the parties would take turns). The
      // buffer stays bounded: a sub-channel sends its next round only after the peer's message of this one,
      // which the peer sent after reading ours of the previous round. A failed send fails the link, which
      // rejects this receive.
      const receiving = this.receive(lane, what);
      this.send(lane, message).catch(() => undefined);
      const received = await receiving;
      lane.bytesSent += message.length;
      this.bytesSent += message.length;
      lane.bytesReceived += received.length;
      this.bytesReceived += received.length;
      return received;
    } finally {
      lane.busy = false;
    }
  }

  /** Fails the link (first reason wins) and rejects every waiting exchange. */
  fail(error: PeerLinkError): void {
    this.failure ??= error;
    for (const lane of this.waiting) {
      const waiter = lane.waiter!;
      lane.waiter = undefined;
      waiter.reject(new PeerLinkError(this.failure.message));
    }
    this.waiting.clear();
  }

  private async send(lane: Lane, message: Uint8Array): Promise<void> {
    try {
      await this.link.send(lane.id, message);
    } catch (error) {
      this.fail(asLinkError(error));
      throw new PeerLinkError(this.failure!.message);
    }
  }

  private receive(lane: Lane, what: string): Promise<Uint8Array> {
    const early = lane.early;
    if (early !== undefined) {
      lane.early = undefined;
      return Promise.resolve(early);
    }
    return new Promise((resolve, reject) => {
      lane.waiter = { resolve, reject, what };
      this.waiting.add(lane);
      void this.pump();
    });
  }

  /** Reads the link while some sub-channel waits, handing each message to its sub-channel. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.failure === undefined && this.waiting.size > 0) {
        const [first] = this.waiting;
        const { id, message } = await this.link.receive(first!.waiter!.what);
        this.deliver(id, message);
        // Let the event loop run before the next message: the sub-channel just woken computes its next step
        // and sends it, and that send leaves only when the loop flushes the socket. Handing every queued
        // message over in one go would make each party compute all sub-channels' steps before any reaches
        // the peer, and the two parties would take turns instead of working at once.
        await yieldToEventLoop();
      }
    } catch (error) {
      this.fail(asLinkError(error));
    } finally {
      this.pumping = false;
    }
  }

  private deliver(id: number, message: Uint8Array): void {
    const lane = this.lane(id);
    const waiter = lane.waiter;
    if (waiter !== undefined) {
      lane.waiter = undefined;
      this.waiting.delete(lane);
      waiter.resolve(message);
      return;
    }
    if (lane.early !== undefined) {
      // The peer sent two rounds of one sub-channel without ours in between: it is not running our program.
      const error = new PeerLinkError(
        `protocol error: peer ${this.peer} sent two rounds of sub-channel ${id} without waiting for ours`,
      );
      this.fail(error);
      void this.link.close().catch(() => undefined);
      return;
    }
    lane.early = message;
  }
}

function asLinkError(error: unknown): PeerLinkError {
  return error instanceof PeerLinkError
    ? error
    : new PeerLinkError(`link failed: ${error instanceof Error ? error.message : String(error)}`);
}

class SubChannel implements PeerChannel {
  constructor(
    private readonly mux: Mux,
    private readonly lane: Lane,
  ) {}

  get bytesSent(): number {
    return this.lane.bytesSent;
  }
  get bytesReceived(): number {
    return this.lane.bytesReceived;
  }
  exchange(message: Uint8Array): Promise<Uint8Array> {
    return this.mux.exchange(this.lane, message);
  }
  subChannel(id: number): PeerChannel {
    return new SubChannel(this.mux, this.mux.lane(id));
  }
  /** A sub-channel ends with its link; closing the link is the main channel's. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** Sub-channel 0 and the owner of the link: its byte counts are the whole link's, its `close` ends it. */
export class MultiplexedPeerChannel implements PeerChannel {
  private readonly mux: Mux;
  private readonly main: Lane;
  private closed = false;

  constructor(link: TaggedLink, peer: string) {
    this.mux = new Mux(link, peer);
    this.main = this.mux.lane(0);
  }

  get bytesSent(): number {
    return this.mux.bytesSent;
  }
  get bytesReceived(): number {
    return this.mux.bytesReceived;
  }
  exchange(message: Uint8Array): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new PeerLinkError('exchange on a closed peer link'));
    return this.mux.exchange(this.main, message);
  }
  subChannel(id: number): PeerChannel {
    return id === 0 ? this : new SubChannel(this.mux, this.mux.lane(id));
  }
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.mux.fail(new PeerLinkError('peer link closed locally'));
    await this.mux.link.close();
  }
}
