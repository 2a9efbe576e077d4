import { createCipheriv, type Cipher } from 'node:crypto';
import { ringVector, wordsFromBytes, type RingVector } from './ring.ts';

/**
 * AES-128-CTR pseudo-random generator keyed by a 16-byte seed. A stream is named by `(stream, substream)`
 * (two u32 put in the IV), so one seed yields many independent streams with random access: word `offset` of
 * a stream is computed without generating the words before it (offset must be even: two words per block).
 */
export const SEED_BYTES = 16;

export interface StreamId {
  stream: number;
  substream: number;
}

/**
 * Zero plaintext shared by every call: CTR output is the key stream XOR the input, so the input only has
 * to be zero bytes, and a fresh zero-filled input per call costs as much as the cipher itself.
 */
let zeros = Buffer.alloc(0);

function zeroBytes(byteLength: number): Buffer {
  if (zeros.byteLength < byteLength) zeros = Buffer.alloc(Math.max(byteLength, 2 * zeros.byteLength));
  return zeros.subarray(0, byteLength);
}

function checkLength(byteLength: number): void {
  if (!Number.isSafeInteger(byteLength) || byteLength < 0)
    throw new RangeError(`PRG length ${byteLength} is not a byte count`);
}

function streamCipher(seed: Uint8Array, id: StreamId, blockOffset: number): Cipher {
  if (seed.length !== SEED_BYTES) throw new RangeError('PRG seed must be 16 bytes');
  const iv = Buffer.alloc(16);
  iv.writeUInt32BE(id.stream >>> 0, 0);
  iv.writeUInt32BE(id.substream >>> 0, 4);
  iv.writeBigUInt64BE(BigInt(blockOffset), 8);
  return createCipheriv('aes-128-ctr', seed, iv);
}

export function prgBytes(seed: Uint8Array, id: StreamId, byteLength: number, blockOffset = 0): Uint8Array {
  checkLength(byteLength);
  return streamCipher(seed, id, blockOffset).update(zeroBytes(byteLength));
}

/**
 * One stream read front to back: each call returns the bytes after the previous call's, as one `prgBytes`
 * of their total length would, with one cipher set-up for the whole stream.
 */
export class PrgReader {
  private readonly cipher: Cipher;
  constructor(seed: Uint8Array, id: StreamId) {
    this.cipher = streamCipher(seed, id, 0);
  }
  bytes(byteLength: number): Uint8Array {
    checkLength(byteLength);
    return this.cipher.update(zeroBytes(byteLength));
  }
  words(count: number): RingVector {
    return count === 0 ? ringVector(0) : wordsFromBytes(this.bytes(count * 8));
  }
}

export function prgWords(seed: Uint8Array, id: StreamId, count: number, offset = 0): RingVector {
  if (offset % 2 !== 0) throw new RangeError('PRG word offset must be even');
  if (count === 0) return ringVector(0);
  return wordsFromBytes(prgBytes(seed, id, count * 8, offset / 2));
}
