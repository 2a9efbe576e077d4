import { add, type RingVector } from '../../../contract/sharing/ring.ts';
import type { ChunkMaterial, MaterialRequest } from '../material.ts';
import { runRound, type PartyContext, type RoundStep } from '../ops.ts';
import { planeWords, planesOfWords, subtractConstant, type Planes } from './bit-planes.ts';
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
 * is zero iff r_high = y_high - b. y_high - 1 differs from y_high in the bits m up to its lowest set bit
 * (public per row: y ^ (y - 2^k) above bit k), so y_high - b = y_high ^ (b & m) bit by bit, XOR-shared
 * once b is: zero = AND of the XNOR planes of r_high against it, local to compute, one tree.
 *
 * Rounds: the k-bit comparisons (`lessThanTree`, at most 6), then one tree over every field's high XNOR
 * planes whose first layer also takes each field's P & Q (`ValidityTree`), and one bit-to-arithmetic round.
 * A field of k bits costs 2 lessThanPublicLayers(k) + 1 + (64 - k) gates, one less in all for the tree,
 * instead of two whole-ring comparisons (240 gates). Rows are in [0, 2^16], fields any number.
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

/** The material of `maskedRangeCheckOpened`: its AND triples, round by round. */
export function maskedRangeCheckBitRequests(spans: readonly bigint[], rows: number): MaterialRequest[] {
  const width = planeWords(rows) / 2;
  // Per field the low comparisons (two instances per plane), then the validity tree.
  const circuits = spans.map((span) => lessThanPublicLayers(lowBitsOf(span)).map((gates) => 2 * gates));
  const highPlanes = spans.reduce((total, span) => total + BITS - lowBitsOf(span), 0);
  const gates = [
    ...andLayerWords(circuits, width),
    ...ValidityTree.layers(spans.length, highPlanes).map((planes) => planes * width),
  ];
  return gates.map((count): MaterialRequest => ({ kind: 'andTriple', count }));
}

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
  return (await maskedRangeCheckOpened(context, offsets, spans, edaBits, material)).bits;
}

/** `rangeCheck` with the edaBits given (one per field, of the offsets' rows), the rest from `material`. */
export async function maskedRangeCheck(
  context: PartyContext,
  offsets: readonly RingVector[],
  spans: readonly bigint[],
  edaBits: readonly EdaBitShares[],
  material: ChunkMaterial,
): Promise<RingVector> {
  const { bits } = await maskedRangeCheckOpened(context, offsets, spans, edaBits, material);
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

/**
 * `maskedRangeCheck`'s bits as XOR shares of one plane, and what it opened: each field's offset plus its
 * edaBit's mask (`valid-offsets.ts` reuses them).
 */
export async function maskedRangeCheckOpened(
  context: PartyContext,
  offsets: readonly RingVector[],
  spans: readonly bigint[],
  edaBits: readonly EdaBitShares[],
  material: ChunkMaterial,
): Promise<{ bits: Planes; opened: RingVector[] }> {
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
    fields.map((field) => field.low),
    triples,
  );
  const tree = new ValidityTree(
    fields.map((field) => field.lowOperands()),
    fields.flatMap((field) => field.highPlanes()),
    (products) => products.forEach((product, f) => fields[f]!.toLowBit(product)),
  );
  await runAndCircuits(context, [tree], triples);
  return { bits: tree.result, opened };
}

/**
 * The AND of every field's validity bits in one tree: its leaves are the high XNOR planes, and its first
 * layer also takes each field's (P, Q), whose products (turned into the fields' low bits by `lowBits`)
 * join the tree's second layer. So the low bits cost no round of their own.
 */
class ValidityTree implements AndCircuit {
  /** The tree after its first layer; until then the first layer is `lowPairs` and pairs of `highPlanes`. */
  private tree: AllOfCircuit | undefined;

  constructor(
    private readonly lowPairs: [Planes, Planes][],
    private readonly highPlanes: Planes[],
    private readonly lowBits: (products: Planes[]) => void,
  ) {}

  /** Planes ANDed per layer for `fields` fields with `highPlanes` high planes in all. */
  static layers(fields: number, highPlanes: number): number[] {
    const pairs = Math.floor(highPlanes / 2);
    return [fields + pairs, ...allOfLayers(highPlanes - pairs + fields)];
  }

  next(): { x: Planes[]; y: Planes[] } | undefined {
    if (this.tree) return this.tree.next();
    const pairs = Math.floor(this.highPlanes.length / 2);
    return {
      x: [...this.lowPairs.map(([p]) => p), ...this.highPlanes.slice(0, pairs)],
      y: [...this.lowPairs.map(([, q]) => q), ...this.highPlanes.slice(pairs, 2 * pairs)],
    };
  }

  absorb(products: Planes[]): void {
    if (this.tree) return this.tree.absorb(products);
    const lows = products.slice(0, this.lowPairs.length);
    const highs = products.slice(lows.length);
    this.lowBits(lows);
    this.tree = new AllOfCircuit([...highs, ...this.highPlanes.slice(2 * highs.length), ...lows]);
  }

  get result(): Planes {
    if (!this.tree) throw new Error('the validity tree has not started');
    return this.tree.result;
  }
}

/**
 * One field's circuits from its opened y and edaBit planes r: the low comparisons [~r < ~y] and [r < L] on
 * k bits, side by side in each plane (`LessThanCircuit`), then where k < 64 the XNOR planes of r_high
 * against y_high - b. A's share carries the public terms.
 */
class FieldCheck {
  readonly low: LessThanCircuit;
  private readonly wrap: Planes;
  /** Per high plane j - k: r ^ ~y (A's ~y), then the public mask m of the bits y_high - 1 flips. */
  private readonly high: Planes | undefined;
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
    const { difference: bounds, borrow } = subtractConstant(y, span, k, width);
    for (let j = 0; j < k; j++) {
      const from = j * width;
      const notYAt = j * stride;
      const boundAt = notYAt + width;
      for (let i = 0; i < width; i++) {
        const yj = y[from + i]!;
        const rj = r[from + i]!;
        const bound = bounds[from + i]!;
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
    // High part: r ^ ~y per plane, and m by a bit-sliced decrement of y from bit k up (m_j is the borrow
    // into bit j: the bits of y_high - 1 that differ from y_high's).
    const high = new Uint32Array((BITS - k) * stride);
    const decrement = new Uint32Array(width).fill(-1);
    for (let j = k; j < BITS; j++) {
      const from = j * width;
      const at = (j - k) * stride;
      for (let i = 0; i < width; i++) {
        const yj = y[from + i]!;
        const d = decrement[i]!;
        high[at + i] = r[from + i]! ^ (aMask & ~yj);
        high[at + width + i] = d;
        decrement[i] = d & ~yj;
      }
    }
    this.high = high;
  }

  /** (P, Q) from the low comparisons' results. */
  lowOperands(): [Planes, Planes] {
    const { width, aMask } = this;
    const below = this.low.result;
    const p = new Uint32Array(width);
    const q = new Uint32Array(width);
    for (let i = 0; i < width; i++) {
      const notWrap = aMask & ~this.wrap[i]!;
      p[i] = below[i]! ^ notWrap;
      q[i] = below[width + i]! ^ notWrap;
    }
    return [p, q];
  }

  /** The field's low bit (P & Q) ^ w, in place of the product P & Q. */
  toLowBit(product: Planes): void {
    const { width, aMask } = this;
    for (let i = 0; i < width; i++) product[i] = product[i]! ^ (aMask & this.wrap[i]!);
  }

  /**
   * The XNOR planes of r_high against y_high - b (b = [r_low > y_low], the low comparisons' first
   * result): r ^ ~y ^ (b & m) per plane, in place of r ^ ~y. None when k = 64.
   */
  highPlanes(): Planes[] {
    const { width, high } = this;
    if (!high) return [];
    const b = this.low.result;
    const stride = 2 * width;
    const planes: Planes[] = [];
    for (let at = 0; at < high.length; at += stride) {
      for (let i = 0; i < width; i++) high[at + i] = high[at + i]! ^ (b[i]! & high[at + width + i]!);
      planes.push(high.subarray(at, at + width));
    }
    return planes;
  }
}
