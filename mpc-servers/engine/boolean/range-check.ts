import { add, type RingVector } from '../../../contract/sharing/ring.ts';
import type { ChunkMaterial, MaterialRequest } from '../material.ts';
import { runRound, type PartyContext, type RoundStep } from '../ops.ts';
import { plane, planeWords, planesOfWords, type Planes } from './bit-planes.ts';
import { andGates } from './and-gates.ts';
import { AllOfCircuit, allOfLayers, andLayerWords, runAndCircuits, type AndCircuit } from './and-layers.ts';
import { bitToArithmeticStep } from './bit-to-arithmetic.ts';
import type { EdaBitShares } from './boolean-shares.ts';
import { LessThanCircuit, lessThanPublicLayers } from './compare-public.ts';

/**
 * The validity check of the dealer model with edaBits (Escudero, Ghosh, Keller, Rachuri, Scholl: "Improved
 * Primitives for MPC over Mixed Arithmetic-Binary Circuits", CRYPTO 2020, eprint 2020/338), exact for any
 * 64-bit word. Per value x of a field with bounds [low, high] and an edaBit r: open y = x - low + r (one
 * round, r uniform so y is); then u = x - low = y - r mod 2^64 is valid iff u <= span = high - low.
 *
 * With k the bit length of span (at least 1), u <= span iff u's low k bits are at most span and its high
 * 64 - k bits are zero. Low part: u_low = y_low - r_low mod 2^k <= span iff r_low lies in the public
 * interval [y_low - span, y_low] mod 2^k; without wrap (y_low >= span) that is [r <= y] AND [r >= L], with
 * wrap [r <= y] OR [r >= L] (L = y_low - span mod 2^k). With w = [y_low < span] public per row,
 * P = [r_low > y_low] ^ ~w and Q = [r_low < L] ^ ~w, both cases are (P & Q) ^ w. High part: the
 * subtraction's borrow into bit k is b = [r_low > y_low] (P's comparison), so u_high = y_high - r_high - b
 * is zero iff r_high = y_high - b: with E0 = [r_high = y_high] and E1 = [r_high = y_high - 1] (exclusive),
 * zero = E0 ^ (b & (E0 ^ E1)). E0 and E1 are AND trees over the XNOR planes; y - 2^k gives y_high - 1.
 *
 * Rounds: the k-bit comparisons (`lessThanTree`) beside the (64 - k)-plane equality trees, at most 6; one
 * round for P & Q and b & (E0 ^ E1); a tree ANDing every field's two bits; one bit-to-arithmetic round. A
 * field of k bits costs 2 lessThanPublicLayers(k) + 2 (63 - k) + 2 gates before the final tree, instead of
 * two whole-ring comparisons (240 gates). Rows are in [0, 2^16], fields any number.
 */
const BITS = 64;

/** Bits of a field's low part: those of its span, at least 1 (span read as an unsigned word). */
export function lowBitsOf(span: bigint): number {
  return Math.max(1, BigInt.asUintN(BITS, span).toString(2).length);
}

/** The material of `rangeCheck` over fields of these spans and `rows` rows, in the order it is consumed. */
export function rangeCheckRequests(spans: readonly bigint[], rows: number): MaterialRequest[] {
  return [...rangeCheckBitRequests(spans, rows), { kind: 'lift', count: rows }];
}

/** The material of `rangeCheckBits`: `rangeCheck`'s without the conversion. */
export function rangeCheckBitRequests(spans: readonly bigint[], rows: number): MaterialRequest[] {
  return [
    ...spans.map((): MaterialRequest => ({ kind: 'edaBit', count: rows })),
    ...maskedRangeCheckBitRequests(spans, rows),
  ];
}

/** The material of `maskedRangeCheck`: `rangeCheck`'s after its edaBits. */
export function maskedRangeCheckRequests(spans: readonly bigint[], rows: number): MaterialRequest[] {
  return [...maskedRangeCheckBitRequests(spans, rows), { kind: 'lift', count: rows }];
}

/** The material of `maskedRangeCheckBits`: its AND triples, round by round. */
function maskedRangeCheckBitRequests(spans: readonly bigint[], rows: number): MaterialRequest[] {
  const width = planeWords(rows) / 2;
  // Per field: the low comparisons (two instances per plane), then the high equalities (two per plane).
  const circuits = spans.flatMap((span) => {
    const k = lowBitsOf(span);
    const low = lessThanPublicLayers(k).map((gates) => 2 * gates);
    return k < BITS ? [low, allOfLayers(BITS - k).map((gates) => 2 * gates)] : [low];
  });
  const gates = [
    ...andLayerWords(circuits, width),
    // P & Q, and b & (E0 ^ E1) where there is a high part.
    finalBitCount(spans) * width,
    ...allOfLayers(finalBitCount(spans)).map((pairs) => pairs * width),
  ];
  return gates.map((count): MaterialRequest => ({ kind: 'andTriple', count }));
}

/** The planes the final tree ANDs: per field its low bit, and its high bit where it has a high part. */
const finalBitCount = (spans: readonly bigint[]): number =>
  spans.reduce((total, span) => total + (lowBitsOf(span) < BITS ? 2 : 1), 0);
/** Opens each value plus its mask: y = u + r (both parties get y). */
function openStep(u: RingVector, mask: RingVector): RoundStep<RingVector> {
  return { masked: add(u, mask), finish: (opened) => opened };
}

/**
 * Additive shares of each row's validity bit: 1 iff for every field f, `values[f]` (shares of any 64-bit
 * words) read as a signed word lies within [lows[f], highs[f]]. `values` are offsets x - low already
 * (A subtracted the public low), so the bound is u <= highs[f] - lows[f] as an unsigned word.
 */
export async function rangeCheck(
  context: PartyContext,
  offsets: readonly RingVector[],
  spans: readonly bigint[],
  material: ChunkMaterial,
): Promise<RingVector> {
  return toArithmetic(context, await rangeCheckBits(context, offsets, spans, material), offsets, material);
}

/** `rangeCheck`'s validity bits as XOR shares of one plane, before their conversion. */
export async function rangeCheckBits(
  context: PartyContext,
  offsets: readonly RingVector[],
  spans: readonly bigint[],
  material: ChunkMaterial,
): Promise<Planes> {
  const rows = offsets[0]?.length ?? 0;
  const edaBits = offsets.map(() => material.edaBits(rows));
  return maskedRangeCheckBits(context, offsets, spans, edaBits, material);
}

/** `rangeCheck` with the edaBits given (one per field, of the offsets' rows), the rest from `material`. */
export async function maskedRangeCheck(
  context: PartyContext,
  offsets: readonly RingVector[],
  spans: readonly bigint[],
  edaBits: readonly EdaBitShares[],
  material: ChunkMaterial,
): Promise<RingVector> {
  const bits = await maskedRangeCheckBits(context, offsets, spans, edaBits, material);
  return toArithmetic(context, bits, offsets, material);
}

/** Additive shares of the validity bits (one round, `lift` material). */
async function toArithmetic(
  context: PartyContext,
  bits: Planes,
  offsets: readonly RingVector[],
  material: ChunkMaterial,
): Promise<RingVector> {
  const rows = offsets[0]?.length ?? 0;
  const [arithmetic] = await runRound(context, [
    bitToArithmeticStep(context, bits, rows, material.lifts(rows)),
  ]);
  return arithmetic;
}

/** `maskedRangeCheck`'s bits as XOR shares of one plane. */
async function maskedRangeCheckBits(
  context: PartyContext,
  offsets: readonly RingVector[],
  spans: readonly bigint[],
  edaBits: readonly EdaBitShares[],
  material: ChunkMaterial,
): Promise<Planes> {
  const isA = context.party === 'A';
  const rows = offsets[0]?.length ?? 0;
  const width = planeWords(rows);
  const opened = await runRound(
    context,
    offsets.map((u, f) => openStep(u, edaBits[f]!.arithmetic)),
  );
  const triples = (words: number) => material.andTriples(words);
  const fields = offsets.map((_, f) => new FieldCheck(isA, opened[f]!, edaBits[f]!.bits, spans[f]!, width));
  await runAndCircuits(
    context,
    fields.flatMap((field) => field.circuits()),
    triples,
  );
  // P & Q, and b & (E0 ^ E1), of every field in one round; then the AND of all their bits.
  const operands = fields.map((field) => field.lastOperands());
  const x = operands.flatMap((pairs) => pairs.map(([left]) => left));
  const y = operands.flatMap((pairs) => pairs.map(([, right]) => right));
  const z = await andGates(context, x, y, triples((x.length * width) / 2));
  let at = 0;
  const bits = fields.flatMap((field, f) => field.lastBits(operands[f]!.map(() => plane(z, at++, width))));
  const all = new AllOfCircuit(bits);
  await runAndCircuits(context, [all], triples);
  return all.result;
}

/**
 * One field's circuits from its opened y and edaBit planes r: the low comparisons [~r < ~y] and [r < L] on
 * k bits, side by side in each plane (`LessThanCircuit`), and where k < 64 the equalities E0 and E1 on the
 * high bits, side by side (`AllOfCircuit`). A's share carries the public terms.
 */
class FieldCheck {
  private readonly wrap: Planes;
  private readonly low: LessThanCircuit;
  private readonly high: AllOfCircuit | undefined;
  private readonly aMask: number;

  constructor(
    isA: boolean,
    opened: RingVector,
    r: Planes,
    span: bigint,
    private readonly width: number,
  ) {
    const k = lowBitsOf(span);
    const aMask = isA ? -1 : 0;
    this.aMask = aMask;
    const y = planesOfWords(opened, BITS);
    // Low part: lt and eq per bit of both comparisons, from the planes of y and r; L = y - span and
    // w = [y_low < span] (the final borrow) by a bit-sliced subtraction of the public span, bit 0 up.
    const stride = 2 * width;
    const lt = new Uint32Array(k * stride);
    const eq = new Uint32Array(k * stride);
    const borrow = new Uint32Array(width);
    const spanWord = BigInt.asUintN(BITS, span);
    for (let j = 0; j < k; j++) {
      const spanMask = (spanWord >> BigInt(j)) & 1n ? -1 : 0;
      const from = j * width;
      const notYAt = j * stride;
      const boundAt = notYAt + width;
      for (let i = 0; i < width; i++) {
        const yj = y[from + i]!;
        const rj = r[from + i]!;
        const b = borrow[i]!;
        const bound = yj ^ spanMask ^ b;
        borrow[i] = (~yj & (spanMask | b)) | (spanMask & b);
        // [~r < ~y]: lt = ~y & ~(~r), eq = ~r ^ ~(~y) with A's share of ~r flipped and ~y public.
        lt[notYAt + i] = ~yj & rj;
        eq[notYAt + i] = rj ^ (aMask & ~yj);
        // [r < L]: lt = L & ~r, eq = r ^ ~L.
        lt[boundAt + i] = bound & (rj ^ aMask);
        eq[boundAt + i] = rj ^ (aMask & ~bound);
      }
    }
    this.wrap = borrow;
    this.low = new LessThanCircuit(lt, eq, k, stride);
    if (k === BITS) return;
    // High part: XNOR planes of r against y (E0) and against y - 2^k (E1, by a bit-sliced decrement from
    // bit k up), side by side; A adds the public ~y bits.
    const xnors = new Uint32Array((BITS - k) * stride);
    const decrement = new Uint32Array(width).fill(-1);
    for (let j = k; j < BITS; j++) {
      const from = j * width;
      const xnor = plane(xnors, j - k, stride);
      for (let i = 0; i < width; i++) {
        const yj = y[from + i]!;
        const rj = r[from + i]!;
        const d = decrement[i]!;
        xnor[i] = rj ^ (aMask & ~yj);
        xnor[width + i] = rj ^ (aMask & ~(yj ^ d));
        decrement[i] = d & ~yj;
      }
    }
    this.high = new AllOfCircuit(Array.from({ length: BITS - k }, (_, j) => plane(xnors, j, stride)));
  }

  circuits(): AndCircuit[] {
    return this.high ? [this.low, this.high] : [this.low];
  }

  /** The last round's operand pairs: (P, Q), then (b, E0 ^ E1) where there is a high part. */
  lastOperands(): [Planes, Planes][] {
    const { width, aMask } = this;
    const below = this.low.result;
    const p = new Uint32Array(width);
    const q = new Uint32Array(width);
    for (let i = 0; i < width; i++) {
      const notWrap = aMask & ~this.wrap[i]!;
      p[i] = below[i]! ^ notWrap;
      q[i] = below[width + i]! ^ notWrap;
    }
    if (!this.high) return [[p, q]];
    const equal = this.high.result;
    const differ = new Uint32Array(width);
    for (let i = 0; i < width; i++) differ[i] = equal[i]! ^ equal[width + i]!;
    return [
      [p, q],
      [below.subarray(0, width), differ],
    ];
  }

  /** The field's bits from the last round's products: (P & Q) ^ w, then E0 ^ (b & (E0 ^ E1)). */
  lastBits(products: Planes[]): Planes[] {
    const { width, aMask } = this;
    const valid = products[0]!;
    for (let i = 0; i < width; i++) valid[i] = valid[i]! ^ (aMask & this.wrap[i]!);
    if (!this.high) return [valid];
    const zero = products[1]!;
    const equal = this.high.result;
    for (let i = 0; i < width; i++) zero[i] = zero[i]! ^ equal[i]!;
    return [valid, zero];
  }
}
