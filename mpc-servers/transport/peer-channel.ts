/**
 * The online phase's view of the A-B link: one message per round in each direction. The protocol engine
 * depends only on this port; the TLS/TCP adapter and an in-memory pair for tests implement it.
 */
export interface PeerChannel {
  /**
   * Sends this party's message for the current round and resolves with the peer's message for the same
   * round. Rejects with a `PeerLinkError` when the link is lost or the peer stays silent past the timeout.
   */
  exchange(message: Uint8Array): Promise<Uint8Array>;
  /**
   * A logical channel of its own rounds over the same link (`channel-mux.ts`), so that independent parts of
   * the program run their rounds at the same time; both parties must use the same id for the same part.
   * Links without it run everything on the one sequence of rounds.
   */
  subChannel?(id: number): PeerChannel;
  /** Payload bytes sent so far (framing excluded), for cost accounting. */
  readonly bytesSent: number;
  /** Payload bytes received so far. */
  readonly bytesReceived: number;
  close(): Promise<void>;
}

export class PeerLinkError extends Error {
  override readonly name = 'PeerLinkError';
}
