import { assembleFunction, I32, I64, op, wasm, type WasmMemory } from './wasm-assembly.ts';

/**
 * The per-level step of batched DCF key generation (eprint 2020/1392, Fig. 3) as a hand-assembled
 * WebAssembly function: native i64 instead of BigInt, one pass over the keys. For each key k, with the two
 * parties' AES inputs `in0`/`in1` and outputs `out0`/`out1` (48 bytes per key each: the blocks of s, s^1,
 * s^2, so e = out ^ in is (L, R, V)) and a = alpha's bit at this level:
 *   tCW = (tL0 ^ tL1 ^ a ^ 1) | (tR0 ^ tR1 ^ a) << 1; sCW = (L/R not taken by a, both parties xored), bit 0
 *   cleared; d = v1Lose - v0Lose + (a ? beta : 0); vCW = (-1)^t1 (d - V_alpha); V_alpha = d - v1Keep + v0Keep;
 *   per party: s = keep (bit 0 cleared) ^ (t ? sCW : 0), t = keep's bit 0 ^ (t & tCW[a]), and the next
 *   level's input (s, s^1, s^2) written over `in`.
 * It writes this level's corrections to `scw` (16 bytes per key), `vcw` (8) and `tcw` (1), and updates
 * `valueAlpha` (8), `control0`/`control1` (1) in place. See `dcf.ts` for the construction.
 *
 * Signature: dcfGenerateLevel(count, in0, in1, out0, out1, alphaWords, alphaShift, beta, valueAlpha,
 * control0, control1, scw, vcw, tcw): byte offsets into `memory` and the bit position of alpha's bit in
 * its u32 (the low or high half of alpha).
 */

// Parameters.
const COUNT = 0;
const IN = [1, 2] as const;
const OUT = [3, 4] as const;
const ALPHA_WORDS = 5;
const ALPHA_SHIFT = 6;
const BETA = 7;
const VALUE_ALPHA = 8;
const CONTROL = [9, 10] as const;
const SCW = 11;
const VCW = 12;
const TCW = 13;
// i32 locals.
const K = 14;
const BASE = 15; // k * 48
const A = 16;
const LOSE = 17; // byte offset of the seed block alpha does not take: 16 - 16a
const KEEP = 18; // 16a
const LOSE_V = 19; // byte offset of the V half alpha does not take: 40 - 8a
const KEEP_V = 20; // 32 + 8a
const T = [21, 22] as const; // the parties' control bits
const T_LCW = 23;
const T_RCW = 24;
const T_KEEP = 25;
const NEW_T = 26;
// i64 locals.
const SCW_LOW = 27;
const SCW_HIGH = 28;
const D = 29;
const X = 30;
const S_LOW = 31;
const S_HIGH = 32;

/** Address base + k * stride. */
const at = (base: number, stride: number): number[] => [
  ...op.get(base),
  ...op.get(K),
  ...op.i32Const(stride),
  ...op.i32Mul,
  ...op.i32Add,
];
/** Address base + BASE (+ the dynamic offset in local `offset`). */
const blockAt = (base: number, offset?: number): number[] => [
  ...op.get(base),
  ...op.get(BASE),
  ...op.i32Add,
  ...(offset === undefined ? [] : [...op.get(offset), ...op.i32Add]),
];
/** Party p's e = out ^ in, the i64 at byte `constant` (+ local `offset`) of its key's 48 bytes. */
const e = (party: 0 | 1, constant: number, offset?: number): number[] => [
  ...blockAt(OUT[party], offset),
  ...op.i64Load(constant),
  ...blockAt(IN[party], offset),
  ...op.i64Load(constant),
  ...op.i64Xor,
];
/** Bit 0 of e's i64 at byte `constant` (+ `offset`), as i32. */
const lowBit = (party: 0 | 1, constant: number, offset?: number): number[] => [
  ...e(party, constant, offset),
  ...op.i32WrapI64,
  ...op.i32Const(1),
  ...op.i32And,
];
const setLocal = (local: number, value: number[]): number[] => [...value, ...op.set(local)];

/** One party's new seed and control bit, then its next input blocks (s, s^1, s^2) over its input. */
const advanceParty = (party: 0 | 1): number[] => [
  // s = keep with bit 0 cleared, xor sCW when t
  ...setLocal(S_LOW, [
    ...e(party, 0, KEEP),
    ...op.i64Const(-2),
    ...op.i64And,
    ...op.get(SCW_LOW),
    ...op.i64Const(0),
    ...op.get(T[party]),
    ...op.select,
    ...op.i64Xor,
  ]),
  ...setLocal(S_HIGH, [
    ...e(party, 8, KEEP),
    ...op.get(SCW_HIGH),
    ...op.i64Const(0),
    ...op.get(T[party]),
    ...op.select,
    ...op.i64Xor,
  ]),
  ...setLocal(NEW_T, [
    ...lowBit(party, 0, KEEP),
    ...op.get(T[party]),
    ...op.get(T_KEEP),
    ...op.i32And,
    ...op.i32Xor,
  ]),
  ...at(CONTROL[party], 1),
  ...op.get(NEW_T),
  ...op.i32Store8(),
  ...[0, 1, 2].flatMap((tweak) => [
    ...blockAt(IN[party]),
    ...op.get(S_LOW),
    ...(tweak === 0 ? [] : [...op.i64Const(tweak), ...op.i64Xor]),
    ...op.i64Store(16 * tweak),
    ...blockAt(IN[party]),
    ...op.get(S_HIGH),
    ...op.i64Store(16 * tweak + 8),
  ]),
];

const body = [
  ...op.i32Const(0),
  ...op.set(K),
  ...op.block,
  ...op.loop,
  ...op.get(K),
  ...op.get(COUNT),
  ...op.i32GeU,
  ...op.brIf(1),
  ...setLocal(BASE, [...op.get(K), ...op.i32Const(48), ...op.i32Mul]),
  // a = bit `shift` of alpha's u32
  ...setLocal(A, [
    ...at(ALPHA_WORDS, 4),
    ...op.i32Load(),
    ...op.get(ALPHA_SHIFT),
    ...op.i32ShrU,
    ...op.i32Const(1),
    ...op.i32And,
  ]),
  ...setLocal(KEEP, [...op.get(A), ...op.i32Const(4), ...op.i32Shl]),
  ...setLocal(LOSE, [...op.i32Const(16), ...op.get(KEEP), ...op.i32Sub]),
  ...setLocal(KEEP_V, [...op.i32Const(32), ...op.get(A), ...op.i32Const(3), ...op.i32Shl, ...op.i32Add]),
  ...setLocal(LOSE_V, [...op.i32Const(40), ...op.get(A), ...op.i32Const(3), ...op.i32Shl, ...op.i32Sub]),
  ...setLocal(T[0], [...at(CONTROL[0], 1), ...op.i32Load8U()]),
  ...setLocal(T[1], [...at(CONTROL[1], 1), ...op.i32Load8U()]),
  // control-bit corrections
  ...setLocal(T_LCW, [
    ...lowBit(0, 0),
    ...lowBit(1, 0),
    ...op.i32Xor,
    ...op.get(A),
    ...op.i32Xor,
    ...op.i32Const(1),
    ...op.i32Xor,
  ]),
  ...setLocal(T_RCW, [...lowBit(0, 16), ...lowBit(1, 16), ...op.i32Xor, ...op.get(A), ...op.i32Xor]),
  ...at(TCW, 1),
  ...op.get(T_LCW),
  ...op.get(T_RCW),
  ...op.i32Const(1),
  ...op.i32Shl,
  ...op.i32Or,
  ...op.i32Store8(),
  ...setLocal(T_KEEP, [...op.get(T_RCW), ...op.get(T_LCW), ...op.get(A), ...op.select]),
  // seed correction: the lost blocks of both parties xored, bit 0 cleared
  ...setLocal(SCW_LOW, [...e(0, 0, LOSE), ...e(1, 0, LOSE), ...op.i64Xor, ...op.i64Const(-2), ...op.i64And]),
  ...setLocal(SCW_HIGH, [...e(0, 8, LOSE), ...e(1, 8, LOSE), ...op.i64Xor]),
  ...at(SCW, 16),
  ...op.get(SCW_LOW),
  ...op.i64Store(0),
  ...at(SCW, 16),
  ...op.get(SCW_HIGH),
  ...op.i64Store(8),
  // d = v1Lose - v0Lose + (a ? beta : 0)
  ...setLocal(D, [
    ...e(1, 0, LOSE_V),
    ...e(0, 0, LOSE_V),
    ...op.i64Sub,
    ...at(BETA, 8),
    ...op.i64Load(0),
    ...op.i64Const(0),
    ...op.get(A),
    ...op.select,
    ...op.i64Add,
  ]),
  // vCW = (-1)^t1 (d - V_alpha)
  ...setLocal(X, [...op.get(D), ...at(VALUE_ALPHA, 8), ...op.i64Load(0), ...op.i64Sub]),
  ...at(VCW, 8),
  ...op.i64Const(0),
  ...op.get(X),
  ...op.i64Sub,
  ...op.get(X),
  ...op.get(T[1]),
  ...op.select,
  ...op.i64Store(0),
  // V_alpha = d - v1Keep + v0Keep
  ...at(VALUE_ALPHA, 8),
  ...op.get(D),
  ...e(1, 0, KEEP_V),
  ...op.i64Sub,
  ...e(0, 0, KEEP_V),
  ...op.i64Add,
  ...op.i64Store(0),
  // both parties' seeds and control bits (every read of e above is done before the inputs are overwritten)
  ...advanceParty(0),
  ...advanceParty(1),
  ...setLocal(K, [...op.get(K), ...op.i32Const(1), ...op.i32Add]),
  ...op.br(0),
  ...op.end,
  ...op.end,
  ...op.end,
];

export interface DcfGenerateKernel {
  dcfGenerateLevel(
    count: number,
    in0: number,
    in1: number,
    out0: number,
    out1: number,
    alphaWords: number,
    alphaShift: number,
    beta: number,
    valueAlpha: number,
    control0: number,
    control1: number,
    scw: number,
    vcw: number,
    tcw: number,
  ): void;
  memory: WasmMemory;
}

const compiled = new wasm.Module(
  assembleFunction(
    'dcfGenerateLevel',
    14,
    [
      [13, I32],
      [6, I64],
    ],
    body,
  ),
);

/** A fresh instance (own memory) per generation. */
export function dcfGenerateKernel(): DcfGenerateKernel {
  return new wasm.Instance(compiled).exports as DcfGenerateKernel;
}
