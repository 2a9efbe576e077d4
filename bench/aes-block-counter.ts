import crypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';

/**
 * Counts the AES-128 blocks this thread encrypts through node:crypto's `createCipheriv` (the DCF's fixed-key
 * MMO and the sharing PRG), so the benchmark can say how many AES blocks an operation takes. Installing it
 * wraps `createCipheriv` and refreshes the ESM named export, which every module importing it sees (ESM
 * bindings are live). Worker threads and TLS record encryption are not counted.
 */
let blocks = 0;
let installed = false;

export function installAesBlockCounter(): void {
  if (installed) return;
  installed = true;
  const original = crypto.createCipheriv;
  const counting = (...args: Parameters<typeof crypto.createCipheriv>): crypto.Cipher => {
    const cipher = original(...args);
    const name = String(args[0]).toLowerCase();
    if (!name.startsWith('aes-128')) return cipher;
    const update = cipher.update.bind(cipher) as (
      data: NodeJS.ArrayBufferView,
      ...rest: unknown[]
    ) => unknown;
    (cipher as { update: unknown }).update = (data: NodeJS.ArrayBufferView, ...rest: unknown[]) => {
      blocks += Math.ceil(data.byteLength / 16);
      return update(data, ...rest);
    };
    return cipher;
  };
  (crypto as { createCipheriv: unknown }).createCipheriv = counting;
  syncBuiltinESMExports();
}

/** Blocks counted since the counter was installed. */
export function aesBlocksCounted(): number {
  return blocks;
}
