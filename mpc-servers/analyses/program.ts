import type { ComputationSpec, FieldSpec } from '../../contract/analysis/analysis-spec.ts';
import { checkComputable } from '../../contract/analysis/computability.ts';
import { unshardableReason } from '../../contract/job/shard-plan.ts';
import { materialBytes } from '../engine/material.ts';
import { chunkRequests, type ChunkShape } from './chunk-program.ts';
import {
  analysesOfField,
  encodedBounds,
  extremeComparisonBits,
  thresholdComparisonBits,
  thresholdsOfField,
} from '../../contract/analysis/field-encoding.ts';
import { compileGroupBy, type GroupByPlan } from './group-by-program.ts';
import { laterChunkCount } from './later-passes.ts';
import { compileQuantiles, quantileBytesPerRow, type QuantilePlan } from './quantile-program.ts';
import { compileSuppression, type SuppressionPlan } from './suppress-small-cells.ts';

/**
 * A ComputationSpec compiled into what the servers compute per field over the union of all rows: the sum
 * (sum, mean, variance, stddev) and the sum of squares (variance, stddev), both in Z_2^128, counts below public thresholds (countBelow,
 * countAbove, histogram) and tournament minima/maxima. Adding an analysis means adding its needs here, its
 * per-chunk work in `chunk-program.ts` and its slots in `contract/result-layout.ts`.
 */
export interface FieldProgram {
  index: number;
  field: FieldSpec;
  /** Encoded declared bounds (the codec's limit where undeclared): a value outside makes its row invalid. */
  low: bigint;
  high: bigint;
  /** Whether the field's values are lifted into Z_2^128 for its sum (and sum of squares). */
  sums: boolean;
  sumSquares: boolean;
  /** Encoded thresholds t (sorted): the program counts rows with encoded x < t. */
  thresholds: bigint[];
  thresholdBits: number;
}

export interface ExtremeSeries {
  field: number;
  direction: 'min' | 'max';
}

export interface Program {
  spec: ComputationSpec;
  /**
   * Whether every value is checked against its field's bounds inside the MPC (always in jobs; off only to
   * measure its cost): invalid rows are dropped obliviously and counted.
   */
  validity: boolean;
  fields: FieldProgram[];
  series: ExtremeSeries[];
  /** One bit length for all tournament comparisons (the widest field's). */
  extremeBits: number;
  totalRows: number;
  chunkRows: number;
  /** Chunks of rows; then the quantiles' chunks (`quantile-program.ts`) up to `chunkCount` material chunks. */
  rowChunks: number;
  quantiles: QuantilePlan | undefined;
  /** Group-by cells: one pass over the row chunks after them, before the quantiles' (`later-passes.ts`). */
  groups: GroupByPlan | undefined;
  /** Minimum cell size: one last material chunk (`suppress-small-cells.ts`), after the quantiles'. */
  suppression: SuppressionPlan | undefined;
  chunkCount: number;
}

/** Budget for one chunk's dealer material (the larger, B's), which bounds server memory per chunk. */
const CHUNK_MATERIAL_BUDGET = 16 << 20;
const MIN_CHUNK_ROWS = 1 << 10;
const MAX_CHUNK_ROWS = 1 << 16;
const SUM_KINDS = ['sum', 'mean', 'variance', 'stddev'] as const;

export class ProgramError extends Error {
  override readonly name = 'ProgramError';
}

/**
 * `chunkRows` overrides the material-budget choice (tests use tiny chunks to exercise chunking); `validity:
 * false` skips the range check (benchmarks only: rows are then trusted). `shardPart: true` compiles the part
 * of a sharded job: its row chunks only, with the finishing steps (suppression, noise) left to the combine
 * job; `checkRows` is then the whole job's rows, which the ring bounds are checked for.
 */
export function compileProgram(
  spec: ComputationSpec,
  totalRows: number,
  options: { chunkRows?: number; validity?: boolean; shardPart?: boolean; checkRows?: number } = {},
): Program {
  const validity = options.validity ?? true;
  const computability = checkComputable(spec, Math.max(options.checkRows ?? totalRows, totalRows, 1));
  if (!computability.computable) throw new ProgramError(computability.reasons.join('; '));
  const unshardable = options.shardPart ? unshardableReason(spec) : undefined;
  if (unshardable) throw new ProgramError(`this spec cannot run in shards: ${unshardable}`);
  const series: ExtremeSeries[] = [];
  const fields = spec.fields.map((field, index): FieldProgram => {
    // Grouped analyses are the group-by pass's (`group-by-program.ts`), not the whole field's.
    const ungrouped = analysesOfField(spec, field).filter((analysis) => analysis.groupBy === undefined);
    const kinds = new Set(ungrouped.map((analysis) => analysis.kind));
    if (kinds.has('min')) series.push({ field: index, direction: 'min' });
    if (kinds.has('max')) series.push({ field: index, direction: 'max' });
    const { low, high } = encodedBounds(field);
    return {
      index,
      field,
      low,
      high,
      sums: SUM_KINDS.some((kind) => kinds.has(kind)),
      sumSquares: kinds.has('variance') || kinds.has('stddev'),
      thresholds: thresholdsOfField(spec, field),
      thresholdBits: thresholdComparisonBits(spec, field),
    };
  });
  const extremeBits = Math.max(0, ...series.map((s) => extremeComparisonBits(spec.fields[s.field]!)));
  const quantiles = compileQuantiles(spec, totalRows);
  const groups = compileGroupBy(spec);
  const suppression = options.shardPart ? undefined : compileSuppression(spec, totalRows);
  const chunkRows =
    options.chunkRows ??
    Math.min(
      chooseChunkRows({ validity, fields, series, extremeBits }),
      quantiles ? rowsWithin(quantileBytesPerRow(quantiles)) : MAX_CHUNK_ROWS,
    );
  const rowChunks = Math.ceil(totalRows / chunkRows);
  return {
    spec,
    validity,
    fields,
    series,
    extremeBits,
    totalRows,
    chunkRows,
    rowChunks,
    quantiles,
    groups,
    suppression,
    chunkCount: rowChunks + laterChunkCount({ groups, quantiles }, rowChunks) + (suppression ? 1 : 0),
  };
}

/** Rows per chunk whose material for B (the larger) stays within the budget, from the chunk's exact bytes. */
function chooseChunkRows(shape: ChunkShape): number {
  const rows = MIN_CHUNK_ROWS;
  return rowsWithin(materialBytes(chunkRequests(shape, rows, true), 'B') / rows);
}

/** Rows per chunk whose material stays within the budget at `bytesPerRow`. */
function rowsWithin(bytesPerRow: number): number {
  const rows = 2 ** Math.floor(Math.log2(CHUNK_MATERIAL_BUDGET / bytesPerRow));
  return Math.min(MAX_CHUNK_ROWS, Math.max(MIN_CHUNK_ROWS, rows));
}

export function chunkRowCount(program: Program, chunk: number): number {
  return Math.min(program.chunkRows, program.totalRows - chunk * program.chunkRows);
}
