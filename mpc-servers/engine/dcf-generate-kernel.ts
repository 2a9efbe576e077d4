import { assembleFunction, I32, I64, op, wasm, type WasmMemory } from './wasm-assembly.ts';

/**
 * The per-level step of batched half-tree DCF key generation (see `dcf.ts`) as a hand-assembled
 * WebAssembly function: native i64 instead of BigInt, one pass over a tile of keys. Per key k and party p,
 * the inputs `in_p` hold the AES inputs of its on-path seed s (32 bytes: sigma(s), sigma(s) ^ 1) and `out_p`
 * their AES outputs, so H(s, 0) = out0 ^ in0 and H(s, 1) = out1 ^ in0 = (V_L, V_R); s = sigma^-1(in0),
 * t = bit 0 of s, Delta = s_0 ^ s_1 and a = alpha's bit at this level:
 *   CW = H(s_0, 0) ^ H(s_1, 0) ^ (a ? 0 : Delta), stored as bit 0 in `tcw` and the rest in `scw`;
 *   d = vLose_1 - vLose_0 + (a ? beta : 0); vCW = (-1)^t_1 (d - V_alpha); V_alpha = d - vKeep_1 + vKeep_0;
 *   per party: s_L = H(s, 0) ^ (t ? CW : 0), the next seed s_L ^ (a ? s : 0), its inputs written over `in_p`.
 * It writes this level's corrections to `scw` (16 bytes per key), `vcw` (8) and `tcw` (1) and updates
 * `valueAlpha` (8) in place.
 *
 * Signature: dcfGenerateLevel(count, in0, in1, out0, out1, alphaWords, alphaShift, beta, valueAlpha, scw,
 * vcw, tcw): byte offsets into `memory` and the bit position of alpha's bit in its u32 (the low or high half
 * of alpha).
 */

// Parameters.
const COUNT = 0;
const IN = [1, 2] as const;
const OUT = [3, 4] as const;
const ALPHA_WORDS = 5;
const ALPHA_SHIFT = 6;
const BETA = 7;
const VALUE_ALPHA = 8;
const SCW = 9;
const VCW = 10;
const TCW = 11;
// i32 locals.
const K = 12;
const BASE = 13; // k * 32
const A = 14;
const T1 = 15; // party 1's control bit
// i64 locals, per party: its seed's halves, H(s, 0)'s halves, V_L and V_R.
const S_LOW = [16, 17] as const;
const S_HIGH = [18, 19] as const;
const H_LOW = [20, 21] as const;
const H_HIGH = [22, 23] as const;
const V_LEFT = [24, 25] as const;
const V_RIGHT = [26, 27] as const;
const CW_LOW = 28;
const CW_HIGH = 29;
const NOT_A = 30; // all ones when a = 0
const D = 31;
const X = 32;
const NEXT_LOW = 33;
const NEXT_HIGH = 34;

/** Address base + k * stride. */
const at = (base: number, stride: number): number[] => [
  ...op.get(base),
  ...op.get(K),
  ...op.i32Const(stride),
  ...op.i32Mul,
  ...op.i32Add,
];
/** Address of key k's 32 bytes in a party's input or output region. */
const block = (base: number): number[] => [...op.get(base), ...op.get(BASE), ...op.i32Add];
const setLocal = (local: number, value: number[]): number[] => [...value, ...op.set(local)];
const xor = (a: number, b: number): number[] => [...op.get(a), ...op.get(b), ...op.i64Xor];
/** `value` if the i32 local `condition` is 1, else 0. */
const when = (value: number[], condition: number[]): number[] => [
  ...value,
  ...op.i64Const(0),
  ...condition,
  ...op.select,
];

/** One party's seed (sigma^-1 of its first input: s_low = in_high, s_high = in_low ^ in_high), H(s, 0), V. */
const readParty = (party: 0 | 1): number[] => [
  ...setLocal(S_LOW[party], [...block(IN[party]), ...op.i64Load(8)]),
  ...setLocal(S_HIGH[party], [...block(IN[party]), ...op.i64Load(0), ...op.get(S_LOW[party]), ...op.i64Xor]),
  ...setLocal(H_LOW[party], [
    ...block(OUT[party]),
    ...op.i64Load(0),
    ...block(IN[party]),
    ...op.i64Load(0),
    ...op.i64Xor,
  ]),
  ...setLocal(H_HIGH[party], [...block(OUT[party]), ...op.i64Load(8), ...op.get(S_LOW[party]), ...op.i64Xor]),
  ...setLocal(V_LEFT[party], [
    ...block(OUT[party]),
    ...op.i64Load(16),
    ...block(IN[party]),
    ...op.i64Load(0),
    ...op.i64Xor,
  ]),
  ...setLocal(V_RIGHT[party], [
    ...block(OUT[party]),
    ...op.i64Load(24),
    ...op.get(S_LOW[party]),
    ...op.i64Xor,
  ]),
];

/** A party's bit 0 of its seed, as i32. */
const control = (party: 0 | 1): number[] => [
  ...op.get(S_LOW[party]),
  ...op.i32WrapI64,
  ...op.i32Const(1),
  ...op.i32And,
];
/** V_L if a else V_R (the half alpha does not take), or the other one. */
const vLose = (party: 0 | 1): number[] => [
  ...op.get(V_LEFT[party]),
  ...op.get(V_RIGHT[party]),
  ...op.get(A),
  ...op.select,
];
const vKeep = (party: 0 | 1): number[] => [
  ...op.get(V_RIGHT[party]),
  ...op.get(V_LEFT[party]),
  ...op.get(A),
  ...op.select,
];

/** The party's next seed, then its inputs (sigma(s), sigma(s) ^ 1) over its input. */
const advanceParty = (party: 0 | 1): number[] => [
  ...setLocal(NEXT_LOW, [
    ...op.get(H_LOW[party]),
    ...when(op.get(CW_LOW), control(party)),
    ...op.i64Xor,
    ...when(op.get(S_LOW[party]), op.get(A)),
    ...op.i64Xor,
  ]),
  ...setLocal(NEXT_HIGH, [
    ...op.get(H_HIGH[party]),
    ...when(op.get(CW_HIGH), control(party)),
    ...op.i64Xor,
    ...when(op.get(S_HIGH[party]), op.get(A)),
    ...op.i64Xor,
  ]),
  ...block(IN[party]),
  ...xor(NEXT_LOW, NEXT_HIGH),
  ...op.i64Store(0),
  ...block(IN[party]),
  ...op.get(NEXT_LOW),
  ...op.i64Store(8),
  ...block(IN[party]),
  ...xor(NEXT_LOW, NEXT_HIGH),
  ...op.i64Const(1),
  ...op.i64Xor,
  ...op.i64Store(16),
  ...block(IN[party]),
  ...op.get(NEXT_LOW),
  ...op.i64Store(24),
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
  ...setLocal(BASE, [...op.get(K), ...op.i32Const(32), ...op.i32Mul]),
  // a = bit `shift` of alpha's u32
  ...setLocal(A, [
    ...at(ALPHA_WORDS, 4),
    ...op.i32Load(),
    ...op.get(ALPHA_SHIFT),
    ...op.i32ShrU,
    ...op.i32Const(1),
    ...op.i32And,
  ]),
  ...setLocal(NOT_A, [...op.i64Const(0), ...op.i64Const(-1), ...op.get(A), ...op.select]),
  ...readParty(0),
  ...readParty(1),
  ...setLocal(T1, control(1)),
  // CW = H(s_0, 0) ^ H(s_1, 0) ^ (a ? 0 : Delta)
  ...setLocal(CW_LOW, [
    ...xor(H_LOW[0], H_LOW[1]),
    ...xor(S_LOW[0], S_LOW[1]),
    ...op.get(NOT_A),
    ...op.i64And,
    ...op.i64Xor,
  ]),
  ...setLocal(CW_HIGH, [
    ...xor(H_HIGH[0], H_HIGH[1]),
    ...xor(S_HIGH[0], S_HIGH[1]),
    ...op.get(NOT_A),
    ...op.i64And,
    ...op.i64Xor,
  ]),
  ...at(SCW, 16),
  ...op.get(CW_LOW),
  ...op.i64Const(-2),
  ...op.i64And,
  ...op.i64Store(0),
  ...at(SCW, 16),
  ...op.get(CW_HIGH),
  ...op.i64Store(8),
  ...at(TCW, 1),
  ...op.get(CW_LOW),
  ...op.i32WrapI64,
  ...op.i32Const(1),
  ...op.i32And,
  ...op.i32Store8(),
  // d = vLose_1 - vLose_0 + (a ? beta : 0)
  ...setLocal(D, [
    ...vLose(1),
    ...vLose(0),
    ...op.i64Sub,
    ...when([...at(BETA, 8), ...op.i64Load(0)], op.get(A)),
    ...op.i64Add,
  ]),
  // vCW = (-1)^t1 (d - V_alpha)
  ...setLocal(X, [...op.get(D), ...at(VALUE_ALPHA, 8), ...op.i64Load(0), ...op.i64Sub]),
  ...at(VCW, 8),
  ...op.i64Const(0),
  ...op.get(X),
  ...op.i64Sub,
  ...op.get(X),
  ...op.get(T1),
  ...op.select,
  ...op.i64Store(0),
  // V_alpha = d - vKeep_1 + vKeep_0
  ...at(VALUE_ALPHA, 8),
  ...op.get(D),
  ...vKeep(1),
  ...op.i64Sub,
  ...vKeep(0),
  ...op.i64Add,
  ...op.i64Store(0),
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
    scw: number,
    vcw: number,
    tcw: number,
  ): void;
  memory: WasmMemory;
}

/** The kernel's code, for `assembleGenerateKernel`. */
export const DCF_GENERATE_LEVEL_BODY: readonly number[] = body;

/** The module of `code` (the kernel's body, or a variant of it) as the kernel's function. */
export function assembleGenerateKernel(code: readonly number[]): object {
  return new wasm.Module(
    assembleFunction(
      'dcfGenerateLevel',
      12,
      [
        [4, I32],
        [19, I64],
      ],
      [...code],
    ),
  );
}

const compiled = assembleGenerateKernel(body);

/** A fresh instance (own memory) per generation, of the kernel or of `module`. */
export function dcfGenerateKernel(module = compiled): DcfGenerateKernel {
  return new wasm.Instance(module).exports as DcfGenerateKernel;
}
