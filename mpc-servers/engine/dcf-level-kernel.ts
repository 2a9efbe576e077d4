/**
 * The per-level step of batched half-tree DCF evaluation (see `dcf.ts`) as a tiny hand-assembled
 * WebAssembly function (native i64, no BigInt, no bounds checks in JS). For each key k, with AES input `in`
 * (32 bytes per key: sigma(s), sigma(s) ^ 1 for the key's seed s) and output `out`, and d the key's input
 * bit at this level:
 *   s = sigma^-1(in0), t = bit 0 of s; child = (out0 ^ in0) ^ (t ? CW : 0) ^ (d ? s : 0);
 *   v = (out1 ^ in0)[d] + (t ? vCW : 0); value += v; next input = (sigma(child), sigma(child) ^ 1).
 * CW is the level's seed correction with its bit 0 from `tcw`. Correction words are the current level's
 * (one entry per key).
 *
 * Signature: dcfLevel(count, in, out, scw, vcw, tcw, value, directionWords, directionShift): byte offsets
 * into the module's memory (`memory`, grown by the caller) and a bit position; a key's direction is bit
 * `shift` of its u32 in `words` (the low or high half of its input).
 */

import { assembleFunction, op, wasm, I32, I64, type WasmMemory } from './wasm-assembly.ts';

// Parameters.
const COUNT = 0;
const IN = 1;
const OUT = 2;
const SCW = 3;
const VCW = 4;
const TCW = 5;
const VALUE = 6;
const DIRECTION_WORDS = 7; // u32 per key holding this level's input bit
const DIRECTION_SHIFT = 8;
// i32 locals.
const K = 9; // key index
const BLOCK = 10; // k * 32
const D = 11; // direction bit
const T = 12; // control bit
// i64 locals.
const IN_LOW = 13;
const S_LOW = 14; // = in0's high half
const S_HIGH = 15;
const CHILD_LOW = 16;
const CHILD_HIGH = 17;
const V = 18;

const at = (base: number, stride: number): number[] => [
  ...op.get(base),
  ...op.get(K),
  ...op.i32Const(stride),
  ...op.i32Mul,
  ...op.i32Add,
];
/** Address of key k's 32-byte block in the input or output region: base + BLOCK. */
const blockAddress = (base: number): number[] => [...op.get(base), ...op.get(BLOCK), ...op.i32Add];
const setLocal = (local: number, value: number[]): number[] => [...value, ...op.set(local)];
/** `value` if the i32 local `condition` is 1, else 0. */
const when = (value: number[], condition: number): number[] => [
  ...value,
  ...op.i64Const(0),
  ...op.get(condition),
  ...op.select,
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
  ...setLocal(BLOCK, [...op.get(K), ...op.i32Const(32), ...op.i32Mul]),
  ...setLocal(D, [
    ...at(DIRECTION_WORDS, 4),
    ...op.i32Load(),
    ...op.get(DIRECTION_SHIFT),
    ...op.i32ShrU,
    ...op.i32Const(1),
    ...op.i32And,
  ]),
  ...setLocal(IN_LOW, [...blockAddress(IN), ...op.i64Load(0)]),
  ...setLocal(S_LOW, [...blockAddress(IN), ...op.i64Load(8)]),
  ...setLocal(S_HIGH, [...op.get(IN_LOW), ...op.get(S_LOW), ...op.i64Xor]),
  ...setLocal(T, [...op.get(S_LOW), ...op.i32WrapI64, ...op.i32Const(1), ...op.i32And]),
  // child = H(s, 0) ^ (d ? s : 0), then ^ CW when t
  ...setLocal(CHILD_LOW, [
    ...blockAddress(OUT),
    ...op.i64Load(0),
    ...op.get(IN_LOW),
    ...op.i64Xor,
    ...when(op.get(S_LOW), D),
    ...op.i64Xor,
  ]),
  ...setLocal(CHILD_HIGH, [
    ...blockAddress(OUT),
    ...op.i64Load(8),
    ...op.get(S_LOW),
    ...op.i64Xor,
    ...when(op.get(S_HIGH), D),
    ...op.i64Xor,
  ]),
  // v = H(s, 1)'s half d: out1[d] ^ in0[d]
  ...setLocal(V, [
    ...blockAddress(OUT),
    ...op.get(D),
    ...op.i32Const(3),
    ...op.i32Shl,
    ...op.i32Add,
    ...op.i64Load(16),
    ...op.get(S_LOW),
    ...op.get(IN_LOW),
    ...op.get(D),
    ...op.select,
    ...op.i64Xor,
  ]),
  ...op.get(T),
  ...op.if,
  ...setLocal(CHILD_LOW, [
    ...op.get(CHILD_LOW),
    ...at(SCW, 16),
    ...op.i64Load(0),
    ...op.i64Xor,
    ...at(TCW, 1),
    ...op.i32Load8U(),
    ...op.i64ExtendI32U,
    ...op.i64Xor,
  ]),
  ...setLocal(CHILD_HIGH, [...op.get(CHILD_HIGH), ...at(SCW, 16), ...op.i64Load(8), ...op.i64Xor]),
  ...setLocal(V, [...op.get(V), ...at(VCW, 8), ...op.i64Load(0), ...op.i64Add]),
  ...op.end,
  // value[k] += v
  ...at(VALUE, 8),
  ...at(VALUE, 8),
  ...op.i64Load(0),
  ...op.get(V),
  ...op.i64Add,
  ...op.i64Store(0),
  // next input = (sigma(child), sigma(child) ^ 1), sigma(low, high) = (low ^ high, low)
  ...blockAddress(IN),
  ...op.get(CHILD_LOW),
  ...op.get(CHILD_HIGH),
  ...op.i64Xor,
  ...op.i64Store(0),
  ...blockAddress(IN),
  ...op.get(CHILD_LOW),
  ...op.i64Store(8),
  ...blockAddress(IN),
  ...op.get(CHILD_LOW),
  ...op.get(CHILD_HIGH),
  ...op.i64Xor,
  ...op.i64Const(1),
  ...op.i64Xor,
  ...op.i64Store(16),
  ...blockAddress(IN),
  ...op.get(CHILD_LOW),
  ...op.i64Store(24),
  // k++
  ...setLocal(K, [...op.get(K), ...op.i32Const(1), ...op.i32Add]),
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
    value: number,
    directionWords: number,
    directionShift: number,
  ): void;
  memory: WasmMemory;
}

const compiled = new wasm.Module(
  assembleFunction(
    'dcfLevel',
    9,
    [
      [4, I32],
      [6, I64],
    ],
    body,
  ),
);

/** A fresh instance (own memory) per evaluation, so concurrent evaluations cannot share buffers. */
export function dcfLevelKernel(): DcfLevelKernel {
  return new wasm.Instance(compiled).exports as DcfLevelKernel;
}
