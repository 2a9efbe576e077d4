import type { ComputationSpec } from '../../contract/analysis/analysis-spec.ts';
import type { ResultEntry, ResultSlot } from '../../contract/result/result-layout.ts';
import { ringVector, type RingVector } from '../../contract/sharing/ring.ts';
import type { ChunkMaterial, MaterialRequest } from '../engine/material.ts';
import type { PartyContext } from '../engine/ops.ts';
import {
  emptyCells,
  groupByChunkRequests,
  groupByFields,
  runGroupByChunk,
  type CellAccumulators,
  type GroupByPlan,
} from './group-by-program.ts';
import { KeptRows } from './kept-rows.ts';
import { quantileChunkRequests, runQuantiles, type QuantilePlan } from './quantile-program.ts';

/**
 * The passes over the kept rows after the row chunks, in material order: the group-by pass (one chunk per
 * row chunk), then the quantile bisection (one chunk per round and row chunk). The row chunks keep what
 * they need (`keptRows`); `runLaterPasses` runs them; `laterPassWords` writes their result slots.
 */
export interface LaterPasses {
  groups: GroupByPlan | undefined;
  quantiles: QuantilePlan | undefined;
}

export interface PassShape extends LaterPasses {
  spec: ComputationSpec;
  totalRows: number;
  chunkRows: number;
  rowChunks: number;
}

export function laterChunkCount(passes: LaterPasses, rowChunks: number): number {
  return (passes.groups ? rowChunks : 0) + (passes.quantiles ? passes.quantiles.rounds * rowChunks : 0);
}

/** Material of chunk `chunk`, counted from the first after the row chunks, over `rowsOf(rowChunk)` rows. */
export function laterChunkRequests(
  shape: PassShape,
  chunk: number,
  rowsOf: (rowChunk: number) => number,
): MaterialRequest[] {
  const groupChunks = shape.groups ? shape.rowChunks : 0;
  if (chunk < groupChunks) return groupByChunkRequests(shape.groups!, rowsOf(chunk));
  const quantileChunk = chunk - groupChunks;
  const rows = rowsOf(quantileChunk % shape.rowChunks);
  return quantileChunkRequests(shape.quantiles!, quantileChunk, shape.rowChunks, rows);
}

/** The rows to keep while the row chunks run, or undefined when no later pass needs any. */
export function keptRows(shape: PassShape): KeptRows | undefined {
  if (!shape.groups && !shape.quantiles) return undefined;
  const fields = new Set<number>([
    ...(shape.groups ? groupByFields(shape.groups) : []),
    ...(shape.quantiles?.columns.map((c) => c.field) ?? []),
  ]);
  return new KeptRows(fields, shape.totalRows);
}

export interface LaterResults {
  cells: CellAccumulators | undefined;
  quantiles: RingVector | undefined;
}

export async function runLaterPasses(
  context: PartyContext,
  shape: PassShape,
  rows: KeptRows,
  /** Shares of the valid rows. */
  validRows: bigint,
  material: (chunk: number) => Promise<ChunkMaterial>,
): Promise<LaterResults> {
  const { groups, quantiles, rowChunks, chunkRows, totalRows } = shape;
  const cells = groups ? emptyCells(groups) : undefined;
  if (groups && cells) {
    const keepIndicators = quantiles?.columns.some((c) => c.by !== undefined) ?? false;
    for (let chunk = 0; chunk < rowChunks; chunk++) {
      const start = chunk * chunkRows;
      const length = Math.min(chunkRows, totalRows - start);
      const chunkMaterial = await material(chunk);
      await runGroupByChunk(
        context,
        shape.spec,
        groups,
        rows,
        start,
        length,
        chunkMaterial,
        cells,
        keepIndicators,
      );
      chunkMaterial.assertConsumed();
    }
  }
  if (!quantiles) return { cells, quantiles: undefined };
  const groupChunks = groups ? rowChunks : 0;
  const seriesRows = ringVector(quantiles.series.length);
  quantiles.series.forEach((s, i) => {
    const group = groups?.groups.findIndex((g) => g.by === s.by) ?? -1;
    seriesRows[i] = s.by === undefined ? validRows : cells!.counts[group]![s.cell!]!;
  });
  const shares = await runQuantiles(context, rows, {
    spec: shape.spec,
    plan: quantiles,
    rowChunks,
    chunkRows,
    totalRows,
    seriesRows,
    material: (chunk) => material(groupChunks + chunk),
  });
  return { cells, quantiles: shares };
}

/**
 * The words of a slot a later pass computed (quantiles, grouped cells), or undefined for the row chunks'
 * slots. Cell sums are in Z_2^128: two words, low limb first.
 */
export function laterPassWords(
  shape: PassShape,
  results: LaterResults | undefined,
  entry: ResultEntry,
  slot: ResultSlot,
): bigint[] | undefined {
  const field = shape.spec.fields.findIndex((candidate) => candidate.name === entry.field);
  const by = shape.spec.fields.findIndex((candidate) => candidate.name === entry.groupBy);
  if (slot.name === 'quantile') {
    const series = shape.quantiles?.series.findIndex(
      (s) =>
        s.field === field &&
        s.p === slot.parameter &&
        (s.by ?? -1) === by &&
        (s.cell ?? -1) === (slot.cell ?? -1),
    );
    if (series === undefined || series < 0 || !results?.quantiles)
      throw new Error('quantile was not computed');
    return [results.quantiles[series]!];
  }
  // A cell's kept bit is the suppression step's (`suppress-small-cells.ts`).
  if (entry.groupBy === undefined || slot.cell === undefined || slot.name === 'kept') return undefined;
  const group = shape.groups?.groups.findIndex((g) => g.by === by) ?? -1;
  const cells = results?.cells;
  if (group < 0 || !cells) throw new Error('group-by cells were not computed');
  const cell = slot.cell;
  if (slot.name === 'count') return [cells.counts[group]![cell]!];
  const sum = shape.groups!.groups[group]!.sums.findIndex((s) => s.field === field);
  if (slot.name === 'sum') return wide(cells.sums[group]![sum]![cell]!);
  if (slot.name === 'sumSquares') return wide(cells.sumSquares[group]![sum]![cell]!);
  throw new Error(`a grouped ${slot.name} slot was not computed`);
}

function wide(value: bigint): bigint[] {
  return [BigInt.asUintN(64, value), BigInt.asUintN(64, value >> 64n)];
}
