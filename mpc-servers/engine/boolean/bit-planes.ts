import { ringVector, type RingVector } from '../../../contract/sharing/ring.ts';

/**
 * Bit-sliced vectors: n w-bit values stored as w bit planes, plane j holding bit j of every value, 32 rows
 * to a Uint32Array word (row i is bit i & 31 of word i >> 5). Each plane is padded to whole 64-bit words
 * (`planeWords`), so a plane, or planes side by side, can be viewed as ring words for `runRound`. XOR, NOT
 * and AND with public bits are then word operations on XOR shares; only AND of two shared planes needs a
 * round (`and-gates.ts`).
 */
export type Planes = Uint32Array;

/** Uint32 words of one plane of `rows` rows: whole 64-bit words. */
export function planeWords(rows: number): number {
  return 2 * Math.ceil(rows / 64);
}

/**
 * The planes of the low `bits` bits of each word (`bits` planes of `planeWords(values.length)` words), into
 * `out` when given (every word of it written).
 */
export function planesOfWords(
  values: RingVector,
  bits = 64,
  out: Planes = new Uint32Array(bits * planeWords(values.length)),
): Planes {
  const n = values.length;
  const width = planeWords(n);
  if (out.length !== bits * width)
    throw new RangeError(`${bits} planes of ${n} rows are ${bits * width} words`);
  const halves = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const block = new Uint32Array(32);
  // 32 rows by 32 bits at a time: one 32 x 32 bit-matrix transpose per half word.
  for (let at = 0; at * 32 < n; at++) {
    const first = at * 32;
    const count = Math.min(32, n - first);
    for (let half = 0; half < 2 && half * 32 < bits; half++) {
      for (let i = 0; i < 32; i++) block[i] = i < count ? halves[2 * (first + i) + half]! : 0;
      transpose32(block);
      const top = Math.min(32, bits - half * 32);
      for (let j = 0; j < top; j++) out[(half * 32 + j) * width + at] = block[j]!;
    }
  }
  // The padding word of a plane whose last 64-bit word holds at most 32 rows.
  if (Math.ceil(n / 32) < width) for (let j = 0; j < bits; j++) out[j * width + width - 1] = 0;
  return out;
}

/**
 * Transposes a 32 x 32 bit matrix in place (row i = word i, column j = bit j): swaps the off-diagonal
 * blocks of 16, 8, 4, 2 and 1 bits (Warren, Hacker's Delight, 7-3).
 */
function transpose32(a: Uint32Array): void {
  for (let j = 16, m = 0x0000ffff; j !== 0; j >>>= 1, m = m ^ (m << j)) {
    for (let k = 0; k < 32; k = (k + j + 1) & ~j) {
      const t = ((a[k]! >>> j) ^ a[k + j]!) & m;
      a[k + j] = a[k + j]! ^ t;
      a[k] = a[k]! ^ (t << j);
    }
  }
}

/** The inverse of `planesOfWords`: `rows` words from `bits` planes (higher bits zero). */
export function wordsOfPlanes(planes: Planes, rows: number, bits: number): RingVector {
  const width = planeWords(rows);
  const out = ringVector(rows);
  const halves = new Uint32Array(out.buffer);
  for (let i = 0; i < rows; i++) {
    const at = i >>> 5;
    const shift = i & 31;
    let lo = 0;
    let hi = 0;
    for (let j = 0; j < bits; j++) {
      const bit = (planes[j * width + at]! >>> shift) & 1;
      if (j < 32) lo |= bit << j;
      else hi |= bit << (j - 32);
    }
    halves[2 * i] = lo >>> 0;
    halves[2 * i + 1] = hi >>> 0;
  }
  return out;
}

/**
 * The low `bits` planes of x - d mod 2^bits for public planes x (`width` words each) and a public constant
 * d, by a borrow chain from bit 0 up; `borrow` is the last borrow, [x < d mod 2^bits]. Row-wise the same as
 * subtracting d from every row.
 */
export function subtractConstant(
  x: Planes,
  d: bigint,
  bits: number,
  width: number,
): { difference: Planes; borrow: Planes } {
  const difference = new Uint32Array(bits * width);
  const borrow = new Uint32Array(width);
  const constant = BigInt.asUintN(64, d);
  for (let j = 0; j < bits; j++) {
    const dj = (constant >> BigInt(j)) & 1n ? -1 : 0;
    for (let i = 0, at = j * width; i < width; i++, at++) {
      const xj = x[at]!;
      const b = borrow[i]!;
      difference[at] = xj ^ dj ^ b;
      borrow[i] = (~xj & (dj | b)) | (dj & b);
    }
  }
  return { difference, borrow };
}

/** Plane `j` of `planes` (a view, no copy), planes of `width` words each. */
export function plane(planes: Planes, j: number, width: number): Planes {
  return planes.subarray(j * width, (j + 1) * width);
}

/** Planes side by side, in order. */
export function concatPlanes(parts: readonly Planes[]): Planes {
  const out = new Uint32Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function xorPlanes(a: Planes, b: Planes, out: Planes = new Uint32Array(a.length)): Planes {
  for (let i = 0; i < out.length; i++) out[i] = a[i]! ^ b[i]!;
  return out;
}

export function andPlanes(a: Planes, b: Planes, out: Planes = new Uint32Array(a.length)): Planes {
  for (let i = 0; i < out.length; i++) out[i] = a[i]! & b[i]!;
  return out;
}

export function notPlanes(a: Planes, out: Planes = new Uint32Array(a.length)): Planes {
  for (let i = 0; i < out.length; i++) out[i] = ~a[i]!;
  return out;
}

/**
 * XOR of a public plane into XOR shares: only A adds it, so the shares still XOR to x ^ p (`isA` false
 * returns a copy).
 */
export function xorPublic(shares: Planes, publicBits: Planes, isA: boolean): Planes {
  return isA ? xorPlanes(shares, publicBits) : shares.slice();
}

/** Views planes (whole 64-bit words) as ring words, no copy. */
export function planesAsWords(planes: Planes): RingVector {
  if (planes.length % 2 !== 0) throw new RangeError('planes must fill whole 64-bit words');
  return new BigUint64Array(planes.buffer, planes.byteOffset, planes.length / 2);
}

/** Views ring words as planes, no copy. */
export function wordsAsPlanes(words: RingVector): Planes {
  return new Uint32Array(words.buffer, words.byteOffset, 2 * words.length);
}
