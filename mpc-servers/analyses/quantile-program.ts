import type { ComputationSpec } from '../../contract/analysis/analysis-spec.ts';
import { encodedBounds, expandAnalyses, signedBitLength } from '../../contract/analysis/field-encoding.ts';
import { quantileDomainBits, quantileFraction } from '../../contract/analysis/quantile-rank.ts';
import { addConstant, concat, ringVector, sumAll, type RingVector } from '../../contract/sharing/ring.ts';
import type { ChunkMaterial, MaterialRequest } from '../engine/material.ts';
import { lessThanZeroStep, multiplyStep, runRound, type PartyContext } from '../engine/ops.ts';
import type { KeptRows } from './kept-rows.ts';

/**
 * Exact quantiles by bisection over each field's declared domain with secret midpoints, after the row
 * chunks. Values are searched as y = x - low in [0, 2^L); a row dropped as invalid gets y = 2^L, above every
 * midpoint, so it never counts. Per round j (half = 2^(L-1-j)) and series s (one per field and p), with lo_s
 * the shared lower end of the interval holding the answer:
 *   c_s = #(y < lo_s + half)           one (L+1)-bit comparison per value, summed locally;
 *   b_s = [den c_s - num n < 0]        = [c_s < ceil(p n)], one comparison per series (n: valid rows);
 *   lo_s += b_s half                   linear, no round.
 * After L rounds lo_s is the smallest y with #(y' <= y) >= ceil(p n). Nothing is opened but masked values:
 * the servers learn neither the bits nor the quantile, which the recipients get as shares of low + lo_s.
 * The first round also computes y = 2^L + w (x - low - 2^L) with one multiplication per value, w the row's
 * validity bit v, or for a quantile grouped by a category field its cell's indicator (0 for an invalid row).
 */
export interface QuantileColumn {
  /** Index of the field in the spec. */
  field: number;
  /** Grouped: the category field and the category whose rows count. */
  by?: number;
  cell?: number;
}

export interface QuantileSeries extends QuantileColumn {
  /** Index of the series' column in `QuantilePlan.columns`. */
  column: number;
  p: number;
  numerator: bigint;
  denominator: bigint;
}

export interface QuantilePlan {
  /** The values bisected: a field's, weighted by validity or by a cell's indicator; each once. */
  columns: QuantileColumn[];
  series: QuantileSeries[];
  /** Bisection rounds L: the widest field's domain bits. */
  rounds: number;
  /** Bits of every comparison y - lo - half, in [-2^L, 2^L). */
  valueBits: number;
  /** Bits of the comparisons den c - num n, |.| <= den totalRows. */
  countBits: number;
}

export function compileQuantiles(spec: ComputationSpec, totalRows: number): QuantilePlan | undefined {
  const series: QuantileSeries[] = [];
  const columns: QuantileColumn[] = [];
  const columnOf = (wanted: QuantileColumn): number => {
    const found = columns.findIndex(
      (c) => c.field === wanted.field && c.by === wanted.by && c.cell === wanted.cell,
    );
    return found >= 0 ? found : columns.push(wanted) - 1;
  };
  for (const analysis of expandAnalyses(spec)) {
    if (analysis.kind !== 'quantile' || analysis.p === undefined) continue;
    const field = spec.fields.findIndex((candidate) => candidate.name === analysis.field);
    const by = spec.fields.findIndex((candidate) => candidate.name === analysis.groupBy);
    const byField = spec.fields[by];
    const cells = byField?.type === 'category' ? byField.categories.map((_, cell) => ({ by, cell })) : [{}];
    for (const cell of cells) {
      const wanted: QuantileColumn = { field, ...cell };
      const key = (s: QuantileColumn & { p: number }) => JSON.stringify([s.field, s.by, s.cell, s.p]);
      if (series.some((s) => key(s) === key({ ...wanted, p: analysis.p! }))) continue;
      series.push({ ...wanted, column: columnOf(wanted), p: analysis.p, ...quantileFraction(analysis.p)! });
    }
  }
  if (series.length === 0) return undefined;
  const rounds = Math.max(...columns.map((c) => quantileDomainBits(spec.fields[c.field]!)));
  const denominator = series.reduce((most, s) => (s.denominator > most ? s.denominator : most), 1n);
  const bound = denominator * BigInt(totalRows);
  return { columns, series, rounds, valueBits: rounds + 1, countBits: signedBitLength(-bound, bound) };
}

/** Material chunks the bisection takes after the row chunks: one per round and row chunk. */
export function quantileChunkCount(plan: QuantilePlan | undefined, rowChunks: number): number {
  return plan ? plan.rounds * rowChunks : 0;
}

/** B's dealer bytes per row and round: the comparisons of every series and the first round's product. */
export function quantileBytesPerRow(plan: QuantilePlan): number {
  return plan.series.length * (16 + (plan.valueBits - 1) * 25 + 8) + plan.columns.length * 8;
}

/** Where quantile chunk `chunk` (counted from the first after the row chunks) sits: round and row chunk. */
function position(chunk: number, rowChunks: number): { round: number; rowChunk: number; last: boolean } {
  const round = Math.floor(chunk / rowChunks);
  const rowChunk = chunk % rowChunks;
  return { round, rowChunk, last: rowChunk === rowChunks - 1 };
}

/** Exactly what `runQuantiles` consumes in quantile chunk `chunk` over `rows` rows. */
export function quantileChunkRequests(
  plan: QuantilePlan,
  chunk: number,
  rowChunks: number,
  rows: number,
): MaterialRequest[] {
  const { round, last } = position(chunk, rowChunks);
  const requests: MaterialRequest[] = [];
  if (round === 0) requests.push({ kind: 'triple', count: rows * plan.columns.length });
  requests.push({ kind: 'comparison', bits: plan.valueBits, count: rows * plan.series.length });
  if (last) requests.push({ kind: 'comparison', bits: plan.countBits, count: plan.series.length });
  return requests;
}

export interface QuantileRun {
  spec: ComputationSpec;
  plan: QuantilePlan;
  rowChunks: number;
  chunkRows: number;
  totalRows: number;
  /** Per series, shares of the rows it ranks n: the valid rows, or its cell's. */
  seriesRows: RingVector;
  /** Material of quantile chunk `chunk` (counted from the first after the row chunks). */
  material: (chunk: number) => Promise<ChunkMaterial>;
}

/** Runs the bisection; returns per series this party's share of the encoded quantile low + lo. */
export async function runQuantiles(
  context: PartyContext,
  rows: KeptRows,
  run: QuantileRun,
): Promise<RingVector> {
  const { plan, rowChunks, chunkRows, totalRows } = run;
  const isA = context.party === 'A';
  const sentinel = 1n << BigInt(plan.rounds);
  const values = plan.columns.map(() => ringVector(totalRows));
  const lo = ringVector(plan.series.length);
  for (let round = 0; round < plan.rounds; round++) {
    const half = 1n << BigInt(plan.rounds - 1 - round);
    const counts = ringVector(plan.series.length);
    for (let rowChunk = 0; rowChunk < rowChunks; rowChunk++) {
      const start = rowChunk * chunkRows;
      const length = Math.min(chunkRows, totalRows - start);
      const material = await run.material(round * rowChunks + rowChunk);
      if (round === 0) await prepareValues(context, rows, values, start, length, sentinel, run, material);
      const z = concat(
        plan.series.map((s, i) => {
          const y = values[s.column]!.subarray(start, start + length);
          return addConstant(y, -lo[i]! - (isA ? half : 0n));
        }),
      );
      const comparisons = material.comparisons(plan.valueBits, z.length);
      const [below] = await runRound(context, [lessThanZeroStep(context, z, comparisons)]);
      for (let s = 0; s < plan.series.length; s++)
        counts[s] = counts[s]! + sumAll(below.subarray(s * length, (s + 1) * length));
      if (rowChunk === rowChunks - 1) {
        const bits = await countBelowRank(context, plan, counts, run.seriesRows, material);
        for (let s = 0; s < plan.series.length; s++) lo[s] = lo[s]! + bits[s]! * half;
      }
      material.assertConsumed();
    }
  }
  return BigUint64Array.from(plan.series, (s, i) => {
    const low = encodedBounds(run.spec.fields[s.field]!).low;
    return BigInt.asUintN(64, lo[i]! + (isA ? low : 0n));
  });
}

/** y = 2^L + w (x - low - 2^L): x - low where the weight w is 1, 2^L (above every midpoint) where it is 0. */
async function prepareValues(
  context: PartyContext,
  rows: KeptRows,
  values: RingVector[],
  start: number,
  length: number,
  sentinel: bigint,
  run: QuantileRun,
  material: ChunkMaterial,
): Promise<void> {
  const isA = context.party === 'A';
  const columns = run.plan.columns;
  const part = (column: RingVector): RingVector => column.subarray(start, start + length);
  const shifted = concat(
    columns.map((c) => {
      const x = part(rows.column(c.field));
      const low = encodedBounds(run.spec.fields[c.field]!).low;
      return isA ? addConstant(x, -low - sentinel) : x.slice();
    }),
  );
  const weights = concat(
    columns.map((c) => part(c.by === undefined ? rows.valid : rows.indicators.get(c.by)![c.cell!]!)),
  );
  const triples = material.triples(shifted.length);
  const [products] = await runRound(context, [multiplyStep(context, weights, shifted, triples)]);
  columns.forEach((_, i) => {
    const y = products.subarray(i * length, (i + 1) * length);
    values[i]!.set(isA ? addConstant(y, sentinel) : y, start);
  });
}

/** Shares of b_s = [den_s c_s - num_s n_s < 0] = [c_s < ceil(p_s n_s)] for every series. */
async function countBelowRank(
  context: PartyContext,
  plan: QuantilePlan,
  counts: RingVector,
  seriesRows: RingVector,
  material: ChunkMaterial,
): Promise<RingVector> {
  const z = ringVector(plan.series.length);
  plan.series.forEach((s, i) => (z[i] = counts[i]! * s.denominator - seriesRows[i]! * s.numerator));
  const comparisons = material.comparisons(plan.countBits, z.length);
  const [bits] = await runRound(context, [lessThanZeroStep(context, z, comparisons)]);
  return bits;
}
