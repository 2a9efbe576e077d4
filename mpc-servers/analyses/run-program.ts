import { encodedAboveThreshold, encodedBelowThreshold } from '../../contract/analysis/field-encoding.ts';
import { resultLayout } from '../../contract/result/result-layout.ts';
import type { ChunkMaterial } from '../engine/material.ts';
import type { PartyContext } from '../engine/ops.ts';
import type { RingVector } from '../../contract/sharing/ring.ts';
import { emptyAccumulators, runChunk, type Accumulators } from './chunk-program.ts';
import { chunkRowCount, type Program } from './program.ts';
import type { RowSource } from './row-source.ts';

export interface RunOptions {
  material: (chunk: number) => Promise<ChunkMaterial>;
  onChunkDone?: (chunksDone: number, chunkCount: number) => void | Promise<void>;
}

/**
 * Runs the program over all rows chunk by chunk and returns this party's output share (result layout order).
 * Rows come from `rows` one chunk at a time, so memory holds one chunk's rows and material beside whatever
 * the source keeps.
 */
export async function runProgram(
  context: PartyContext,
  program: Program,
  rows: RowSource,
  options: RunOptions,
): Promise<RingVector> {
  if (rows.rowCount !== program.totalRows)
    throw new RangeError(
      `the inputs hold ${rows.rowCount} rows, the program was compiled for ${program.totalRows}`,
    );
  const accumulators = emptyAccumulators(program);
  for (let chunk = 0; chunk < program.chunkCount; chunk++) {
    const columns = await rows.columns(chunk * program.chunkRows, chunkRowCount(program, chunk));
    const material = await options.material(chunk);
    await runChunk(context, program, columns, material, accumulators);
    material.assertConsumed();
    await options.onChunkDone?.(chunk + 1, program.chunkCount);
  }
  return outputShares(context, program, accumulators);
}

/** Maps accumulators to the result layout; public terms (the row count) are added by A only. */
export function outputShares(
  context: PartyContext,
  program: Program,
  accumulators: Accumulators,
): RingVector {
  const total = context.party === 'A' ? BigInt(program.totalRows) : 0n;
  const { spec } = program;
  const words: bigint[] = [];
  for (const entry of resultLayout(spec)) {
    const fieldIndex = spec.fields.findIndex((field) => field.name === entry.field);
    const field = program.fields[fieldIndex];
    const below = (threshold: bigint): bigint => {
      const index = field!.thresholds.indexOf(threshold);
      if (index < 0) throw new Error(`threshold ${threshold} was not computed`);
      return accumulators.below[fieldIndex]![index]!;
    };
    const edges = (entry.binEdges ?? []).map((edge) => below(encodedBelowThreshold(edge, field!.field)));
    for (const slot of entry.slots) {
      switch (slot.name) {
        case 'count':
          words.push(total);
          break;
        case 'sum':
          words.push(accumulators.sums[fieldIndex]!);
          break;
        case 'sumSquares':
          words.push(accumulators.sumSquares[fieldIndex]!);
          break;
        case 'countBelow':
          words.push(below(encodedBelowThreshold(slot.parameter!, field!.field)));
          break;
        case 'countAbove':
          words.push(total - below(encodedAboveThreshold(slot.parameter!, field!.field)));
          break;
        case 'bin': {
          const bin = slot.parameter!;
          const upper = bin < edges.length ? edges[bin]! : total;
          const lower = bin > 0 ? edges[bin - 1]! : 0n;
          words.push(upper - lower);
          break;
        }
        case 'min':
        case 'max': {
          const series = program.series.findIndex((s) => s.field === fieldIndex && s.direction === slot.name);
          words.push(accumulators.extremes?.[series] ?? 0n);
          break;
        }
      }
    }
  }
  return BigUint64Array.from(words.map((word) => BigInt.asUintN(64, word)));
}
