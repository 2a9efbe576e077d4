/**
 * `PeerChannel` over an authenticated framed socket (made by `listenForPeer` / `connectToPeer`), with
 * sub-channels (`channel-mux.ts`). Sub-channel 0's rounds are `data` frames holding the message; another
 * sub-channel's are `round` frames, the sub-channel id (u32) then the message, so their messages may be 4
 * bytes shorter than the frame limit. `close()` sends a goodbye so the peer's pending exchanges fail with
 * "peer closed the link" rather than a bare reset.
 */
import type { FramedSocket } from './framed-socket.ts';
import { FRAME_TYPE } from './frames.ts';
import type { Party } from '../../contract/party.ts';
import { MultiplexedPeerChannel, type TaggedLink } from './channel-mux.ts';
import { PeerLinkError } from './peer-channel.ts';

const ID_BYTES = 4;

export class TcpPeerChannel extends MultiplexedPeerChannel {
  constructor(framed: FramedSocket, options: { peer: Party; silenceTimeoutMs: number }) {
    super(framedLink(framed, options), options.peer);
  }
}

function framedLink(framed: FramedSocket, options: { peer: Party; silenceTimeoutMs: number }): TaggedLink {
  const { peer } = options;
  return {
    send(id, message) {
      if (id === 0) return framed.send(FRAME_TYPE.data, message);
      const tag = new Uint8Array(ID_BYTES);
      new DataView(tag.buffer).setUint32(0, id);
      return framed.send(FRAME_TYPE.round, tag, message);
    },
    async receive(what) {
      const frame = await framed.next(options.silenceTimeoutMs, `waiting for ${what} from peer ${peer}`);
      const { type, payload } = frame;
      if (type === FRAME_TYPE.goodbye) {
        framed.fail(`peer ${peer} closed the link`);
        throw new PeerLinkError(`peer ${peer} closed the link before ${what}`);
      }
      if (type === FRAME_TYPE.data) return { id: 0, message: payload };
      if (type !== FRAME_TYPE.round || payload.length < ID_BYTES) {
        framed.fail('protocol error');
        throw new PeerLinkError(`protocol error: unexpected frame type ${type} while waiting for ${what}`);
      }
      const id = new DataView(payload.buffer, payload.byteOffset, ID_BYTES).getUint32(0);
      return { id, message: payload.subarray(ID_BYTES) };
    },
    async close() {
      await framed.send(FRAME_TYPE.goodbye, new Uint8Array(0)).catch(() => undefined);
      await framed.end();
    },
  };
}
