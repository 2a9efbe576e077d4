import type { AnalysisKind, ComputationSpec } from '../analysis/analysis-spec.ts';
import {
  entryWords,
  resultLayout,
  resultLength,
  slotWords,
  type ResultEntry,
  type ResultSlot,
  type SlotName,
} from './result-layout.ts';
import { decodedScale, noisedFigures, privacyStatement, type PrivacyStatement } from './noise-scales.ts';

/**
 * A server's result share (the plaintext each server seals per recipient) and the client's decoding: add the
 * two shares word by word, then read each analysis from its slots (`result-layout.ts`).
 *
 * Share bytes v2: ASCII "MPCR", version 2, 3 zero bytes, u32 LE word count, 4 zero bytes, then the words
 * (u64 LE); a wide slot (sums, sums of squares in Z_2^128) is two words, low limb first.
 */
const MAGIC = [0x4d, 0x50, 0x43, 0x52];
const VERSION = 2;
const HEADER_BYTES = 16;

export class ResultDecodeError extends Error {
  override readonly name = 'ResultDecodeError';
}

export function encodeResultShare(words: BigUint64Array): Uint8Array {
  const out = new Uint8Array(HEADER_BYTES + words.byteLength);
  out.set(MAGIC, 0);
  out[4] = VERSION;
  new DataView(out.buffer).setUint32(8, words.length, true);
  out.set(new Uint8Array(words.buffer, words.byteOffset, words.byteLength), HEADER_BYTES);
  return out;
}

export function decodeResultShare(bytes: Uint8Array): BigUint64Array {
  if (bytes.byteLength < HEADER_BYTES || MAGIC.some((byte, i) => bytes[i] !== byte) || bytes[4] !== VERSION) {
    throw new ResultDecodeError('not a result share (bad magic or version)');
  }
  const count = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (bytes.byteLength !== HEADER_BYTES + count * 8)
    throw new ResultDecodeError('result share has the wrong length');
  return new BigUint64Array(bytes.slice(HEADER_BYTES).buffer);
}

export interface AnalysisResult {
  kind: AnalysisKind;
  field?: string;
  /** Rows the statistic covers (absent for sum, histogram and threshold counts). */
  count?: number;
  /** count, sum, countAbove, countBelow, min, max: the statistic; mean, variance, stddev: likewise. */
  value?: number | null;
  mean?: number | null;
  /** Histogram: counts of (-inf, e0), [e0, e1), ..., [e_last, +inf); null for a suppressed bin. */
  bins?: (number | null)[];
  /** With a minimum cell size k: whether each bin held fewer than k rows (its count is then null). */
  suppressed?: boolean[];
  /** With differential privacy: each figure's noise scale b (decoded units) per slot name. */
  noiseScales?: Partial<Record<SlotName, number>>;
  binEdges?: number[];
  threshold?: number;
  /** Quantile: the p it was asked for. */
  p?: number;
  /** Grouped by a category field: the figures per category, each as the ungrouped analysis reads. */
  groupBy?: string;
  groups?: CategoryResult[];
}

export interface CategoryResult extends Omit<AnalysisResult, 'suppressed'> {
  category: string;
  /**
   * With a minimum cell size k: whether the cell held fewer than k rows. A suppressed cell has no count and
   * its figures (value, mean) are null.
   */
  suppressed?: boolean;
}

/** A decoded result: the analyses and the rows the servers dropped as invalid. */
export interface DecodedResult {
  analyses: AnalysisResult[];
  /** Rows left out of every analysis, over all inputs. */
  droppedRows: number;
  /** Rows left out of the recipient's own input (0 when it has none). */
  ownDroppedRows: number;
  /** With differential privacy: the mechanism and its parameters (every figure above is noisy). */
  privacy?: PrivacyStatement;
}

/** Adds the two servers' shares and decodes every analysis. */
export function decodeResult(
  spec: ComputationSpec,
  shareA: Uint8Array,
  shareB: Uint8Array,
): AnalysisResult[] {
  return decodeResultDetails(spec, shareA, shareB).analyses;
}

/** Adds the two servers' shares and decodes every analysis and the dropped-row counts. */
export function decodeResultDetails(
  spec: ComputationSpec,
  shareA: Uint8Array,
  shareB: Uint8Array,
): DecodedResult {
  const a = decodeResultShare(shareA);
  const b = decodeResultShare(shareB);
  const expected = resultLength(spec);
  if (a.length !== expected || b.length !== expected) {
    throw new ResultDecodeError(
      `result shares hold ${a.length} and ${b.length} words, the spec needs ${expected}`,
    );
  }
  const sum = new BigUint64Array(expected);
  for (let i = 0; i < expected; i++) sum[i] = a[i]! + b[i]!;
  let offset = 0;
  const analyses = resultLayout(spec).map((entry) => {
    const shares = [a, b].map((share) => share.subarray(offset, offset + entryWords(entry)));
    offset += entryWords(entry);
    return decodeEntry(entry, slotValues(entry, shares[0]!, shares[1]!));
  });
  const privacy = privacyStatement(spec);
  if (privacy !== undefined) attachNoiseScales(spec, analyses);
  const droppedRows = Number(BigInt.asIntN(64, sum[offset]!));
  return {
    analyses,
    droppedRows,
    ownDroppedRows: Number(sum[offset + 1]!),
    ...(privacy === undefined ? {} : { privacy }),
  };
}

/**
 * Each slot's value, the two shares added in its ring, as a signed integer: 64-bit words as two's complement,
 * sums in Z_2^128 likewise, and sums of squares as unsigned (never negative, and below 2^128 by the spec's
 * computability).
 */
function slotValues(entry: ResultEntry, shareA: BigUint64Array, shareB: BigUint64Array): bigint[] {
  let at = 0;
  const element = (share: BigUint64Array, width: number): bigint =>
    width === 2 ? share[at]! + (share[at + 1]! << 64n) : share[at]!;
  return entry.slots.map((slot) => {
    const bits = 64 * slotWords(slot);
    const value = BigInt.asUintN(bits, element(shareA, slotWords(slot)) + element(shareB, slotWords(slot)));
    at += slotWords(slot);
    return slot.name === 'sumSquares' ? value : BigInt.asIntN(bits, value);
  });
}

function decodeEntry(entry: ResultEntry, values: readonly bigint[]): AnalysisResult {
  if (entry.categories !== undefined) return decodeGrouped(entry, entry.categories, values);
  const head = entry.field === undefined ? { kind: entry.kind } : { kind: entry.kind, field: entry.field };
  const slot = (index: number): number => Number(values[index]!) / 2 ** entry.slots[index]!.fractionalBits;
  const signed = (index: number): bigint => values[index]!;
  switch (entry.kind) {
    case 'count':
      return { ...head, count: slot(0), value: slot(0) };
    case 'sum':
      return { ...head, value: slot(0) };
    case 'mean': {
      const count = slot(0);
      const mean = count <= 0 ? null : slot(1) / count;
      return { ...head, count, value: mean, mean };
    }
    case 'variance':
    case 'stddev': {
      const count = slot(0);
      if (count <= 0) return { ...head, count, value: null, mean: null };
      const variance = populationVariance(signed(0), signed(1), signed(2), entry.slots[1]!.fractionalBits);
      const mean = slot(1) / count;
      return { ...head, count, mean, value: entry.kind === 'variance' ? variance : Math.sqrt(variance) };
    }
    case 'histogram':
      return decodeHistogram(head, entry, slot);
    case 'countAbove':
    case 'countBelow':
      return { ...head, value: slot(0), threshold: entry.slots[0]!.parameter ?? 0 };
    case 'min':
    case 'max': {
      const count = slot(0);
      return { ...head, count, value: count <= 0 ? null : slot(1) };
    }
    case 'quantile': {
      const count = slot(0);
      return { ...head, count, value: count <= 0 ? null : slot(1), p: entry.slots[1]!.parameter ?? 0 };
    }
  }
}

/** A grouped entry: each category's slots decoded as the ungrouped analysis. */
function decodeGrouped(entry: ResultEntry, categories: string[], values: readonly bigint[]): AnalysisResult {
  const per = entry.slots.length / categories.length;
  const plain: ResultEntry = { kind: entry.kind, slots: [] };
  if (entry.field !== undefined) plain.field = entry.field;
  const groups = categories.map((category, cell): CategoryResult => {
    const range = [cell * per, (cell + 1) * per] as const;
    const slots = entry.slots.slice(...range);
    const cellValues = values.slice(...range);
    const keptAt = slots.findIndex((slot) => slot.name === 'kept');
    if (keptAt < 0) {
      // Grouped kinds are never histograms: there are no suppressed bins.
      const decoded: Omit<AnalysisResult, 'suppressed'> = decodeEntry({ ...plain, slots }, cellValues);
      return { category, ...decoded };
    }
    return { category, ...decodeSuppressible(plain, slots, cellValues, keptAt) };
  });
  const head = entry.field === undefined ? { kind: entry.kind } : { kind: entry.kind, field: entry.field };
  const p = entry.kind === 'quantile' ? { p: entry.slots[1]!.parameter ?? 0 } : {};
  return { ...head, ...p, groupBy: entry.groupBy!, groups };
}

/**
 * A group-by cell under a minimum cell size: its slots are the analysis' with the count first (a grouped sum
 * gains it) and the kept bit last (`result-layout.ts`). Kept: decoded as the analysis, with its count. Not
 * kept: only that it held fewer than k rows.
 */
function decodeSuppressible(
  plain: ResultEntry,
  slots: readonly ResultSlot[],
  values: readonly bigint[],
  keptAt: number,
): Omit<CategoryResult, 'category'> {
  const head = plain.field === undefined ? { kind: plain.kind } : { kind: plain.kind, field: plain.field };
  if (values[keptAt] !== 1n) {
    const mean = plain.kind === 'mean' || plain.kind === 'variance' || plain.kind === 'stddev';
    return { ...head, value: null, ...(mean ? { mean: null } : {}), suppressed: true };
  }
  const figures = slots.filter((_, i) => i !== keptAt);
  const figureValues = values.filter((_, i) => i !== keptAt);
  if (plain.kind !== 'sum') {
    const decoded = decodeEntry({ ...plain, slots: figures }, figureValues);
    return { ...decoded, suppressed: false };
  }
  // A grouped sum's count (slot 0) is there to be compared with k.
  const decoded = decodeEntry({ ...plain, slots: figures.slice(1) }, figureValues.slice(1));
  return { ...decoded, count: Number(figureValues[0]!), suppressed: false };
}

/** Exact (n * S2 - S1^2) / n^2 in integers at 2f fractional bits, converted to a number once at the end. */
function populationVariance(count: bigint, sum: bigint, sumSquares: bigint, fractionalBits: number): number {
  const numerator = count * sumSquares - sum * sum;
  return Number(numerator) / Number(count * count) / 2 ** (2 * fractionalBits);
}

function decodeHistogram(
  head: Pick<AnalysisResult, 'kind' | 'field'>,
  entry: ResultEntry,
  slot: (index: number) => number,
): AnalysisResult {
  const bins = entry.slots.flatMap((candidate, i) => (candidate.name === 'bin' ? [slot(i)] : []));
  const kept = entry.slots.flatMap((candidate, i) => (candidate.name === 'kept' ? [slot(i)] : []));
  if (kept.length === 0) return { ...head, bins, binEdges: entry.binEdges ?? [] };
  const suppressed = kept.map((bit) => bit !== 1);
  return {
    ...head,
    bins: bins.map((count, bin) => (suppressed[bin] ? null : count)),
    suppressed,
    binEdges: entry.binEdges ?? [],
  };
}

/** Each analysis' noise scale per slot name, from the words its slots occupy. */
function attachNoiseScales(spec: ComputationSpec, analyses: AnalysisResult[]): void {
  const noise = new Map(noisedFigures(spec).map((figure) => [figure.word, figure]));
  let word = 0;
  resultLayout(spec).forEach((entry, index) => {
    const scales: Partial<Record<SlotName, number>> = {};
    for (const slot of entry.slots) {
      const figure = noise.get(word);
      if (figure !== undefined) scales[slot.name] = decodedScale(figure);
      word += slotWords(slot);
    }
    analyses[index]!.noiseScales = scales;
  });
}
