/**
 * Length-prefixed framing of the peer link: `[u32 payload length][u8 type][payload]`.
 *
 * API: `FRAME_TYPE`, `frameHeader(type, length)`, and `FrameDecoder`, a push parser that allocates each
 * large payload once and copies received bytes straight into it (zero-copy when a frame lies inside one
 * received chunk), refusing lengths above a bound before allocating.
 */
/** `round`: one round's message of a peer-channel sub-channel (`tcp-peer-channel.ts`). */
export const FRAME_TYPE = { hello: 1, data: 2, goodbye: 3, refuse: 4, round: 5 } as const;
export type FrameType = (typeof FRAME_TYPE)[keyof typeof FRAME_TYPE];
export interface Frame {
  type: FrameType;
  payload: Uint8Array;
}

export const FRAME_HEADER_BYTES = 5;
const KNOWN_TYPES = new Set<number>(Object.values(FRAME_TYPE));

export function frameHeader(type: FrameType, length: number): Buffer {
  const header = Buffer.allocUnsafe(FRAME_HEADER_BYTES);
  header.writeUInt32BE(length, 0);
  header[4] = type;
  return header;
}

export class FrameDecodeError extends Error {
  override readonly name = 'FrameDecodeError';
}

export class FrameDecoder {
  private readonly header = new Uint8Array(FRAME_HEADER_BYTES);
  private headerFilled = 0;
  private body: Uint8Array | undefined;
  private bodyFilled = 0;
  private type: FrameType = FRAME_TYPE.data;

  constructor(
    private readonly maxPayloadBytes: number,
    private readonly onFrame: (frame: Frame) => void,
  ) {}

  push(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.body === undefined) {
        const headerBytes = Math.min(FRAME_HEADER_BYTES - this.headerFilled, chunk.length - offset);
        this.header.set(chunk.subarray(offset, offset + headerBytes), this.headerFilled);
        this.headerFilled += headerBytes;
        offset += headerBytes;
        if (this.headerFilled < FRAME_HEADER_BYTES) return;
        const length = this.startFrame();
        // Whole payload already in this chunk: hand out a view instead of copying.
        if (chunk.length - offset >= length) {
          this.finishFrame(chunk.subarray(offset, offset + length));
          offset += length;
          continue;
        }
        this.body = new Uint8Array(length);
        this.bodyFilled = 0;
      }
      const count = Math.min(this.body.length - this.bodyFilled, chunk.length - offset);
      this.body.set(chunk.subarray(offset, offset + count), this.bodyFilled);
      this.bodyFilled += count;
      offset += count;
      if (this.bodyFilled === this.body.length) this.finishFrame(this.body);
    }
  }

  private startFrame(): number {
    const length = new DataView(this.header.buffer).getUint32(0);
    const type = this.header[4] as number;
    if (!KNOWN_TYPES.has(type)) throw new FrameDecodeError(`unknown frame type ${type}`);
    if (length > this.maxPayloadBytes) {
      throw new FrameDecodeError(`frame of ${length} bytes exceeds the limit of ${this.maxPayloadBytes}`);
    }
    this.type = type as FrameType;
    return length;
  }

  private finishFrame(payload: Uint8Array): void {
    this.headerFilled = 0;
    this.body = undefined;
    this.onFrame({ type: this.type, payload });
  }
}
