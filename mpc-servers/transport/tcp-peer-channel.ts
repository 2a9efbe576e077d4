/**
 * `PeerChannel` over an authenticated framed socket (made by `listenForPeer` / `connectToPeer`).
 * One data frame per round in each direction; `close()` sends a goodbye so the peer's pending
 * `exchange` fails with "peer closed the link" rather than a bare reset.
 */
import type { FramedSocket } from './framed-socket.ts';
import { FRAME_TYPE } from './frames.ts';
import type { Party } from '../../contract/party.ts';
import { PeerLinkError, type PeerChannel } from './peer-channel.ts';

export class TcpPeerChannel implements PeerChannel {
  bytesSent = 0;
  bytesReceived = 0;
  private round = 0;
  private busy = false;
  private closed = false;

  constructor(
    private readonly framed: FramedSocket,
    private readonly options: { peer: Party; silenceTimeoutMs: number },
  ) {}

  async exchange(message: Uint8Array): Promise<Uint8Array> {
    if (this.closed) throw new PeerLinkError('exchange on a closed peer link');
    if (this.busy) throw new PeerLinkError('exchange called while the previous round is still running');
    this.busy = true;
    const round = ++this.round;
    const what = `waiting for round ${round} from peer ${this.options.peer}`;
    try {
      const [, frame] = await Promise.all([
        this.framed.send(FRAME_TYPE.data, message),
        this.framed.next(this.options.silenceTimeoutMs, what),
      ]);
      if (frame.type === FRAME_TYPE.goodbye) {
        this.framed.fail(`peer ${this.options.peer} closed the link`);
        throw new PeerLinkError(`peer ${this.options.peer} closed the link before round ${round}`);
      }
      if (frame.type !== FRAME_TYPE.data) {
        this.framed.fail('protocol error');
        throw new PeerLinkError(`protocol error: unexpected frame type ${frame.type} in round ${round}`);
      }
      this.bytesSent += message.length;
      this.bytesReceived += frame.payload.length;
      return frame.payload;
    } finally {
      this.busy = false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.framed.send(FRAME_TYPE.goodbye, new Uint8Array(0)).catch(() => undefined);
    await this.framed.end();
  }
}
