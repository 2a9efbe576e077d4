import { encodedAboveThreshold, encodedBelowThreshold } from '../../contract/analysis/field-encoding.ts';
import { resultLayout } from '../../contract/result/result-layout.ts';
import type { ChunkMaterial } from '../engine/material.ts';
import type { PartyContext } from '../engine/ops.ts';
import { ringVector, type RingVector } from '../../contract/sharing/ring.ts';
import { emptyAccumulators, runChunk, type Accumulators, type ExtremeCarry } from './chunk-program.ts';
import { toWide } from '../engine/ring128.ts';
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
  /** Row chunks in flight at once (each holds its rows and material); default `chunkWindowSetting()`. */
  window?: number;
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
 * Rows come from `rows` one chunk at a time, so memory holds a window of chunks' rows and material
 * (`runWindow`) beside whatever the source keeps.
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
  // Chunks are folded in chunk order, whatever order they finish in.
  const fold = (chunk: number, done: ChunkDone): void => {
    const start = chunk * program.chunkRows;
    addAccumulators(accumulators, done.accumulators);
    if (done.valid) countInvalid(context, done.valid, start, inputStarts, droppedByInput);
    kept?.collect(start, done.columns, done.valid, context.party === 'A');
  };
  await runWindow(context, program, rows, options, fold);
  return { accumulators, droppedByInput };
}

/** What a finished chunk leaves until it is folded. */
interface ChunkDone {
  columns: RingVector[];
  valid: RingVector | undefined;
  accumulators: Accumulators;
}

/**
 * Runs the row chunks with up to `window` of them in flight, chunk c on sub-channel c + 1 with its own rows,
 * material and accumulators, and folds them in chunk order. The only dependency between chunks is the
 * running extreme: chunk c waits for chunk c - 1's only at the tournament level that first pairs it
 * (`ExtremeCarry`). Chunk c starts once chunk c - window has been folded, so memory holds at most `window`
 * chunks of rows and material. Rows and material are asked for in chunk order. Without sub-channels (both
 * parties' links are alike) the chunks run one after the other on the main channel.
 */
async function runWindow(
  context: PartyContext,
  program: Program,
  rows: RowSource,
  options: RunOptions,
  fold: (chunk: number, done: ChunkDone) => void,
): Promise<void> {
  const channel = context.channel;
  const window = channel.subChannel ? (options.window ?? chunkWindowSetting()) : 1;
  const failed = deferred<never>();
  const inFlight: { chunk: number; done: Promise<ChunkDone> }[] = [];
  const foldOldest = async (): Promise<void> => {
    const { chunk, done } = inFlight.shift()!;
    fold(chunk, await Promise.race([done, failed.promise]));
    await options.onChunkDone?.(chunk + 1, program.chunkCount);
  };
  let previous: Promise<RingVector> | undefined;
  for (let chunk = 0; chunk < program.rowChunks; chunk++) {
    if (inFlight.length >= window) await foldOldest();
    const columns = await rows.columns(chunk * program.chunkRows, chunkRowCount(program, chunk));
    const material = await options.material(chunk);
    const reached = deferred<RingVector>();
    const carry: ExtremeCarry = { previous, reached: reached.resolve };
    previous = reached.promise;
    const chunkContext = channel.subChannel
      ? { ...context, channel: channel.subChannel(chunk + 1) }
      : context;
    const chunkAccumulators = emptyAccumulators(program);
    const done = runChunk(chunkContext, program, columns, material, chunkAccumulators, carry).then(
      (valid) => {
        material.assertConsumed();
        return { columns, valid, accumulators: chunkAccumulators };
      },
    );
    // The first failure ends the run at once; the next chunk must not wait for a carry that never comes.
    done.catch((error: unknown) => {
      reached.reject(error);
      failed.reject(error);
    });
    inFlight.push({ chunk, done });
  }
  while (inFlight.length > 0) await foldOldest();
}

/** Adds a chunk's sums and counts to the running totals; the latest chunk's extreme holds all before it. */
function addAccumulators(total: Accumulators, chunk: Accumulators): void {
  chunk.sums.forEach((sum, f) => (total.sums[f] = toWide(total.sums[f]! + sum)));
  chunk.sumSquares.forEach((sum, f) => (total.sumSquares[f] = toWide(total.sumSquares[f]! + sum)));
  chunk.below.forEach((counts, f) =>
    counts.forEach((count, i) => (total.below[f]![i] = BigInt.asUintN(64, total.below[f]![i]! + count))),
  );
  if (chunk.extremes) total.extremes = chunk.extremes;
}

/** Row chunks in flight by default (`MPC_CHUNK_WINDOW`, docs/operations.md). */
export const DEFAULT_CHUNK_WINDOW = 16;
const MAX_CHUNK_WINDOW = 256;

/** MPC_CHUNK_WINDOW, checked: a whole number of chunks from 1 to 256, default `DEFAULT_CHUNK_WINDOW`. */
export function chunkWindowSetting(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.MPC_CHUNK_WINDOW;
  if (raw === undefined || raw === '') return DEFAULT_CHUNK_WINDOW;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > MAX_CHUNK_WINDOW)
    throw new RangeError(
      `MPC_CHUNK_WINDOW must be a whole number from 1 to ${MAX_CHUNK_WINDOW}, got "${raw}"`,
    );
  return value;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

/** A promise with its settle functions; its rejection counts as handled (whoever awaits it still sees it). */
function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
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
