import { ringVector, wordsFromBytes, type RingVector } from '../../contract/sharing/ring.ts';

/**
 * Sends only the low `width` bytes of each ring word: enough when the receiver needs the opened value mod
 * 2^(8 width) (a comparison needs its low l bits only), since shares added mod 2^64 agree with shares added
 * mod 2^(8 width) on those bits. Little-endian, like the words themselves.
 */
export function packLowBytes(words: RingVector, width: number): Uint8Array {
  const source = new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
  if (width === 8) return source;
  const out = new Uint8Array(words.length * width);
  for (let i = 0; i < words.length; i++) {
    for (let j = 0; j < width; j++) out[i * width + j] = source[i * 8 + j]!;
  }
  return out;
}

/** The inverse of `packLowBytes`, with the high bytes zero. */
export function unpackLowBytes(bytes: Uint8Array, count: number, width: number): RingVector {
  if (width === 8) return wordsFromBytes(bytes);
  const out = ringVector(count);
  const target = new Uint8Array(out.buffer);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < width; j++) target[i * 8 + j] = bytes[i * width + j]!;
  }
  return out;
}
