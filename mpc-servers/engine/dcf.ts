import { createCipheriv, type Cipher } from 'node:crypto';
import { dcfGenerateKernel, type DcfGenerateKernel } from './dcf-generate-kernel.ts';
import { dcfLevelKernel, type DcfLevelKernel } from './dcf-level-kernel.ts';
import { KernelMemory, perKey } from './kernel-memory.ts';
import { dispatchSlices, splitOverThreads, type ThreadSplit } from './dcf-threads.ts';
import { ringVector, type RingVector } from '../../contract/sharing/ring.ts';

/**
 * Distributed comparison function (Boyle, Chandran, Gilboa, Gupta, Ishai, Kumar, Tomescu, eprint 2020/1392,
 * Fig. 3): keys k_0, k_1 for f(x) = beta if x < alpha else 0 over n-bit x, with outputs in Z_2^64 that add up
 * to f(x). Security parameter lambda = 127 (seed bits; bit 0 of each 128-bit block carries the control bit).
 * Per level a key holds s_CW (16 bytes), V_CW (8 bytes) and two control bits, plus a final 8-byte word:
 * about n(lambda + 64 + 2) bits, as in the paper.
 *
 * Everything is batched over many keys level by level: the PRG G(s) = (L, R, V) is fixed-key AES in MMO mode
 * (AES_k(s xor j) xor s xor j for j = 0, 1, 2), one aes-128-ecb call over all keys per level, and the rest of
 * each level is a WebAssembly kernel (`dcf-generate-kernel.ts`, `dcf-level-kernel.ts`). Evaluation needs only
 * two blocks per key per level (the branch taken and the V block).
 */
const FIXED_AES_KEY = Buffer.from('mpc-dcf/fixedkey', 'latin1');

function fixedKeyAes(): Cipher {
  const cipher = createCipheriv('aes-128-ecb', FIXED_AES_KEY, null);
  cipher.setAutoPadding(false);
  return cipher;
}

/** One party's keys for `count` comparisons over `bits`-bit inputs, level-major. */
export interface DcfKeys {
  bits: number;
  count: number;
  /** Root seeds, 16 bytes per key, bit 0 cleared. */
  rootSeeds: Uint8Array;
  /** s_CW per level and key: index (level * count + key) * 16. */
  seedCorrections: Uint8Array;
  /** V_CW per level and key. */
  valueCorrections: RingVector;
  /** Control-bit corrections, bit 0 = t_CW^L, bit 1 = t_CW^R, per level and key. */
  controlCorrections: Uint8Array;
  /** CW^(n+1) per key. */
  finalCorrections: RingVector;
}

/** Splits n-bit values into 32-bit halves so per-level bit tests avoid BigInt. */
function splitHalves(values: RingVector): { high: Uint32Array; low: Uint32Array } {
  // Little-endian words: the low half of value k is 32-bit word 2k, the high half word 2k + 1.
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  const high = new Uint32Array(values.length);
  const low = new Uint32Array(values.length);
  for (let k = 0; k < values.length; k++) {
    low[k] = words[2 * k]!;
    high[k] = words[2 * k + 1]!;
  }
  return { high, low };
}

/** Bit `position` (0 = least significant) of each value, as 0/1. */
function bitsAt(
  halves: { high: Uint32Array; low: Uint32Array },
  position: number,
  out: Uint8Array,
): Uint8Array {
  const source = position >= 32 ? halves.high : halves.low;
  const shift = position & 31;
  for (let k = 0; k < out.length; k++) out[k] = (source[k]! >>> shift) & 1;
  return out;
}

/**
 * Generates keys for `alpha.length` comparisons. `rootSeed0`/`rootSeed1` are the parties' root seeds (16
 * bytes per key, drawn by the caller from each party's PRG so the root seeds need not be sent).
 *
 * The keys go down their trees a tile of keys at a time, all levels of one tile before the next, so each
 * level's AES call and kernel pass stay in cache; the kernel writes the corrections straight into their
 * place in its memory, and the keys returned are views of it (no copy).
 */
export function dcfGenerate(
  bits: number,
  alpha: RingVector,
  beta: RingVector,
  rootSeed0: Uint8Array,
  rootSeed1: Uint8Array,
): { key0: DcfKeys; key1: DcfKeys } {
  const count = alpha.length;
  const tile = Math.max(1, Math.min(count, GENERATION_TILE_KEYS));
  const memory = new GenerationMemory(bits, count, tile);
  const { bytes, at, buffer, kernel } = memory;
  bytes.fill(1, at.control1, at.control1 + count);
  new BigUint64Array(buffer, at.beta, count).set(beta);
  const halves = splitHalves(alpha);
  new Uint32Array(buffer, at.alphaLow, count).set(halves.low);
  new Uint32Array(buffer, at.alphaHigh, count).set(halves.high);
  const roots = [rootSeed0, rootSeed1].map((seeds) => wordView(clearControlBits(new Uint8Array(seeds))));
  const valueAlpha = new BigUint64Array(buffer, at.valueAlpha, count);
  const finalCorrections = new BigUint64Array(buffer, at.finalCorrections, count);
  const cipher = fixedKeyAes();
  for (let first = 0; first < count; first += tile) {
    const keys = Math.min(tile, count - first);
    // Both parties' first inputs (s, s^1, s^2), adjacent, so one AES call per level covers both.
    roots.forEach((words, party) =>
      writeGenerationInputs(new Uint32Array(buffer, at.input + party * keys * 48, keys * 12), words, first),
    );
    for (let level = 0; level < bits; level++) {
      const position = bits - 1 - level;
      bytes.set(cipher.update(bytes.subarray(at.input, at.input + keys * 96)), at.output);
      const corrections = level * count + first;
      kernel.dcfGenerateLevel(
        keys,
        at.input,
        at.input + keys * 48,
        at.output,
        at.output + keys * 48,
        (position >= 32 ? at.alphaHigh : at.alphaLow) + first * 4,
        position & 31,
        at.beta + first * 8,
        at.valueAlpha + first * 8,
        at.control0 + first,
        at.control1 + first,
        at.seedCorrections + corrections * 16,
        at.valueCorrections + corrections * 8,
        at.controlCorrections + corrections,
      );
    }
    // CW^(n+1) = (-1)^t1 (Convert(s1) - Convert(s0) - V_alpha); Convert(s): the high 8 bytes of block 0.
    const final0 = new BigUint64Array(buffer, at.input, keys * 6);
    const final1 = new BigUint64Array(buffer, at.input + keys * 48, keys * 6);
    for (let k = 0; k < keys; k++) {
      const value = final1[k * 6 + 1]! - final0[k * 6 + 1]! - valueAlpha[first + k]!;
      finalCorrections[first + k] = bytes[at.control1 + first + k] === 1 ? -value : value;
    }
  }
  const shared = {
    bits,
    count,
    seedCorrections: new Uint8Array(buffer, at.seedCorrections, bits * count * 16),
    valueCorrections: new BigUint64Array(buffer, at.valueCorrections, bits * count),
    controlCorrections: new Uint8Array(buffer, at.controlCorrections, bits * count),
    finalCorrections,
  };
  return {
    key0: { ...shared, rootSeeds: clearControlBits(new Uint8Array(rootSeed0)) },
    key1: { ...shared, rootSeeds: clearControlBits(new Uint8Array(rootSeed1)) },
  };
}

/** Keys per tile: one level's AES call over a tile is 96 bytes a key, a few hundred KiB, in cache. */
const GENERATION_TILE_KEYS = 2048;

/** One party's first AES inputs (s, s^1, s^2) for the keys of a tile from `first`, from its root seeds. */
function writeGenerationInputs(input: Uint32Array, roots: Uint32Array, first: number): void {
  for (let k = 0; k < input.length / 12; k++) {
    const r = (first + k) * 4;
    for (let tweak = 0; tweak < 3; tweak++)
      writeTweakedBlock(
        input,
        k * 12 + tweak * 4,
        tweak,
        roots[r]!,
        roots[r + 1]!,
        roots[r + 2]!,
        roots[r + 3]!,
      );
  }
}

/**
 * Generation's working set inside its kernel's WebAssembly memory: one tile's AES inputs and outputs (both
 * parties'), every key's state and, level-major, its corrections.
 */
class GenerationMemory extends KernelMemory<
  | keyof typeof GENERATION_BYTES_PER_KEY
  | 'input'
  | 'output'
  | 'seedCorrections'
  | 'valueCorrections'
  | 'controlCorrections'
> {
  readonly kernel: DcfGenerateKernel;
  constructor(bits: number, count: number, tile: number, kernel = dcfGenerateKernel()) {
    super(kernel.memory, {
      input: 96 * tile,
      output: 96 * tile,
      seedCorrections: 16 * bits * count,
      valueCorrections: 8 * bits * count,
      ...perKey(GENERATION_BYTES_PER_KEY, count),
      controlCorrections: bits * count,
    });
    this.kernel = kernel;
  }
}

/** Per key: the generation's state across levels and its inputs and final word. */
const GENERATION_BYTES_PER_KEY = {
  finalCorrections: 8,
  beta: 8,
  valueAlpha: 8,
  alphaLow: 4,
  alphaHigh: 4,
  control0: 1,
  control1: 1,
} as const;

function clearControlBits(seeds: Uint8Array): Uint8Array {
  for (let k = 0; k < seeds.length; k += 16) seeds[k] = seeds[k]! & 0xfe;
  return seeds;
}

/**
 * Evaluates party `party`'s keys (0 = A, 1 = B) at public n-bit inputs `x` (one per key); the two parties'
 * outputs add up to beta * [x < alpha] mod 2^64.
 */
export function dcfEvaluate(party: 0 | 1, keys: DcfKeys, x: RingVector): RingVector {
  const out = ringVector(keys.count);
  const split = splitOverThreads(keys.count);
  if (split === undefined) evaluateKeyRange(party, keys, [x], [out], 0, keys.count);
  else evaluateSplit(split, party, keys, [x], [out]);
  return out;
}

/**
 * The same keys evaluated at two points per key, x and y. The walks share the tree levels where every key's
 * x and y agree on their top bits (x and y = x - w for a small public w agree above the low bits and a short
 * borrow chain), so those levels are evaluated once.
 */
export function dcfEvaluatePair(
  party: 0 | 1,
  keys: DcfKeys,
  x: RingVector,
  y: RingVector,
): [RingVector, RingVector] {
  const out: [RingVector, RingVector] = [ringVector(keys.count), ringVector(keys.count)];
  const split = splitOverThreads(keys.count);
  if (split === undefined) evaluateKeyRange(party, keys, [x, y], out, 0, keys.count);
  else evaluateSplit(split, party, keys, [x, y], out);
  return out;
}

/**
 * Evaluates keys [from, to) of `keys` at one point per key (`points` = [x]) or two (`[x, y]`, sharing the
 * top levels), writing each point's outputs to `out` at the keys' own indices. What every thread runs on its
 * share of a batch: a key's outputs do not depend on which other keys share its walk.
 */
export function evaluateKeyRange(
  party: 0 | 1,
  keys: DcfKeys,
  points: readonly RingVector[],
  out: readonly RingVector[],
  from: number,
  to: number,
): void {
  if (to <= from) return;
  const [x, y] = points as [RingVector, RingVector?];
  const shared = y === undefined ? 0 : sharedLevels(keys.bits, x, y, from, to);
  const walk = new EvaluationWalk(party, keys, x, from, to);
  if (y === undefined || shared === 0) {
    walk.run(0, keys.bits);
    walk.result(out[0]!);
    if (y === undefined) return;
    const second = new EvaluationWalk(party, keys, y, from, to);
    second.run(0, keys.bits);
    second.result(out[1]!);
    return;
  }
  // Level shared - 1 still has the same direction, but writes the next level's input from its own point.
  walk.run(0, shared - 1);
  const fork = walk.snapshot();
  walk.run(shared - 1, keys.bits);
  walk.result(out[0]!);
  walk.restore(fork);
  walk.setPoints(y);
  walk.run(shared - 1, keys.bits);
  walk.result(out[1]!);
}

/** The calling thread's share of the keys here, the rest on workers (see `dcf-threads.ts`). */
function evaluateSplit(
  split: ThreadSplit,
  party: 0 | 1,
  keys: DcfKeys,
  points: readonly RingVector[],
  out: readonly RingVector[],
): void {
  const dispatched = dispatchSlices(split, party, keys, points);
  if (dispatched === undefined) {
    evaluateKeyRange(party, keys, points, out, 0, keys.count);
    return;
  }
  evaluateKeyRange(party, keys, points, out, 0, split.mainKeys);
  dispatched.collect(out);
}

/** Leading tree levels (of `bits`) on which x and y agree for every key in [from, to). */
function sharedLevels(bits: number, x: RingVector, y: RingVector, from: number, to: number): number {
  const mask = (1n << BigInt(bits)) - 1n;
  let differing = 0n;
  for (let k = from; k < to; k++) differing |= x[k]! ^ y[k]!;
  differing &= mask;
  return bits - (differing === 0n ? 0 : differing.toString(2).length);
}

/**
 * One batched walk down the trees of keys [from, to) along public points (indexed like the keys), level by
 * level in the kernel's memory.
 */
class EvaluationWalk {
  readonly #memory: EvaluationMemory;
  readonly #cipher = fixedKeyAes();
  readonly #valueBytes: Uint8Array;
  /** Keys in this walk. */
  readonly #count: number;

  constructor(
    readonly party: 0 | 1,
    readonly keys: DcfKeys,
    x: RingVector,
    readonly from: number,
    to: number,
  ) {
    const { bits } = keys;
    const count = to - from;
    this.#count = count;
    this.#memory = new EvaluationMemory(count);
    const { bytes, at } = this.#memory;
    const halves = this.setPoints(x);
    const firstDirections = bitsAt(halves, bits - 1, new Uint8Array(count));
    const roots = wordView(clearControlBits(keys.rootSeeds.slice(from * 16, (from + count) * 16)));
    const inputWords = new Uint32Array(this.#memory.buffer, at.input, count * 8);
    for (let k = 0; k < count; k++) {
      const r = k * 4;
      writeExpansionInput(
        inputWords,
        k,
        firstDirections[k]!,
        roots[r]!,
        roots[r + 1]!,
        roots[r + 2]!,
        roots[r + 3]!,
      );
    }
    bytes.fill(party, at.control, at.control + count);
    this.#valueBytes = new Uint8Array(
      keys.valueCorrections.buffer,
      keys.valueCorrections.byteOffset,
      keys.valueCorrections.byteLength,
    );
  }

  /** The points' 32-bit halves go into kernel memory; the kernel reads each level's bit from them. */
  setPoints(x: RingVector): { high: Uint32Array; low: Uint32Array } {
    const { at, buffer } = this.#memory;
    const halves = splitHalves(x.subarray(this.from, this.from + this.#count));
    new Uint32Array(buffer, at.inputLow, this.#count).set(halves.low);
    new Uint32Array(buffer, at.inputHigh, this.#count).set(halves.high);
    return halves;
  }

  /** Levels [from, to). */
  run(from: number, to: number): void {
    const { bits } = this.keys;
    const count = this.#count;
    const { bytes, at } = this.#memory;
    const bitSource = (position: number): [number, number] =>
      position >= 32 ? [at.inputHigh, position - 32] : [at.inputLow, position];
    for (let level = from; level < to; level++) {
      const [directionWords, directionShift] = bitSource(bits - 1 - level);
      // After the last level the "next direction" is 0, which leaves the final seeds in block 0.
      const [nextWords, nextShift] = level < bits - 1 ? bitSource(bits - 2 - level) : [at.zeros, 0];
      bytes.set(this.#cipher.update(bytes.subarray(at.input, at.input + count * 32)), at.output);
      const first = level * this.keys.count + this.from;
      bytes.set(this.keys.seedCorrections.subarray(first * 16, (first + count) * 16), at.seedCorrections);
      bytes.set(this.#valueBytes.subarray(first * 8, (first + count) * 8), at.valueCorrections);
      bytes.set(this.keys.controlCorrections.subarray(first, first + count), at.controlCorrections);
      this.#memory.kernel.dcfLevel(
        count,
        at.input,
        at.output,
        at.seedCorrections,
        at.valueCorrections,
        at.controlCorrections,
        at.control,
        at.value,
        directionWords,
        directionShift,
        nextWords,
        nextShift,
      );
    }
  }

  /** The walk's state between levels: next AES inputs, control bits, accumulated values. */
  snapshot(): Uint8Array[] {
    const { bytes, at } = this.#memory;
    const count = this.#count;
    return [
      bytes.slice(at.input, at.input + count * 32),
      bytes.slice(at.control, at.control + count),
      bytes.slice(at.value, at.value + count * 8),
    ];
  }

  restore([input, control, value]: Uint8Array[]): void {
    const { bytes, at } = this.#memory;
    bytes.set(input!, at.input);
    bytes.set(control!, at.control);
    bytes.set(value!, at.value);
  }

  /** This party's outputs once every level ran, written to `value` at the keys' indices. */
  result(value: RingVector): void {
    const count = this.#count;
    const from = this.from;
    const { bytes, at, buffer } = this.#memory;
    const accumulated = new BigUint64Array(buffer, at.value, count);
    const finalSeeds = new BigUint64Array(buffer, at.input, count * 4);
    const finalCorrections = this.keys.finalCorrections;
    for (let k = 0; k < count; k++) {
      // Convert(seed): the high 8 bytes of block 0.
      value[from + k] =
        accumulated[k]! +
        finalSeeds[k * 4 + 1]! +
        (bytes[at.control + k] === 1 ? finalCorrections[from + k]! : 0n);
      if (this.party === 1) value[from + k] = -value[from + k]!;
    }
  }
}

/** The evaluation's working set inside the level kernel's WebAssembly memory. */
class EvaluationMemory extends KernelMemory<keyof typeof REGION_BYTES_PER_KEY> {
  readonly kernel: DcfLevelKernel;
  constructor(count: number, kernel = dcfLevelKernel()) {
    super(kernel.memory, perKey(REGION_BYTES_PER_KEY, count));
    this.kernel = kernel;
  }
}

const REGION_BYTES_PER_KEY = {
  input: 32,
  output: 32,
  seedCorrections: 16,
  valueCorrections: 8,
  value: 8,
  inputLow: 4,
  inputHigh: 4,
  zeros: 4,
  controlCorrections: 1,
  control: 1,
} as const;

function writeExpansionInput(
  words: Uint32Array,
  key: number,
  direction: number,
  s0: number,
  s1: number,
  s2: number,
  s3: number,
): void {
  const base = key * 8;
  writeTweakedBlock(words, base, direction, s0, s1, s2, s3);
  writeTweakedBlock(words, base + 4, 2, s0, s1, s2, s3);
}

/** One 16-byte AES input block at word `at`: the seed's words with `tweak` xored into the first. */
function writeTweakedBlock(
  words: Uint32Array,
  at: number,
  tweak: number,
  s0: number,
  s1: number,
  s2: number,
  s3: number,
): void {
  words[at] = s0 ^ tweak;
  words[at + 1] = s1;
  words[at + 2] = s2;
  words[at + 3] = s3;
}

/** 32-bit words over the same bytes, without copying (the arrays here are 4-byte aligned). */
function wordView(array: Uint8Array | BigUint64Array): Uint32Array {
  return new Uint32Array(array.buffer, array.byteOffset, array.byteLength / 4);
}
