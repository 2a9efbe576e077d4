import type { ComputationSpec } from '../../contract/analysis/analysis-spec.ts';
import { signedBitLength } from '../../contract/analysis/field-encoding.ts';
import { resultLayout, slotWords } from '../../contract/result/result-layout.ts';
import { concat, ringVector, type RingVector } from '../../contract/sharing/ring.ts';
import type { ChunkMaterial, MaterialRequest } from '../engine/material.ts';
import { lessThanZeroStep, multiplyStep, runRound, type PartyContext } from '../engine/ops.ts';

/**
 * Minimum cell size k, obliviously: per cell one comparison of its secret count c against the public k,
 * kept = 1 - [c - k < 0], then every figure of the cell multiplied by kept, and kept itself released. The
 * recipient learns "fewer than k" for a suppressed cell (every figure 0), never its count; the servers learn
 * nothing (nothing is opened but masked values). 2 rounds for all cells of a job; per cell one
 * comparison of `bits` bits and one triple per figure. With differential privacy the counts compared are the
 * noisy ones, so kept is post-processing of a DP release.
 */
export interface SuppressionPlan {
  minCellSize: bigint;
  /** Bits of the signed comparison c - k, for 0 <= c <= the job's rows (plus noise headroom). */
  bits: number;
  /** Cells (histogram bins over all histograms) and the figures per cell. */
  cells: number;
  figuresPerCell: number;
}

export function compileSuppression(spec: ComputationSpec, totalRows: number): SuppressionPlan | undefined {
  if (spec.minCellSize === undefined) return undefined;
  const cells = histogramCells(spec).length;
  if (cells === 0) return undefined;
  const k = BigInt(spec.minCellSize);
  // A noisy count may leave [0, rows]: the comparison covers +-2^62, exact for any value the ring decodes.
  const bits = spec.privacy === undefined ? signedBitLength(-k, BigInt(totalRows) - k) : 64;
  return { minCellSize: k, bits, cells, figuresPerCell: 1 };
}

/** The dealer material of the suppression step (one material chunk after all others). */
export function suppressionRequests(plan: SuppressionPlan): MaterialRequest[] {
  return [
    { kind: 'comparison', bits: plan.bits, count: plan.cells },
    { kind: 'triple', count: plan.cells * plan.figuresPerCell },
  ];
}

/**
 * The reusable step: `counts[i]` is cell i's count, `figures[j][i]` its j-th figure (the count itself
 * among them when it is released). Returns the kept bits and the figures times kept, as shares.
 */
export async function suppressSmallCells(
  context: PartyContext,
  counts: RingVector,
  figures: readonly RingVector[],
  plan: Pick<SuppressionPlan, 'minCellSize' | 'bits'>,
  material: ChunkMaterial,
): Promise<{ kept: RingVector; figures: RingVector[] }> {
  const isA = context.party === 'A';
  const cells = counts.length;
  const difference = ringVector(cells);
  for (let i = 0; i < cells; i++) difference[i] = counts[i]! - (isA ? plan.minCellSize : 0n);
  const comparisons = material.comparisons(plan.bits, cells);
  const [small] = await runRound(context, [lessThanZeroStep(context, difference, comparisons)]);
  const kept = ringVector(cells);
  for (let i = 0; i < cells; i++) kept[i] = (isA ? 1n : 0n) - small[i]!;
  const all = concat([...figures]);
  const spread = concat(figures.map(() => kept));
  const [products] = await runRound(context, [
    multiplyStep(context, spread, all, material.triples(all.length)),
  ]);
  return {
    kept,
    figures: figures.map((_, j) => products.subarray(j * cells, (j + 1) * cells)),
  };
}

/** Word index of every histogram bin and of its kept slot, in layout order. */
function histogramCells(spec: ComputationSpec): { bin: number; kept: number }[] {
  const cells: { bin: number; kept: number }[] = [];
  let word = 0;
  for (const entry of resultLayout(spec)) {
    const bins = new Map<number, number>();
    for (const slot of entry.slots) {
      if (slot.name === 'bin') bins.set(slot.parameter!, word);
      if (slot.name === 'kept') cells.push({ bin: bins.get(slot.parameter!)!, kept: word });
      word += slotWords(slot);
    }
  }
  return cells;
}

/** Suppresses the histogram bins of this party's result words in place (kept bits into their slots). */
export async function suppressHistogramBins(
  context: PartyContext,
  spec: ComputationSpec,
  plan: SuppressionPlan,
  words: RingVector,
  material: ChunkMaterial,
): Promise<void> {
  const cells = histogramCells(spec);
  const counts = BigUint64Array.from(cells.map((cell) => words[cell.bin]!));
  const { kept, figures } = await suppressSmallCells(context, counts, [counts], plan, material);
  cells.forEach((cell, i) => {
    words[cell.bin] = figures[0]![i]!;
    words[cell.kept] = kept[i]!;
  });
}
