/**
 * Vector arithmetic in the ring Z_2^128. A `WideVector` of n elements is a BigUint64Array of 2n words,
 * interleaved: element i is word 2i (low limb) and word 2i + 1 (high limb), so its bytes are the element's
 * 16 little-endian bytes (sent and stored as they are). The loops work on the same memory as 32-bit limbs
 * (Uint32Array views, plain numbers): carries and 32 x 32 -> 64-bit partial products stay exact in doubles,
 * with no BigInt allocation per element.
 */
export type WideVector = BigUint64Array;

const LIMB = 4294967296;
const WIDE_MASK = (1n << 128n) - 1n;

export function wideVector(length: number): WideVector {
  return new BigUint64Array(2 * length);
}

export function wideLength(vector: WideVector): number {
  return vector.length / 2;
}

const limbs = (vector: WideVector): Uint32Array =>
  new Uint32Array(vector.buffer, vector.byteOffset, vector.length * 2);

/** Element i as a bigint in [0, 2^128). */
export function wideAt(vector: WideVector, i: number): bigint {
  return vector[2 * i]! + (vector[2 * i + 1]! << 64n);
}

export function setWide(vector: WideVector, i: number, value: bigint): void {
  vector[2 * i] = BigInt.asUintN(64, value);
  vector[2 * i + 1] = BigInt.asUintN(64, value >> 64n);
}

export function wideFrom(values: readonly bigint[]): WideVector {
  const out = wideVector(values.length);
  values.forEach((value, i) => setWide(out, i, value));
  return out;
}

export const toWide = (value: bigint): bigint => value & WIDE_MASK;

/**
 * The carry out of a limb sum or difference in (-2^32, 2^33): 1, 0 or -1 (a borrow). Division, not a
 * comparison: on random limbs a branch mispredicts half the time, which made the loops four times slower.
 */
const carryOf = (limbSum: number): number => Math.floor(limbSum / LIMB);

export function add128(
  a: WideVector,
  b: WideVector,
  out: WideVector = wideVector(wideLength(a)),
): WideVector {
  const x = limbs(a);
  const y = limbs(b);
  const z = limbs(out);
  for (let i = 0; i < z.length; i += 4) {
    const s0 = x[i]! + y[i]!;
    const s1 = x[i + 1]! + y[i + 1]! + carryOf(s0);
    const s2 = x[i + 2]! + y[i + 2]! + carryOf(s1);
    const s3 = x[i + 3]! + y[i + 3]! + carryOf(s2);
    z[i] = s0;
    z[i + 1] = s1;
    z[i + 2] = s2;
    z[i + 3] = s3;
  }
  return out;
}

export function sub128(
  a: WideVector,
  b: WideVector,
  out: WideVector = wideVector(wideLength(a)),
): WideVector {
  const x = limbs(a);
  const y = limbs(b);
  const z = limbs(out);
  for (let i = 0; i < z.length; i += 4) {
    const s0 = x[i]! - y[i]!;
    const s1 = x[i + 1]! - y[i + 1]! + carryOf(s0);
    const s2 = x[i + 2]! - y[i + 2]! + carryOf(s1);
    const s3 = x[i + 3]! - y[i + 3]! + carryOf(s2);
    z[i] = s0;
    z[i + 1] = s1;
    z[i + 2] = s2;
    z[i + 3] = s3;
  }
  return out;
}

/** The high 32 bits of the 64-bit product of two u32: the double product is within 2^11 of the exact one. */
function mulHigh32(x: number, y: number): number {
  return Math.round((x * y - (Math.imul(x, y) >>> 0)) / LIMB);
}

/** a * b mod 2^128, schoolbook over 32-bit limbs (the columns above the fourth are dropped). */
export function mul128(
  a: WideVector,
  b: WideVector,
  out: WideVector = wideVector(wideLength(a)),
): WideVector {
  const x = limbs(a);
  const y = limbs(b);
  const z = limbs(out);
  for (let i = 0; i < z.length; i += 4) {
    const x0 = x[i]!;
    const x1 = x[i + 1]!;
    const x2 = x[i + 2]!;
    const x3 = x[i + 3]!;
    const y0 = y[i]!;
    const y1 = y[i + 1]!;
    const y2 = y[i + 2]!;
    const y3 = y[i + 3]!;
    const c1 = mulHigh32(x0, y0) + (Math.imul(x0, y1) >>> 0) + (Math.imul(x1, y0) >>> 0);
    const c2 =
      Math.floor(c1 / LIMB) +
      mulHigh32(x0, y1) +
      mulHigh32(x1, y0) +
      (Math.imul(x0, y2) >>> 0) +
      (Math.imul(x1, y1) >>> 0) +
      (Math.imul(x2, y0) >>> 0);
    const c3 =
      Math.floor(c2 / LIMB) +
      mulHigh32(x0, y2) +
      mulHigh32(x1, y1) +
      mulHigh32(x2, y0) +
      (Math.imul(x0, y3) >>> 0) +
      (Math.imul(x1, y2) >>> 0) +
      (Math.imul(x2, y1) >>> 0) +
      (Math.imul(x3, y0) >>> 0);
    z[i] = Math.imul(x0, y0);
    z[i + 1] = c1;
    z[i + 2] = c2;
    z[i + 3] = c3;
  }
  return out;
}

/** Sum of all elements mod 2^128: each limb column summed exactly in doubles, carried once per block. */
export function sum128(a: WideVector): bigint {
  const x = limbs(a);
  let total = 0n;
  // 2^20 elements of limbs below 2^32 keep every column sum below 2^52.
  const block = 4 << 20;
  for (let start = 0; start < x.length; start += block) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    const end = Math.min(x.length, start + block);
    for (let i = start; i < end; i += 4) {
      s0 += x[i]!;
      s1 += x[i + 1]!;
      s2 += x[i + 2]!;
      s3 += x[i + 3]!;
    }
    total += BigInt(s0) + (BigInt(s1) << 32n) + (BigInt(s2) << 64n) + (BigInt(s3) << 96n);
  }
  return total & WIDE_MASK;
}

/** Sums of consecutive groups of `groupLength` elements. */
export function sumGroups128(a: WideVector, groupCount: number, groupLength: number): bigint[] {
  return Array.from({ length: groupCount }, (_, g) =>
    sum128(a.subarray(2 * g * groupLength, 2 * (g + 1) * groupLength)),
  );
}
