import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { wordsFromBytes } from '../../../../contract/sharing/ring.ts';
import { packLowBytes, unpackLowBytes } from '../../../../mpc-servers/engine/word-packing.ts';

describe('packLowBytes / unpackLowBytes', () => {
  const words = wordsFromBytes(randomBytes(8 * 37));
  for (let width = 1; width <= 8; width++) {
    it(`sends the low ${width} bytes of each word, little-endian, and restores them`, () => {
      const packed = packLowBytes(words, width);
      const bytes = new Uint8Array(words.buffer);
      const expected = Uint8Array.from(
        { length: words.length * width },
        (_, k) => bytes[8 * Math.floor(k / width) + (k % width)]!,
      );
      expect(packed).toEqual(expected);
      const low = width === 8 ? -1n : (1n << BigInt(8 * width)) - 1n;
      const restored = words.map((word) => (width === 8 ? word : word & low));
      expect(unpackLowBytes(packed, words.length, width)).toEqual(restored);
      // From any offset of a received message.
      const message = new Uint8Array(packed.length + 3);
      message.set(packed, 3);
      expect(unpackLowBytes(message.subarray(3), words.length, width)).toEqual(restored);
    });
  }
});
