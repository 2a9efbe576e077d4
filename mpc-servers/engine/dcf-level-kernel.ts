/**
 * The per-level step of batched DCF evaluation as a tiny hand-assembled WebAssembly function (native i64,
 * no BigInt, no bounds checks in JS). For each key k, with AES output `out` and input `in` (32 bytes per key:
 * block 0 = child seed input, block 1 = V block input):
 *   seed = out0 ^ in0; v = (out1 ^ in1)[direction]; control bit = bit 0 of seed;
 *   if t: seed ^= sCW, control ^= tCW[direction], v += vCW;
 *   value += v; seed bit 0 cleared; next input = (seed ^ nextDirection, seed ^ 2).
 * Correction words are the current level's (one entry per key). See `dcf.ts` for the construction.
 *
 * Signature: dcfLevel(count, in, out, scw, vcw, tcw, control, value, directionWords, directionShift,
 * nextWords, nextShift): byte offsets into the module's memory (`memory`, grown by the caller) and bit
 * positions; a key's direction is bit `shift` of its u32 in `words` (the low or high half of its input).
 */

import { assembleFunction, op, wasm, I32, I64, type WasmMemory } from './wasm-assembly.ts';

// Parameters.
const COUNT = 0;
const IN = 1;
const OUT = 2;
const SCW = 3;
const VCW = 4;
const TCW = 5;
const CONTROL = 6;
const VALUE = 7;
const DIRECTION_WORDS = 8; // u32 per key holding this level's input bit
const DIRECTION_SHIFT = 9;
const NEXT_WORDS = 10; // the same for the next level (a zero array after the last level)
const NEXT_SHIFT = 11;
// Locals.
const K = 12; // key index
const BLOCK = 13; // k * 32
const D = 14; // direction bit
const C = 15; // child control bit
const SEED_LOW = 16; // i64
const SEED_HIGH = 17; // i64
const V = 18; // i64

const at = (base: number, stride: number): number[] => [
  ...op.get(base),
  ...op.get(K),
  ...op.i32Const(stride),
  ...op.i32Mul,
  ...op.i32Add,
];
/** Address of key k's 32-byte block in the input or output region: base + BLOCK. */
const blockAddress = (base: number): number[] => [...op.get(base), ...op.get(BLOCK), ...op.i32Add];
const inWord = (offset: number): number[] => [...blockAddress(IN), ...op.i64Load(offset)];
const outWord = (offset: number): number[] => [...blockAddress(OUT), ...op.i64Load(offset)];
/** Bit `shift` of the u32 at words[k]. */
const bitOf = (words: number, shift: number): number[] => [
  ...at(words, 4),
  ...op.i32Load(),
  ...op.get(shift),
  ...op.i32ShrU,
  ...op.i32Const(1),
  ...op.i32And,
];
/** seedHalf ^= the seed correction's 8 bytes at `offset`. */
const correctSeedHalf = (seedHalf: number, offset: number): number[] => [
  ...op.get(seedHalf),
  ...at(SCW, 16),
  ...op.i64Load(offset),
  ...op.i64Xor,
  ...op.set(seedHalf),
];
/** Address of the V half chosen by the direction: BLOCK + 16 + 8 * d. */
const vAddress = (base: number): number[] => [
  ...blockAddress(base),
  ...op.get(D),
  ...op.i32Const(3),
  ...op.i32Shl,
  ...op.i32Add,
];

const body = [
  ...op.i32Const(0),
  ...op.set(K),
  ...op.block,
  ...op.loop,
  // while (k < count)
  ...op.get(K),
  ...op.get(COUNT),
  ...op.i32GeU,
  ...op.brIf(1),
  ...op.get(K),
  ...op.i32Const(32),
  ...op.i32Mul,
  ...op.set(BLOCK),
  ...bitOf(DIRECTION_WORDS, DIRECTION_SHIFT),
  ...op.set(D),
  // seed = out0 ^ in0
  ...outWord(0),
  ...inWord(0),
  ...op.i64Xor,
  ...op.set(SEED_LOW),
  ...outWord(8),
  ...inWord(8),
  ...op.i64Xor,
  ...op.set(SEED_HIGH),
  // v = out1[d] ^ in1[d]
  ...vAddress(OUT),
  ...op.i64Load(16),
  ...vAddress(IN),
  ...op.i64Load(16),
  ...op.i64Xor,
  ...op.set(V),
  ...op.get(SEED_LOW),
  ...op.i32WrapI64,
  ...op.i32Const(1),
  ...op.i32And,
  ...op.set(C),
  // if (control[k]) apply the corrections
  ...at(CONTROL, 1),
  ...op.i32Load8U(),
  ...op.if,
  ...correctSeedHalf(SEED_LOW, 0),
  ...correctSeedHalf(SEED_HIGH, 8),
  ...op.get(C),
  ...at(TCW, 1),
  ...op.i32Load8U(),
  ...op.get(D),
  ...op.i32ShrU,
  ...op.i32Const(1),
  ...op.i32And,
  ...op.i32Xor,
  ...op.set(C),
  ...op.get(V),
  ...at(VCW, 8),
  ...op.i64Load(0),
  ...op.i64Add,
  ...op.set(V),
  ...op.end,
  // value[k] += v
  ...at(VALUE, 8),
  ...at(VALUE, 8),
  ...op.i64Load(0),
  ...op.get(V),
  ...op.i64Add,
  ...op.i64Store(0),
  // control[k] = c
  ...at(CONTROL, 1),
  ...op.get(C),
  ...op.i32Store8(),
  // seed bit 0 cleared; next input = (seed ^ next direction, seed ^ 2)
  ...op.get(SEED_LOW),
  ...op.i64Const(-2),
  ...op.i64And,
  ...op.set(SEED_LOW),
  ...blockAddress(IN),
  ...op.get(SEED_LOW),
  ...bitOf(NEXT_WORDS, NEXT_SHIFT),
  ...op.i64ExtendI32U,
  ...op.i64Xor,
  ...op.i64Store(0),
  ...blockAddress(IN),
  ...op.get(SEED_HIGH),
  ...op.i64Store(8),
  ...blockAddress(IN),
  ...op.get(SEED_LOW),
  ...op.i64Const(2),
  ...op.i64Xor,
  ...op.i64Store(16),
  ...blockAddress(IN),
  ...op.get(SEED_HIGH),
  ...op.i64Store(24),
  // k++
  ...op.get(K),
  ...op.i32Const(1),
  ...op.i32Add,
  ...op.set(K),
  ...op.br(0),
  ...op.end,
  ...op.end,
  ...op.end,
];

export interface DcfLevelKernel {
  dcfLevel(
    count: number,
    input: number,
    out: number,
    scw: number,
    vcw: number,
    tcw: number,
    control: number,
    value: number,
    directionWords: number,
    directionShift: number,
    nextWords: number,
    nextShift: number,
  ): void;
  memory: WasmMemory;
}

const compiled = new wasm.Module(
  assembleFunction(
    'dcfLevel',
    12,
    [
      [4, I32],
      [3, I64],
    ],
    body,
  ),
);

/** A fresh instance (own memory) per evaluation, so concurrent evaluations cannot share buffers. */
export function dcfLevelKernel(): DcfLevelKernel {
  return new wasm.Instance(compiled).exports as DcfLevelKernel;
}
