import { createCipheriv, type Cipher } from 'node:crypto';
import { dcfGenerateKernel, type DcfGenerateKernel } from './dcf-generate-kernel.ts';
import { dcfLevelKernel, type DcfLevelKernel } from './dcf-level-kernel.ts';
import { KernelMemory, perKey } from './kernel-memory.ts';
import { dispatchSlices, splitOverThreads, type ThreadSplit } from './dcf-threads.ts';
import { ringVector, type RingVector } from '../../contract/sharing/ring.ts';

/**
 * Distributed comparison function (Boyle, Chandran, Gilboa, Gupta, Ishai, Kumar, Tomescu, eprint 2020/1392,
 * Fig. 3) on a half tree (Guo, Yang, Wang, Zhang, Xie, Liu, Zhao, eprint 2022/1431): keys k_0, k_1 for
 * f(x) = beta if x < alpha else 0 over n-bit x, with outputs in Z_2^64 that add up to f(x).
 *
 * Seeds are 128 bits, bit 0 the control bit t. Party p's root seed has bit 0 = p, so the two roots differ
 * by Delta with bit 0 set (127 random bits: lambda = 127). A node's children come from one hash:
 * s_L = H(s, 0) ^ t CW, s_R = s_L ^ s. With CW = H(s_0, 0) ^ H(s_1, 0) ^ (1 - alpha_i) Delta the children
 * on alpha's path differ by Delta again and the others are equal, at every level (the half tree's
 * invariant). The value words (V_L, V_R) = H(s, 1) and the corrections V_CW, CW^(n+1) are those of the
 * paper's DCF, with Convert(s_n) = the low word of H(s_n, 1) at the leaf.
 *
 * H(x, i) = AES_k(sigma(x) ^ i) ^ sigma(x), fixed-key AES with sigma(low, high) = (low ^ high, low), a linear
 * orthomorphism: the tweakable circular correlation robust hash of Guo, Katz, Wang, Yu (eprint 2019/074).
 * Security: a party knows its own seeds s along alpha's path; each word of its key is a hash of the other
 * party's seed s ^ Delta (xor or minus values it knows, and Delta itself for CW), that is an answer of the
 * circular correlation robustness oracle H(s ^ Delta, i) ^ b Delta, on distinct (s, i); so the key is
 * pseudorandom to it while Delta stays hidden, as in the paper's DPF. Generation takes 4 AES blocks per key
 * and level (2 per party, 6 with the full-tree PRG (L, R, V)), evaluation 2, as before. Per level a key holds
 * CW (127 bits in `seedCorrections` with bit 0 cleared, its bit 0 in `controlCorrections`) and V_CW (8 bytes),
 * plus a final word: n(lambda + 1 + 64) + 64 bits, one bit per level less than the full tree's two control
 * corrections.
 *
 * Everything is batched over many keys level by level: one aes-128-ecb call over a batch or tile per level,
 * and the rest of each level is a WebAssembly kernel (`dcf-generate-kernel.ts`, `dcf-level-kernel.ts`).
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
  /** Root seeds, 16 bytes per key; evaluation sets bit 0 to the party (generation gives it so). */
  rootSeeds: Uint8Array;
  /** CW per level and key with bit 0 cleared: index (level * count + key) * 16. */
  seedCorrections: Uint8Array;
  /** V_CW per level and key. */
  valueCorrections: RingVector;
  /** Bit 0 of CW per level and key (bit 1 always 0). */
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

/**
 * Generates keys for `alpha.length` comparisons. `rootSeed0`/`rootSeed1` are the parties' root seeds (16
 * bytes per key, drawn by the caller from each party's PRG so the root seeds need not be sent; bit 0 is
 * replaced by the party).
 *
 * The keys go down their trees a tile of keys at a time, all levels of one tile before the next, so each
 * level's AES call and kernel pass stay in cache; the kernel writes the corrections straight into their
 * place in its memory, and the keys returned are views of it (no copy). `kernel`: the generation kernel
 * whose memory holds them, a fresh instance by default; a kernel passed again overwrites the keys it holds
 * (the dealer reuses one per thread and copies each section's keys out first; the tests pass variants).
 */
export function dcfGenerate(
  bits: number,
  alpha: RingVector,
  beta: RingVector,
  rootSeed0: Uint8Array,
  rootSeed1: Uint8Array,
  kernel: DcfGenerateKernel = dcfGenerateKernel(),
): { key0: DcfKeys; key1: DcfKeys } {
  const count = alpha.length;
  const tile = Math.max(1, Math.min(count, GENERATION_TILE_KEYS));
  const memory = new GenerationMemory(bits, count, tile, kernel);
  const { bytes, at, buffer } = memory;
  new BigUint64Array(buffer, at.beta, count).set(beta);
  const halves = splitHalves(alpha);
  new Uint32Array(buffer, at.alphaLow, count).set(halves.low);
  new Uint32Array(buffer, at.alphaHigh, count).set(halves.high);
  const roots = [rootSeed0, rootSeed1].map((seeds, party) => withControlBits(new Uint8Array(seeds), party));
  // Zeroed here: a reused kernel's memory holds the last generation's.
  const valueAlpha = new BigUint64Array(buffer, at.valueAlpha, count).fill(0n);
  const finalCorrections = new BigUint64Array(buffer, at.finalCorrections, count);
  const cipher = fixedKeyAes();
  for (let first = 0; first < count; first += tile) {
    const keys = Math.min(tile, count - first);
    // Both parties' inputs, adjacent, so one AES call per level covers both.
    const inputs = [at.input, at.input + keys * 32];
    const outputs = [at.output, at.output + keys * 32];
    roots.forEach((seeds, party) =>
      writeSeedInputs(
        new Uint32Array(buffer, inputs[party]!, keys * 8),
        wordView(seeds.subarray(first * 16, (first + keys) * 16)),
      ),
    );
    for (let level = 0; level < bits; level++) {
      const position = bits - 1 - level;
      bytes.set(cipher.update(bytes.subarray(at.input, at.input + keys * 64)), at.output);
      const corrections = level * count + first;
      kernel.dcfGenerateLevel(
        keys,
        inputs[0]!,
        inputs[1]!,
        outputs[0]!,
        outputs[1]!,
        (position >= 32 ? at.alphaHigh : at.alphaLow) + first * 4,
        position & 31,
        at.beta + first * 8,
        at.valueAlpha + first * 8,
        at.seedCorrections + corrections * 16,
        at.valueCorrections + corrections * 8,
        at.controlCorrections + corrections,
      );
    }
    // CW^(n+1) = (-1)^t1 (Convert(s1) - Convert(s0) - V_alpha), Convert(s) the low word of H(s, 1).
    bytes.set(cipher.update(bytes.subarray(at.input, at.input + keys * 64)), at.output);
    const [convert0, convert1] = [0, 1].map((party) =>
      leafWords(buffer, inputs[party]!, outputs[party]!, keys),
    );
    for (let k = 0; k < keys; k++) {
      const value = convert1!.convert(k) - convert0!.convert(k) - valueAlpha[first + k]!;
      finalCorrections[first + k] = convert1!.control(k) === 1 ? -value : value;
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
  return { key0: { ...shared, rootSeeds: roots[0]! }, key1: { ...shared, rootSeeds: roots[1]! } };
}

/** Keys per tile: one level's AES call over a tile is 64 bytes a key, 128 KiB, in cache. */
const GENERATION_TILE_KEYS = 2048;

/**
 * The leaf of `keys` walks whose last inputs (sigma(s_n), sigma(s_n) ^ 1) are at `input` and their AES
 * outputs at `output`: Convert(s_n), the low word of H(s_n, 1) = out1 ^ in0, and s_n's control bit (bit 0
 * of in0's high word).
 */
function leafWords(
  buffer: ArrayBuffer,
  input: number,
  output: number,
  keys: number,
): { convert(k: number): bigint; control(k: number): number } {
  const inWords = new BigUint64Array(buffer, input, keys * 4);
  const outWords = new BigUint64Array(buffer, output, keys * 4);
  const inBytes = new Uint8Array(buffer, input, keys * 32);
  return {
    convert: (k) => BigInt.asUintN(64, outWords[k * 4 + 2]! ^ inWords[k * 4]!),
    control: (k) => inBytes[k * 32 + 8]! & 1,
  };
}

/** The AES inputs (sigma(s), sigma(s) ^ 1) of each seed in `seeds` (4 words each), 8 words per seed. */
function writeSeedInputs(input: Uint32Array, seeds: Uint32Array): void {
  for (let k = 0; k < seeds.length / 4; k++) {
    const [s0, s1, s2, s3] = [seeds[k * 4]!, seeds[k * 4 + 1]!, seeds[k * 4 + 2]!, seeds[k * 4 + 3]!];
    // sigma(low, high) = (low ^ high, low) on 64-bit halves: words (s0 ^ s2, s1 ^ s3, s0, s1).
    const base = k * 8;
    input[base] = s0 ^ s2;
    input[base + 1] = s1 ^ s3;
    input[base + 2] = s0;
    input[base + 3] = s1;
    input[base + 4] = (s0 ^ s2 ^ 1) >>> 0;
    input[base + 5] = s1 ^ s3;
    input[base + 6] = s0;
    input[base + 7] = s1;
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
  constructor(bits: number, count: number, tile: number, kernel: DcfGenerateKernel) {
    super(kernel.memory, {
      input: 64 * tile,
      output: 64 * tile,
      seedCorrections: 16 * bits * count,
      valueCorrections: 8 * bits * count,
      ...perKey(GENERATION_BYTES_PER_KEY, count),
      controlCorrections: bits * count,
    });
  }
}

/** Per key: the generation's inputs, its state across levels and its final word. */
const GENERATION_BYTES_PER_KEY = {
  finalCorrections: 8,
  beta: 8,
  valueAlpha: 8,
  alphaLow: 4,
  alphaHigh: 4,
} as const;

/** Sets bit 0 of each 16-byte seed to `party`, its root control bit. */
function withControlBits(seeds: Uint8Array, party: number): Uint8Array {
  for (let k = 0; k < seeds.length; k += 16) seeds[k] = (seeds[k]! & 0xfe) | party;
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
  const walk = new EvaluationWalk(party, keys, Math.min(to - from, EVALUATION_TILE_KEYS));
  for (let first = from; first < to; first += EVALUATION_TILE_KEYS)
    evaluateTile(walk, points, out, first, Math.min(to, first + EVALUATION_TILE_KEYS));
}

/** Keys per tile of an evaluation: one level's AES call over a tile is 32 bytes a key, 128 KiB, in cache. */
const EVALUATION_TILE_KEYS = 4096;

/** Keys [from, to) walked to the leaves by `walk`, for one point or two. */
function evaluateTile(
  walk: EvaluationWalk,
  points: readonly RingVector[],
  out: readonly RingVector[],
  from: number,
  to: number,
): void {
  const { bits } = walk.keys;
  const [x, y] = points as [RingVector, RingVector?];
  walk.start(x, from, to);
  if (y === undefined) {
    walk.run(0, bits);
    walk.result(out[0]!);
    return;
  }
  // The levels before `shared` take the same direction for both points; a node's inputs do not depend on
  // the direction it is left by, so the walks part after them.
  const shared = sharedLevels(bits, x, y, from, to);
  walk.run(0, shared);
  const fork = walk.snapshot();
  walk.run(shared, bits);
  walk.result(out[0]!);
  walk.restore(fork);
  walk.setPoints(y);
  walk.run(shared, bits);
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
 * Batched walks down the trees of a tile of keys at a time along public points (indexed like the keys),
 * level by level in the kernel's memory, kept from one tile to the next.
 */
class EvaluationWalk {
  readonly #memory: EvaluationMemory;
  readonly #cipher = fixedKeyAes();
  readonly #valueBytes: Uint8Array;
  /** The tile: keys [from, from + count). */
  #from = 0;
  #count = 0;

  constructor(
    readonly party: 0 | 1,
    readonly keys: DcfKeys,
    capacity: number,
  ) {
    this.#memory = new EvaluationMemory(capacity);
    this.#valueBytes = new Uint8Array(
      keys.valueCorrections.buffer,
      keys.valueCorrections.byteOffset,
      keys.valueCorrections.byteLength,
    );
  }

  /** Starts keys [from, to) at their roots, at points x. */
  start(x: RingVector, from: number, to: number): void {
    this.#from = from;
    this.#count = to - from;
    const { at, buffer, bytes } = this.#memory;
    this.setPoints(x);
    const roots = withControlBits(this.keys.rootSeeds.slice(from * 16, to * 16), this.party);
    writeSeedInputs(new Uint32Array(buffer, at.input, this.#count * 8), wordView(roots));
    bytes.fill(0, at.value, at.value + this.#count * 8);
  }

  /** The points' 32-bit halves go into kernel memory; the kernel reads each level's bit from them. */
  setPoints(x: RingVector): void {
    const { at, buffer } = this.#memory;
    const halves = splitHalves(x.subarray(this.#from, this.#from + this.#count));
    new Uint32Array(buffer, at.inputLow, this.#count).set(halves.low);
    new Uint32Array(buffer, at.inputHigh, this.#count).set(halves.high);
  }

  /** Levels [from, to). */
  run(from: number, to: number): void {
    const { bits } = this.keys;
    const count = this.#count;
    const { bytes, at } = this.#memory;
    for (let level = from; level < to; level++) {
      const position = bits - 1 - level;
      this.#encrypt();
      const first = level * this.keys.count + this.#from;
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
        at.value,
        position >= 32 ? at.inputHigh : at.inputLow,
        position & 31,
      );
    }
  }

  /** This level's AES outputs for every key's inputs. */
  #encrypt(): void {
    const { bytes, at } = this.#memory;
    bytes.set(this.#cipher.update(bytes.subarray(at.input, at.input + this.#count * 32)), at.output);
  }

  /** The walk's state between levels: next AES inputs and accumulated values. */
  snapshot(): Uint8Array[] {
    const { bytes, at } = this.#memory;
    const count = this.#count;
    return [bytes.slice(at.input, at.input + count * 32), bytes.slice(at.value, at.value + count * 8)];
  }

  restore([input, value]: Uint8Array[]): void {
    const { bytes, at } = this.#memory;
    bytes.set(input!, at.input);
    bytes.set(value!, at.value);
  }

  /** This party's outputs once every level ran, written to `value` at the keys' indices. */
  result(value: RingVector): void {
    const count = this.#count;
    const from = this.#from;
    const { at, buffer } = this.#memory;
    this.#encrypt();
    const leaf = leafWords(buffer, at.input, at.output, count);
    const accumulated = new BigUint64Array(buffer, at.value, count);
    const finalCorrections = this.keys.finalCorrections;
    for (let k = 0; k < count; k++) {
      const word =
        accumulated[k]! + leaf.convert(k) + (leaf.control(k) === 1 ? finalCorrections[from + k]! : 0n);
      value[from + k] = this.party === 1 ? -word : word;
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
  controlCorrections: 1,
} as const;

/** 32-bit words over the same bytes, without copying (the arrays here are 4-byte aligned). */
function wordView(array: Uint8Array | BigUint64Array): Uint32Array {
  return new Uint32Array(array.buffer, array.byteOffset, array.byteLength / 4);
}
