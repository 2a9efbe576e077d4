import { encodedAboveThreshold, encodedBelowThreshold } from '../../contract/analysis/field-encoding.ts';
import { resultLayout } from '../../contract/result/result-layout.ts';
import type { ChunkMaterial } from '../engine/material.ts';
import type { PartyContext } from '../engine/ops.ts';
import { ringVector, type RingVector } from '../../contract/sharing/ring.ts';
import { emptyAccumulators, runChunk, type Accumulators } from './chunk-program.ts';
import { chunkRowCount, type Program } from './program.ts';
import { keptRows, laterPassWords, runLaterPasses, type LaterResults } from './later-passes.ts';
import type { RowSource } from './row-source.ts';
import { addPrivacyNoise } from './privacy-noise.ts';
import { suppressCells } from './suppress-small-cells.ts';

export interface RunOptions {
  material: (chunk: number) => Promise<ChunkMaterial>;
  /** Rows per input in order (default: one input of all rows), for the dropped rows per input. */
  inputRowCounts?: readonly number[];
  onChunkDone?: (chunksDone: number, chunkCount: number) => void | Promise<void>;
}

/** This party's output: the result words (layout order, then the dropped-row total) and drops per input. */
export interface ProgramOutput {
  words: RingVector;
  /** Shares of the number of invalid rows of each input; only an input's owner may receive its word. */
  droppedByInput: RingVector;
}

/** What the row chunks leave: the accumulators and the shares of invalid rows per input. */
export interface RowFigures {
  accumulators: Accumulators;
  /** Shares of the invalid rows of each input, in the order of `inputRowCounts`. */
  droppedByInput: RingVector;
}

/**
 * Runs the program over all rows chunk by chunk and returns this party's output shares.
 * Rows come from `rows` one chunk at a time, so memory holds one chunk's rows and material beside whatever
 * the source keeps.
 */
export async function runProgram(
  context: PartyContext,
  program: Program,
  rows: RowSource,
  options: RunOptions,
): Promise<ProgramOutput> {
  const kept = keptRows(program);
  const figures = await runRowChunks(context, program, rows, options, kept);
  const dropped = totalDropped(figures.droppedByInput);
  const validRows = BigInt.asUintN(64, (context.party === 'A' ? BigInt(program.totalRows) : 0n) - dropped);
  const later = kept
    ? await runLaterPasses(context, program, kept, validRows, async (chunk) => {
        const material = await options.material(program.rowChunks + chunk);
        await options.onChunkDone?.(program.rowChunks + chunk + 1, program.chunkCount);
        return material;
      })
    : undefined;
  const words = await finishOutput(context, program, figures.accumulators, dropped, later, async () => {
    const material = await options.material(program.chunkCount - 1);
    await options.onChunkDone?.(program.chunkCount, program.chunkCount);
    return material;
  });
  return { words, droppedByInput: figures.droppedByInput };
}

/** The row chunks alone (a shard stops here and keeps its figures for the combine step). */
export async function runRowChunks(
  context: PartyContext,
  program: Program,
  rows: RowSource,
  options: RunOptions,
  kept = keptRows(program),
): Promise<RowFigures> {
  if (rows.rowCount !== program.totalRows)
    throw new RangeError(
      `the inputs hold ${rows.rowCount} rows, the program was compiled for ${program.totalRows}`,
    );
  const inputRowCounts = options.inputRowCounts ?? [program.totalRows];
  const inputStarts = rowStarts(inputRowCounts, program.totalRows);
  const droppedByInput = ringVector(inputRowCounts.length);
  const accumulators = emptyAccumulators(program);
  for (let chunk = 0; chunk < program.rowChunks; chunk++) {
    const start = chunk * program.chunkRows;
    const columns = await rows.columns(start, chunkRowCount(program, chunk));
    const material = await options.material(chunk);
    const valid = await runChunk(context, program, columns, material, accumulators);
    material.assertConsumed();
    if (valid) countInvalid(context, valid, start, inputStarts, droppedByInput);
    kept?.collect(start, columns, valid, context.party === 'A');
    await options.onChunkDone?.(chunk + 1, program.chunkCount);
  }
  return { accumulators, droppedByInput };
}

/** Shares of all invalid rows: the sum over inputs. */
export function totalDropped(droppedByInput: RingVector): bigint {
  let dropped = 0n;
  for (const count of droppedByInput) dropped += count;
  return BigInt.asUintN(64, dropped);
}

/**
 * The finishing steps, once per job: the result words from the figures, then the noise and the suppression
 * of small cells when the spec asks for them (`suppressionMaterial` is the last material chunk).
 */
export async function finishOutput(
  context: PartyContext,
  program: Program,
  accumulators: Accumulators,
  dropped: bigint,
  later: LaterResults | undefined,
  suppressionMaterial: () => Promise<ChunkMaterial>,
): Promise<RingVector> {
  const words = outputShares(context, program, accumulators, dropped, later);
  if (program.spec.privacy) addPrivacyNoise(program.spec, words);
  if (program.suppression) {
    const material = await suppressionMaterial();
    await suppressCells(context, program.spec, program.suppression, words, material);
    material.assertConsumed();
  }
  return words;
}

/** Row offset where each input starts, plus the total. */
function rowStarts(rowCounts: readonly number[], totalRows: number): number[] {
  const starts = [0];
  for (const count of rowCounts) starts.push(starts.at(-1)! + count);
  if (starts.at(-1) !== totalRows)
    throw new RangeError(`the inputs declare ${starts.at(-1)} rows, the program has ${totalRows}`);
  return starts;
}

/** Adds shares of (1 - v) over the chunk's rows to their inputs' counters (A adds the public 1s). */
function countInvalid(
  context: PartyContext,
  valid: RingVector,
  chunkStart: number,
  inputStarts: readonly number[],
  droppedByInput: RingVector,
): void {
  const one = context.party === 'A' ? 1n : 0n;
  let input = 0;
  for (let row = 0; row < valid.length; row++) {
    while (chunkStart + row >= inputStarts[input + 1]!) input++;
    droppedByInput[input] = droppedByInput[input]! + one - valid[row]!;
  }
}

function wideWords(value: bigint): [bigint, bigint] {
  return [value, value >> 64n];
}

/** This party's result share for a recipient: the words, then the dropped rows of the inputs it owns. */
export function resultShareFor(output: ProgramOutput, ownedInputs: readonly number[]): RingVector {
  const share = ringVector(output.words.length + 1);
  share.set(output.words);
  for (const input of ownedInputs)
    share[output.words.length] = share[output.words.length]! + output.droppedByInput[input]!;
  return share;
}

/**
 * Maps accumulators to the result layout, then the dropped-row total; public terms (the row count) are
 * added by A only. With `dropped` = shares of D invalid rows, each of which entered every comparison as its
 * field's `low`, the valid rows' counts are linear corrections: count - D, below t - D [low < t]. Sums and
 * sums of squares are the valid rows' already, in Z_2^128: two words each, low limb first.
 */
export function outputShares(
  context: PartyContext,
  program: Program,
  accumulators: Accumulators,
  dropped: bigint = 0n,
  laterResults?: LaterResults,
): RingVector {
  const total = (context.party === 'A' ? BigInt(program.totalRows) : 0n) - dropped;
  const { spec } = program;
  const words: bigint[] = [];
  for (const entry of resultLayout(spec)) {
    const fieldIndex = spec.fields.findIndex((field) => field.name === entry.field);
    const field = program.fields[fieldIndex];
    const low = field?.low ?? 0n;
    const below = (threshold: bigint): bigint => {
      const index = field!.thresholds.indexOf(threshold);
      if (index < 0) throw new Error(`threshold ${threshold} was not computed`);
      return accumulators.below[fieldIndex]![index]! - (low < threshold ? dropped : 0n);
    };
    const edges = (entry.binEdges ?? []).map((edge) => below(encodedBelowThreshold(edge, field!.field)));
    for (const slot of entry.slots) {
      // Quantiles and grouped cells come from the later passes.
      const later = laterPassWords(program, laterResults, entry, slot);
      if (later) {
        words.push(...later);
        continue;
      }
      switch (slot.name) {
        case 'count':
          words.push(total);
          break;
        case 'sum':
          words.push(...wideWords(accumulators.sums[fieldIndex]!));
          break;
        case 'sumSquares':
          words.push(...wideWords(accumulators.sumSquares[fieldIndex]!));
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
        case 'kept':
          // Filled in by the suppression step.
          words.push(0n);
          break;
      }
    }
  }
  words.push(dropped);
  return BigUint64Array.from(words.map((word) => BigInt.asUintN(64, word)));
}
