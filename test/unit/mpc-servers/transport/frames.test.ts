import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FRAME_TYPE,
  FrameDecodeError,
  FrameDecoder,
  frameHeader,
  type Frame,
} from '../../../../mpc-servers/transport/frames.ts';

function encode(frames: Frame[]): Buffer {
  return Buffer.concat(
    frames.flatMap((frame) => [frameHeader(frame.type, frame.payload.length), frame.payload]),
  );
}

describe('FrameDecoder', () => {
  it('decodes any sequence of frames whatever the chunking', () => {
    const frameArbitrary = fc.record({
      type: fc.constantFrom(...Object.values(FRAME_TYPE)),
      payload: fc.uint8Array({ maxLength: 300 }),
    });
    fc.assert(
      fc.property(
        fc.array(frameArbitrary, { maxLength: 10 }),
        fc.integer({ min: 1, max: 400 }),
        (frames, piece) => {
          const decoded: Frame[] = [];
          const decoder = new FrameDecoder(1 << 20, (frame) =>
            decoded.push({ ...frame, payload: new Uint8Array(frame.payload) }),
          );
          const bytes = encode(frames);
          for (let i = 0; i < bytes.length; i += piece) decoder.push(bytes.subarray(i, i + piece));
          expect(decoded).toEqual(frames);
        },
      ),
    );
  });

  it('refuses an oversized frame before allocating it, and unknown frame types', () => {
    const decoder = new FrameDecoder(1024, () => undefined);
    expect(() => decoder.push(frameHeader(FRAME_TYPE.data, 1025))).toThrow(FrameDecodeError);
    const other = new FrameDecoder(1024, () => undefined);
    expect(() => other.push(Buffer.of(0, 0, 0, 0, 99))).toThrow(/unknown frame type 99/);
  });
});
