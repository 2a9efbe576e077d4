import type { ComputationSpec } from '../../contract/analysis/analysis-spec.ts';
import { signedBitLength } from '../../contract/analysis/field-encoding.ts';
import { resultLayout, slotWords } from '../../contract/result/result-layout.ts';
import { ringVector, type RingVector } from '../../contract/sharing/ring.ts';
import type { ChunkMaterial, MaterialRequest } from '../engine/material.ts';
import {
  lessThanZeroStep,
  multiplyStep,
  runRound,
  type PartyContext,
  type RoundStep,
} from '../engine/ops.ts';
import { wideVector, type WideVector } from '../engine/ring128.ts';
import { liftStep, wideMultiplyStep } from '../engine/wide-ops.ts';

/**
 * Minimum cell size k, obliviously: per cell one comparison of its secret count c against the public k,
 * kept = 1 - [c - k < 0], then every figure of the cell multiplied by kept, and kept itself released. The
 * recipient learns "fewer than k" for a suppressed cell (every figure 0), never its count; the servers learn
 * nothing (nothing is opened but masked values). A cell is a histogram bin (its figure: the bin's count) or a
 * group-by cell (count, quantile in Z_2^64; sum, sum of squares in Z_2^128). Rounds for all cells of a job:
 *   1. the comparisons;
 *   2. the 64-bit figures times kept (Beaver triples) and, for each cell with a 128-bit figure, the lift of
 *      kept into Z_2^128 (`liftStep`: kept is 0 or 1, below 2^63);
 *   3. the 128-bit figures times the lifted kept (128-bit Beaver triples), only when there are any.
 * With differential privacy the counts compared are the noisy ones, so kept is post-processing of a DP
 * release.
 */
export interface SuppressionPlan {
  minCellSize: bigint;
  /** Bits of the signed comparison c - k, for 0 <= c <= the job's rows (plus noise headroom). */
  bits: number;
  /** Cells (histogram bins and group-by cells over all analyses). */
  cells: number;
  /** 64-bit figures over all cells, each multiplied by its cell's kept bit in Z_2^64. */
  narrowFigures: number;
  /** Cells with a 128-bit figure (their kept bit is lifted) and those figures over all cells. */
  liftedCells: number;
  wideFigures: number;
}

/** Word indexes of one cell in a result share. */
export interface SuppressibleCell {
  /** The count compared with k. */
  count: number;
  kept: number;
  /** 64-bit figures (the count among them) and the first words of 128-bit figures. */
  narrow: number[];
  wide: number[];
}

export function compileSuppression(spec: ComputationSpec, totalRows: number): SuppressionPlan | undefined {
  if (spec.minCellSize === undefined) return undefined;
  const cells = suppressibleCells(spec);
  if (cells.length === 0) return undefined;
  const k = BigInt(spec.minCellSize);
  // A noisy count may leave [0, rows]: the comparison covers +-2^62, exact for any value the ring decodes.
  const bits = spec.privacy === undefined ? signedBitLength(-k, BigInt(totalRows) - k) : 64;
  return {
    minCellSize: k,
    bits,
    cells: cells.length,
    narrowFigures: cells.reduce((total, cell) => total + cell.narrow.length, 0),
    liftedCells: cells.filter((cell) => cell.wide.length > 0).length,
    wideFigures: cells.reduce((total, cell) => total + cell.wide.length, 0),
  };
}

/** The dealer material of the suppression step (one material chunk after all others), in use order. */
export function suppressionRequests(plan: SuppressionPlan): MaterialRequest[] {
  const requests: MaterialRequest[] = [{ kind: 'comparison', bits: plan.bits, count: plan.cells }];
  if (plan.narrowFigures > 0) requests.push({ kind: 'triple', count: plan.narrowFigures });
  if (plan.liftedCells > 0) requests.push({ kind: 'lift', count: plan.liftedCells });
  if (plan.wideFigures > 0) requests.push({ kind: 'wideTriple', count: plan.wideFigures });
  return requests;
}

/** Shares of the cells' figures: `narrowCells[j]` is the cell of `narrow[j]`, likewise for `wide`. */
export interface CellFigures {
  counts: RingVector;
  narrow: RingVector;
  narrowCells: readonly number[];
  wide: WideVector;
  wideCells: readonly number[];
}

/**
 * The reusable step: returns the kept bits (shares in Z_2^64) and every figure times its cell's kept bit,
 * in the rings they came in.
 */
export async function suppressSmallCells(
  context: PartyContext,
  figures: CellFigures,
  plan: Pick<SuppressionPlan, 'minCellSize' | 'bits'>,
  material: ChunkMaterial,
): Promise<{ kept: RingVector; narrow: RingVector; wide: WideVector }> {
  const isA = context.party === 'A';
  const { counts, narrow, narrowCells, wide, wideCells } = figures;
  const cells = counts.length;
  const difference = ringVector(cells);
  for (let i = 0; i < cells; i++) difference[i] = counts[i]! - (isA ? plan.minCellSize : 0n);
  const comparisons = material.comparisons(plan.bits, cells);
  const [small] = await runRound(context, [lessThanZeroStep(context, difference, comparisons)]);
  const kept = ringVector(cells);
  for (let i = 0; i < cells; i++) kept[i] = (isA ? 1n : 0n) - small[i]!;
  // Round 2: 64-bit products and the lift of the kept bits of cells with a 128-bit figure.
  const lifted = [...new Set(wideCells)];
  const liftIndex = new Map(lifted.map((cell, i) => [cell, i]));
  const steps: RoundStep<RingVector>[] = [];
  if (narrow.length > 0) {
    const spread = BigUint64Array.from(narrowCells, (cell) => kept[cell]!);
    steps.push(multiplyStep(context, spread, narrow, material.triples(narrow.length)));
  }
  if (lifted.length > 0) {
    const bits = BigUint64Array.from(lifted, (cell) => kept[cell]!);
    steps.push(liftStep(context, bits, material.lifts(lifted.length)));
  }
  const done = steps.length > 0 ? await runRound(context, steps) : [];
  const products = narrow.length > 0 ? done[0]! : ringVector(0);
  if (lifted.length === 0) return { kept, narrow: products, wide: wideVector(0) };
  // Round 3: 128-bit products.
  const wideKept = done[done.length - 1]!;
  const spread = wideVector(wideCells.length);
  wideCells.forEach((cell, j) => {
    const i = liftIndex.get(cell)!;
    spread[2 * j] = wideKept[2 * i]!;
    spread[2 * j + 1] = wideKept[2 * i + 1]!;
  });
  const [wideProducts] = await runRound(context, [
    wideMultiplyStep(context, spread, wide, material.wideTriples(wideCells.length)),
  ]);
  return { kept, narrow: products, wide: wideProducts };
}

/** Word indexes of every suppressible cell in layout order (each histogram's bins, each grouped cell). */
export function suppressibleCells(spec: ComputationSpec): SuppressibleCell[] {
  const cells: SuppressibleCell[] = [];
  let word = 0;
  for (const entry of resultLayout(spec)) {
    const bins = new Map<number, number>();
    let cell: { count?: number; narrow: number[]; wide: number[] } = { narrow: [], wide: [] };
    for (const slot of entry.slots) {
      if (entry.groupBy === undefined) {
        if (slot.name === 'bin') bins.set(slot.parameter!, word);
        const bin = bins.get(slot.parameter!);
        if (slot.name === 'kept' && bin !== undefined)
          cells.push({ count: bin, kept: word, narrow: [bin], wide: [] });
      } else if (slot.name === 'kept') {
        // A grouped cell's slots end with its kept bit (`result-layout.ts`).
        if (cell.count === undefined) throw new Error('a group-by cell without a count');
        cells.push({ count: cell.count, kept: word, narrow: cell.narrow, wide: cell.wide });
        cell = { narrow: [], wide: [] };
      } else {
        if (slot.name === 'count') cell.count = word;
        (slot.wide ? cell.wide : cell.narrow).push(word);
      }
      word += slotWords(slot);
    }
  }
  return cells;
}

/** Suppresses every cell of this party's result words in place (kept bits into their slots). */
export async function suppressCells(
  context: PartyContext,
  spec: ComputationSpec,
  plan: SuppressionPlan,
  words: RingVector,
  material: ChunkMaterial,
): Promise<void> {
  const cells = suppressibleCells(spec);
  const narrowAt = cells.flatMap((cell) => cell.narrow);
  const wideAt = cells.flatMap((cell) => cell.wide);
  const wide = wideVector(wideAt.length);
  wideAt.forEach((at, j) => {
    wide[2 * j] = words[at]!;
    wide[2 * j + 1] = words[at + 1]!;
  });
  const figures: CellFigures = {
    counts: BigUint64Array.from(cells, (cell) => words[cell.count]!),
    narrow: BigUint64Array.from(narrowAt, (at) => words[at]!),
    narrowCells: cells.flatMap((cell, i) => cell.narrow.map(() => i)),
    wide,
    wideCells: cells.flatMap((cell, i) => cell.wide.map(() => i)),
  };
  const out = await suppressSmallCells(context, figures, plan, material);
  cells.forEach((cell, i) => (words[cell.kept] = out.kept[i]!));
  narrowAt.forEach((at, j) => (words[at] = out.narrow[j]!));
  wideAt.forEach((at, j) => {
    words[at] = out.wide[2 * j]!;
    words[at + 1] = out.wide[2 * j + 1]!;
  });
}
