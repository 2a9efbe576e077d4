import { ringVector, wordsFromBytes, type RingVector } from '../../contract/sharing/ring.ts';

/**
 * Sends only the low `width` bytes of each ring word: enough when the receiver needs the opened value mod
 * 2^(8 width) (a comparison needs its low l bits only), since shares added mod 2^64 agree with shares added
 * mod 2^(8 width) on those bits. Little-endian, like the words themselves. The loops read and write the
 * words as 32-bit halves (plain numbers), byte by byte only where a half is cut.
 */
export function packLowBytes(words: RingVector, width: number): Uint8Array {
  const source = new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
  if (width === 8) return source;
  const n = words.length;
  const halves = new Uint32Array(words.buffer, words.byteOffset, 2 * n);
  if (width === 4) {
    const out = new Uint32Array(n);
    for (let i = 0; i < n; i++) out[i] = halves[2 * i]!;
    return new Uint8Array(out.buffer);
  }
  const out = new Uint8Array(n * width);
  if (width < 4) {
    for (let i = 0, at = 0; i < n; i++, at += width) {
      const low = halves[2 * i]!;
      out[at] = low;
      if (width > 1) out[at + 1] = low >>> 8;
      if (width > 2) out[at + 2] = low >>> 16;
    }
    return out;
  }
  for (let i = 0, at = 0; i < n; i++, at += width) {
    const low = halves[2 * i]!;
    const high = halves[2 * i + 1]!;
    out[at] = low;
    out[at + 1] = low >>> 8;
    out[at + 2] = low >>> 16;
    out[at + 3] = low >>> 24;
    for (let j = 4; j < width; j++) out[at + j] = high >>> (8 * (j - 4));
  }
  return out;
}

/** The inverse of `packLowBytes`, with the high bytes zero. */
export function unpackLowBytes(bytes: Uint8Array, count: number, width: number): RingVector {
  if (width === 8) return wordsFromBytes(bytes);
  const out = ringVector(count);
  const halves = new Uint32Array(out.buffer);
  if (width === 4 && bytes.byteOffset % 4 === 0) {
    const source = new Uint32Array(bytes.buffer, bytes.byteOffset, count);
    for (let i = 0; i < count; i++) halves[2 * i] = source[i]!;
    return out;
  }
  for (let i = 0, at = 0; i < count; i++, at += width) {
    let low = bytes[at]!;
    if (width > 1) low |= bytes[at + 1]! << 8;
    if (width > 2) low |= bytes[at + 2]! << 16;
    if (width > 3) low |= bytes[at + 3]! << 24;
    halves[2 * i] = low >>> 0;
    if (width > 4) {
      let high = 0;
      for (let j = 4; j < width; j++) high |= bytes[at + j]! << (8 * (j - 4));
      halves[2 * i + 1] = high >>> 0;
    }
  }
  return out;
}
