import { toRing, toSigned } from '../sharing/ring.ts';

/**
 * Fixed point: a real x with f fractional bits is the ring element round(x * 2^f) mod 2^64 (two's
 * complement). Encoding is exact for integers and rounds to the nearest 2^-f for reals. Products carry 2f
 * fractional bits; the analyses keep them there (no truncation) and the result decoder divides by 2^2f.
 */
export const MAX_SAFE_MAGNITUDE = 2 ** 62;

export function encodeFixed(value: number, fractionalBits: number): bigint {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const scaled = Math.round(value * 2 ** fractionalBits);
  if (Math.abs(scaled) >= MAX_SAFE_MAGNITUDE) {
    throw new RangeError(`${value} does not fit in the ring with ${fractionalBits} fractional bits`);
  }
  return toRing(BigInt(scaled));
}

/** Signed ring element to a number with `fractionalBits` fractional bits (float rounding above 2^53). */
export function decodeFixed(element: bigint, fractionalBits: number): number {
  return Number(toSigned(element)) / 2 ** fractionalBits;
}
