import type { AnalysisKind, ComputationSpec } from '../analysis/analysis-spec.ts';
import { expandAnalyses, fractionalBitsOf } from '../analysis/field-encoding.ts';

/**
 * Which ring elements a result share holds, in order: one entry per requested analysis (an analysis without
 * a field expands to one entry per field), each with named slots. Servers write their output shares in this
 * order; the client adds the two shares and decodes slot by slot. Division-based statistics are revealed as
 * aggregates (count, sum, sum of squares), which carry the same information as (count, mean, variance).
 */
export type SlotName =
  | 'count'
  | 'sum'
  | 'sumSquares'
  | 'countBelow'
  | 'countAbove'
  | 'bin'
  | 'min'
  | 'max'
  | 'quantile'
  /**
   * With a minimum cell size: 1 when the cell (the bin `parameter`, or the category `cell`) holds at least k
   * rows, else 0 (and every figure of the cell is 0).
   */
  | 'kept';

export interface ResultSlot {
  name: SlotName;
  /** Fractional bits of the decoded value (0 for counts, f for sums and extremes, 2f for sums of squares). */
  fractionalBits: number;
  /** For countBelow/countAbove the public threshold; for bins the index into the bins; for quantile p. */
  parameter?: number;
  /** Sums and sums of squares are elements of Z_2^128: two words, low limb first. */
  wide?: true;
  /** A grouped analysis: the index of the category whose cell the slot belongs to. */
  cell?: number;
}

/** Words a slot takes in a result share. */
export function slotWords(slot: ResultSlot): number {
  return slot.wide ? 2 : 1;
}

/** Words of an entry's slots. */
export function entryWords(entry: ResultEntry): number {
  return entry.slots.reduce((total, slot) => total + slotWords(slot), 0);
}

export interface ResultEntry {
  kind: AnalysisKind;
  field?: string;
  /** Histogram only: the public bin edges. */
  binEdges?: number[];
  /** Grouped: the category field and its labels; the slots are the analysis' slots once per category. */
  groupBy?: string;
  categories?: string[];
  slots: ResultSlot[];
}

export function resultLayout(spec: ComputationSpec): ResultEntry[] {
  return expandAnalyses(spec).map((analysis) => {
    const field = spec.fields.find((candidate) => candidate.name === analysis.field);
    const f = field ? fractionalBitsOf(field) : 0;
    const count: ResultSlot = { name: 'count', fractionalBits: 0 };
    const sum: ResultSlot = { name: 'sum', fractionalBits: f, wide: true };
    const slots = ((): ResultSlot[] => {
      switch (analysis.kind) {
        case 'count':
          return [count];
        case 'sum':
          return [sum];
        case 'mean':
          return [count, sum];
        case 'variance':
        case 'stddev':
          return [count, sum, { name: 'sumSquares', fractionalBits: 2 * f, wide: true }];
        case 'histogram': {
          // Bins: (-inf, e0), [e0, e1), ..., [e_last, +inf); with k, each bin's kept bit after the bins.
          const names: SlotName[] = spec.minCellSize === undefined ? ['bin'] : ['bin', 'kept'];
          return names.flatMap((name) =>
            Array.from({ length: (analysis.binEdges?.length ?? 0) + 1 }, (_, bin) => ({
              name,
              fractionalBits: 0,
              parameter: bin,
            })),
          );
        }
        case 'countBelow':
        case 'countAbove':
          return [{ name: analysis.kind, fractionalBits: 0, parameter: analysis.threshold ?? 0 }];
        case 'min':
        case 'max':
          // The count tells the client whether the extreme exists (no rows: no minimum).
          return [count, { name: analysis.kind, fractionalBits: f }];
        case 'quantile':
          // The count of valid rows, as for min and max: none, no quantile.
          return [count, { name: 'quantile', fractionalBits: f, parameter: analysis.p ?? 0 }];
      }
    })();
    const entry: ResultEntry = { kind: analysis.kind, slots };
    if (analysis.field !== undefined) entry.field = analysis.field;
    if (analysis.kind === 'histogram') entry.binEdges = analysis.binEdges ?? [];
    const by = spec.fields.find((candidate) => candidate.name === analysis.groupBy);
    if (by?.type === 'category') {
      entry.groupBy = by.name;
      entry.categories = by.categories;
      const cellSlots = spec.minCellSize === undefined ? slots : suppressibleCell(slots);
      entry.slots = by.categories.flatMap((_, cell) => cellSlots.map((slot) => ({ ...slot, cell })));
    }
    return entry;
  });
}

/**
 * A grouped cell's slots with a minimum cell size: its count first (a grouped sum then releases it too, as
 * the figure compared with k), its figures, then its kept bit.
 */
function suppressibleCell(slots: readonly ResultSlot[]): ResultSlot[] {
  const count: ResultSlot = { name: 'count', fractionalBits: 0 };
  const counted = slots[0]?.name === 'count' ? slots : [count, ...slots];
  return [...counted, { name: 'kept', fractionalBits: 0 }];
}

/**
 * After the analyses' slots every result share ends with two counts of rows the servers dropped as invalid
 * (a value outside its field's declared bounds, or a row of an excluded input): all of them, then those of
 * the recipient's own input (0 for a recipient without one). Each server writes the second word only in the
 * share it seals for that input's owner, so nobody else learns it.
 */
export const VALIDITY_WORDS = 2;

/** Words of the analyses' slots, without the validity words. */
export function analysisWordCount(spec: ComputationSpec): number {
  return resultLayout(spec).reduce((total, entry) => total + entryWords(entry), 0);
}

export function resultLength(spec: ComputationSpec): number {
  return analysisWordCount(spec) + VALIDITY_WORDS;
}
