import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PrgReader, prgBytes, prgWords } from '../../../../contract/sharing/prg.ts';

describe('prgBytes', () => {
  const seed = randomBytes(16);
  const id = { stream: 7, substream: 3 };

  it('is AES-128-CTR of zero bytes from the stream IV', () => {
    const iv = Buffer.alloc(16);
    iv.writeUInt32BE(7, 0);
    iv.writeUInt32BE(3, 4);
    const expected = createCipheriv('aes-128-ctr', seed, iv).update(Buffer.alloc(1000));
    expect(Buffer.from(prgBytes(seed, id, 1000)).equals(expected)).toBe(true);
  });

  it('gives the same bytes after longer and shorter calls', () => {
    const first = Buffer.from(prgBytes(seed, id, 333));
    prgBytes(seed, { stream: 1, substream: 1 }, 100_000);
    prgBytes(seed, id, 5);
    expect(Buffer.from(prgBytes(seed, id, 333)).equals(first)).toBe(true);
  });

  it('reaches block offsets directly', () => {
    const whole = prgWords(seed, id, 10);
    expect([...prgWords(seed, id, 4, 6)]).toEqual([...whole.subarray(6)]);
  });

  it('rejects a length that is not a byte count', () => {
    expect(() => prgBytes(seed, id, -8)).toThrow(RangeError);
    expect(() => prgBytes(seed, id, 1.5)).toThrow(RangeError);
  });
});

describe('PrgReader', () => {
  it('reads the stream front to back, as one prgBytes of the total length', () => {
    const seed = randomBytes(16);
    const id = { stream: 2, substream: 0 };
    const reader = new PrgReader(seed, id);
    const first = reader.bytes(24);
    const words = reader.words(3);
    const parts = [
      first,
      new Uint8Array(words.buffer, words.byteOffset, 24),
      reader.bytes(0),
      reader.bytes(40),
    ];
    const whole = Buffer.from(prgBytes(seed, id, 88));
    expect(Buffer.concat(parts.map((part) => Buffer.from(part))).equals(whole)).toBe(true);
  });
});
