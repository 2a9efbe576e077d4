import type { ComputationSpec } from '../../contract/analysis/analysis-spec.ts';
import { analysesOfField, encodedBounds, signedBitLength } from '../../contract/analysis/field-encoding.ts';
import { quantileDomainBits, quantileFraction } from '../../contract/analysis/quantile-rank.ts';
import { addConstant, concat, ringVector, sumAll, type RingVector } from '../../contract/sharing/ring.ts';
import type { ChunkMaterial, MaterialRequest } from '../engine/material.ts';
import { lessThanZeroStep, multiplyStep, runRound, type PartyContext } from '../engine/ops.ts';

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
 * The first round also computes y = 2^L + v (x - low - 2^L) with one multiplication per value.
 */
export interface QuantileSeries {
  /** Index of the field in the spec. */
  field: number;
  p: number;
  numerator: bigint;
  denominator: bigint;
}

export interface QuantilePlan {
  /** Fields whose values are bisected, each once, in spec order. */
  fields: number[];
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
  spec.fields.forEach((field, index) => {
    for (const analysis of analysesOfField(spec, field)) {
      if (analysis.kind !== 'quantile' || analysis.p === undefined) continue;
      if (series.some((s) => s.field === index && s.p === analysis.p)) continue;
      series.push({ field: index, p: analysis.p, ...quantileFraction(analysis.p)! });
    }
  });
  if (series.length === 0) return undefined;
  const fields = [...new Set(series.map((s) => s.field))];
  const rounds = Math.max(...fields.map((f) => quantileDomainBits(spec.fields[f]!)));
  const denominator = series.reduce((most, s) => (s.denominator > most ? s.denominator : most), 1n);
  const bound = denominator * BigInt(totalRows);
  return { fields, series, rounds, valueBits: rounds + 1, countBits: signedBitLength(-bound, bound) };
}

/** Material chunks the bisection takes after the row chunks: one per round and row chunk. */
export function quantileChunkCount(plan: QuantilePlan | undefined, rowChunks: number): number {
  return plan ? plan.rounds * rowChunks : 0;
}

/** B's dealer bytes per row and round: the comparisons of every series and the first round's product. */
export function quantileBytesPerRow(plan: QuantilePlan): number {
  return plan.series.length * (16 + (plan.valueBits - 1) * 25 + 8) + plan.fields.length * 8;
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
  if (round === 0) requests.push({ kind: 'triple', count: rows * plan.fields.length });
  requests.push({ kind: 'comparison', bits: plan.valueBits, count: rows * plan.series.length });
  if (last) requests.push({ kind: 'comparison', bits: plan.countBits, count: plan.series.length });
  return requests;
}

/**
 * The rows the bisection needs, gathered while the row chunks run: each bisected field's raw shares and
 * each row's validity bit (8 bytes per row each).
 */
export class QuantileRows {
  readonly columns: RingVector[];
  readonly valid: RingVector;
  constructor(
    readonly plan: QuantilePlan,
    totalRows: number,
  ) {
    this.columns = plan.fields.map(() => ringVector(totalRows));
    this.valid = ringVector(totalRows);
  }
  /** Keeps a chunk's rows; without the validity check every row counts (A holds the public 1s). */
  collect(start: number, columns: readonly RingVector[], valid: RingVector | undefined, isA: boolean): void {
    this.plan.fields.forEach((field, i) => this.columns[i]!.set(columns[field]!, start));
    if (valid) this.valid.set(valid, start);
    else if (isA) this.valid.fill(1n, start, start + columns[0]!.length);
  }
}

export interface QuantileRun {
  spec: ComputationSpec;
  plan: QuantilePlan;
  rowChunks: number;
  chunkRows: number;
  totalRows: number;
  /** Shares of the valid rows n. */
  validRows: bigint;
  /** Material of quantile chunk `chunk` (counted from the first after the row chunks). */
  material: (chunk: number) => Promise<ChunkMaterial>;
}

/** Runs the bisection; returns per series this party's share of the encoded quantile low + lo. */
export async function runQuantiles(
  context: PartyContext,
  rows: QuantileRows,
  run: QuantileRun,
): Promise<RingVector> {
  const { plan, rowChunks, chunkRows, totalRows } = run;
  const isA = context.party === 'A';
  const sentinel = 1n << BigInt(plan.rounds);
  const seriesColumn = plan.series.map((s) => plan.fields.indexOf(s.field));
  const lo = ringVector(plan.series.length);
  for (let round = 0; round < plan.rounds; round++) {
    const half = 1n << BigInt(plan.rounds - 1 - round);
    const counts = ringVector(plan.series.length);
    for (let rowChunk = 0; rowChunk < rowChunks; rowChunk++) {
      const start = rowChunk * chunkRows;
      const length = Math.min(chunkRows, totalRows - start);
      const material = await run.material(round * rowChunks + rowChunk);
      if (round === 0) await prepareValues(context, rows, start, length, sentinel, run, material);
      const z = concat(
        plan.series.map((_, s) => {
          const y = rows.columns[seriesColumn[s]!]!.subarray(start, start + length);
          return addConstant(y, -lo[s]! - (isA ? half : 0n));
        }),
      );
      const comparisons = material.comparisons(plan.valueBits, z.length);
      const [below] = await runRound(context, [lessThanZeroStep(context, z, comparisons)]);
      for (let s = 0; s < plan.series.length; s++)
        counts[s] = counts[s]! + sumAll(below.subarray(s * length, (s + 1) * length));
      if (rowChunk === rowChunks - 1) {
        const bits = await countBelowRank(context, plan, counts, run.validRows, material);
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

/** y = 2^L + v (x - low - 2^L) in place: x - low for a valid row, 2^L for an invalid one. */
async function prepareValues(
  context: PartyContext,
  rows: QuantileRows,
  start: number,
  length: number,
  sentinel: bigint,
  run: QuantileRun,
  material: ChunkMaterial,
): Promise<void> {
  const isA = context.party === 'A';
  const fields = rows.plan.fields;
  const valid = rows.valid.subarray(start, start + length);
  const shifted = concat(
    fields.map((field, i) => {
      const x = rows.columns[i]!.subarray(start, start + length);
      const low = encodedBounds(run.spec.fields[field]!).low;
      return isA ? addConstant(x, -low - sentinel) : x.slice();
    }),
  );
  const spread = concat(fields.map(() => valid));
  const triples = material.triples(shifted.length);
  const [products] = await runRound(context, [multiplyStep(context, spread, shifted, triples)]);
  fields.forEach((_, i) => {
    const y = products.subarray(i * length, (i + 1) * length);
    rows.columns[i]!.set(isA ? addConstant(y, sentinel) : y, start);
  });
}

/** Shares of b_s = [den_s c_s - num_s n < 0] = [c_s < ceil(p_s n)] for every series. */
async function countBelowRank(
  context: PartyContext,
  plan: QuantilePlan,
  counts: RingVector,
  validRows: bigint,
  material: ChunkMaterial,
): Promise<RingVector> {
  const z = ringVector(plan.series.length);
  plan.series.forEach((s, i) => (z[i] = counts[i]! * s.denominator - validRows * s.numerator));
  const comparisons = material.comparisons(plan.countBits, z.length);
  const [bits] = await runRound(context, [lessThanZeroStep(context, z, comparisons)]);
  return bits;
}
