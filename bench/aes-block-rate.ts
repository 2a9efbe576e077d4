import { createCipheriv, randomBytes } from 'node:crypto';

/**
 * This machine's AES-128 block rate on one thread: node:crypto aes-128-ecb (AES-NI through OpenSSL) over
 * buffers of `bufferBytes` per call, the way the DCF kernels call it (one call per tree level over all keys).
 * The kernels' rates are read against it: an operation that needs b blocks cannot run faster than rate / b
 * per thread. Calls of a few hundred KiB amortise the call and stay in cache; calls of several MiB, like a
 * level of 2^17 keys, also pay for memory.
 */
export function measureAesBlockRate(bufferBytes: number, minSeconds = 0.5): number {
  const cipher = createCipheriv('aes-128-ecb', randomBytes(16), null);
  cipher.setAutoPadding(false);
  const input = randomBytes(bufferBytes);
  cipher.update(input); // warm-up
  let bytes = 0;
  const started = performance.now();
  let seconds = 0;
  while (seconds < minSeconds) {
    cipher.update(input);
    bytes += bufferBytes;
    seconds = (performance.now() - started) / 1000;
  }
  return bytes / 16 / seconds;
}

/** The limit the kernels are read against: the best of a few runs at 256 KiB per call. */
export const AES_LIMIT_CALL_BYTES = 256 << 10;
