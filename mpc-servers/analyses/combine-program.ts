import { ringVector, type RingVector } from '../../contract/sharing/ring.ts';
import type { ChunkMaterial, MaterialRequest } from '../engine/material.ts';
import type { PartyContext } from '../engine/ops.ts';
import { toWide } from '../engine/ring128.ts';
import { emptyAccumulators, tournament, tournamentRequests, type Accumulators } from './chunk-program.ts';
import { emptyCells, type CellAccumulators } from './group-by-program.ts';
import type { Program } from './program.ts';
import { suppressionRequests } from './suppress-small-cells.ts';

/**
 * The combine step of a sharded job, per analysis: counts, sums, sums of squares and threshold counts (so
 * histogram bins) of the shards add, locally in their rings, and so do group-by cells' counts and sums; dropped rows add per input; each min or max
 * series takes one tournament over the K partial extremes (K - 1 comparisons and selections per series, in
 * ceil(log2 K) levels of two rounds). Nothing is opened but masked values, so the partials stay secret-shared.
 * Material chunks: the tournament's (when the spec has min or max), then the suppression's (with a minimum
 * cell size); the finishing steps (`finishOutput`) run once, after the combine.
 */

/** One shard's figures as one server holds them: shares, each extreme defined (`neutralExtremes`). */
export interface PartialFigures {
  accumulators: Accumulators;
  /** Shares of the invalid rows of each of the shard's inputs. */
  droppedByInput: RingVector;
  /** Group-by cells (the group-by pass over the shard's rows), when the spec groups. */
  cells: CellAccumulators | undefined;
}

export function combineChunkCount(program: Program): number {
  return (program.series.length > 0 ? 1 : 0) + (program.suppression ? 1 : 0);
}

export function combineRequests(program: Program, shards: number, chunk: number): MaterialRequest[] {
  const count = combineChunkCount(program);
  if (!Number.isInteger(chunk) || chunk < 0 || chunk >= count)
    throw new RangeError(`chunk ${chunk} is outside the combine step`);
  if (program.suppression && chunk === count - 1) return suppressionRequests(program.suppression);
  return tournamentRequests(program, shards);
}

/**
 * Shares of the extremes of a shard without rows: `high` for a min series, `low` for a max series (A holds
 * the public value), which no valid row of another shard can lose to, as an invalid row enters a series.
 */
export function neutralExtremes(program: Program, party: 'A' | 'B'): RingVector {
  const extremes = ringVector(program.series.length);
  program.series.forEach((series, s) => {
    const field = program.fields[series.field]!;
    extremes[s] =
      party === 'A' ? BigInt.asUintN(64, series.direction === 'min' ? field.high : field.low) : 0n;
  });
  return extremes;
}

/** The joined figures: accumulators as over all rows, and the shares of the invalid rows per whole-job input. */
export async function combinePartials(
  context: PartyContext,
  program: Program,
  partials: readonly PartialFigures[],
  /** Per shard, the indexes of its inputs in the whole job. */
  shardInputs: readonly (readonly number[])[],
  inputCount: number,
  material: () => Promise<ChunkMaterial>,
): Promise<{
  accumulators: Accumulators;
  droppedByInput: RingVector;
  cells: CellAccumulators | undefined;
}> {
  const combined = emptyAccumulators(program);
  const droppedByInput = ringVector(inputCount);
  const cells = program.groups ? emptyCells(program.groups) : undefined;
  partials.forEach((partial, shard) => {
    if (cells) addCells(cells, partial.cells!);
    const { accumulators } = partial;
    program.fields.forEach((_, f) => {
      combined.sums[f] = toWide(combined.sums[f]! + accumulators.sums[f]!);
      combined.sumSquares[f] = toWide(combined.sumSquares[f]! + accumulators.sumSquares[f]!);
      combined.below[f] = combined.below[f]!.map((count, t) =>
        BigInt.asUintN(64, count + accumulators.below[f]![t]!),
      );
    });
    shardInputs[shard]!.forEach((input, i) => {
      droppedByInput[input] = droppedByInput[input]! + partial.droppedByInput[i]!;
    });
  });
  if (program.series.length > 0) {
    // Per field, the K partial extremes of its max series (`columns`) and of its min series (`minColumns`).
    const columns = program.fields.map(() => ringVector(partials.length));
    const minColumns = program.fields.map(() => ringVector(partials.length));
    program.series.forEach((series, s) => {
      const target = (series.direction === 'min' ? minColumns : columns)[series.field]!;
      partials.forEach((partial, shard) => (target[shard] = partial.accumulators.extremes![s]!));
    });
    const chunk = await material();
    combined.extremes = await tournament(context, program, columns, minColumns, chunk, undefined);
    chunk.assertConsumed();
  }
  return { accumulators: combined, droppedByInput, cells };
}

/** Adds a shard's cells: counts in Z_2^64, sums and sums of squares in Z_2^128. */
function addCells(total: CellAccumulators, cells: CellAccumulators): void {
  total.counts.forEach((counts, g) =>
    counts.forEach((count, c) => (counts[c] = BigInt.asUintN(64, count + cells.counts[g]![c]!))),
  );
  for (const key of ['sums', 'sumSquares'] as const)
    total[key].forEach((sums, g) =>
      sums.forEach((cellSums, s) =>
        cellSums.forEach((sum, c) => (cellSums[c] = toWide(sum + cells[key][g]![s]![c]!))),
      ),
    );
}
