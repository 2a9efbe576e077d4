import type { AnalysisKind, ComputationSpec } from '../../contract/analysis/analysis-spec.ts';
import { encodedBounds, expandAnalyses, signedBitLength } from '../../contract/analysis/field-encoding.ts';
import {
  addConstant,
  concat,
  ringVector,
  sub,
  sumAll,
  type RingVector,
} from '../../contract/sharing/ring.ts';
import type { ChunkMaterial, MaterialRequest } from '../engine/material.ts';
import { lessThanManyStep } from '../engine/many-thresholds.ts';
import { multiplyStep, runRound, type PartyContext, type RoundStep } from '../engine/ops.ts';
import { sum128, toWide, type WideVector } from '../engine/ring128.ts';
import { liftStep, wideSquareStep } from '../engine/wide-ops.ts';
import type { KeptRows } from './kept-rows.ts';

/**
 * Group-by over category fields, one pass over the kept rows after the row chunks. Per row and category
 * field with C categories, in rounds:
 *   1. k = v cat + (1 - v) C (one multiplication): the row's category, or C for a row dropped as invalid;
 *   2. e_c = [k < c + 1] - [k < c] for c = 0..C-1 from ONE comparison key per row evaluated at the C public
 *      thresholds 1..C (`lessThanManyStep`): the one-hot indicators, all 0 for an invalid row;
 *   3. e_c (x - low) for every summed value field and cell (one multiplication each): 0 outside the cell and
 *      below 2^63 inside, so that
 *   4. one lift per product (and per cell the chunk's count n_c) brings it into Z_2^128, and
 *   5. one 128-bit square per product of a variance field.
 * The cells' figures follow locally in Z_2^128, as for the whole field: sum x = sum y + n_c low,
 * sum x^2 = sum y^2 + 2 low sum y + n_c low^2; the count is sum e_c. Grouped quantiles bisect with e_c in
 * place of v (`quantile-program.ts`).
 */
export interface GroupPlan {
  /** Index of the category field. */
  by: number;
  categories: number;
  /** Bits of k - t for k in [0, C], t in [1, C]. */
  bits: number;
  /** Value fields summed per cell; `squares` for variance and stddev. */
  sums: { field: number; squares: boolean }[];
}

export interface GroupByPlan {
  groups: GroupPlan[];
}

const SUM_KINDS: readonly AnalysisKind[] = ['sum', 'mean', 'variance', 'stddev'];

export function compileGroupBy(spec: ComputationSpec): GroupByPlan | undefined {
  const groups: GroupPlan[] = [];
  for (const analysis of expandAnalyses(spec)) {
    if (analysis.groupBy === undefined) continue;
    const by = spec.fields.findIndex((field) => field.name === analysis.groupBy);
    const byField = spec.fields[by];
    if (byField?.type !== 'category') continue;
    let group = groups.find((g) => g.by === by);
    if (!group) {
      const categories = byField.categories.length;
      group = { by, categories, bits: signedBitLength(-BigInt(categories), BigInt(categories)), sums: [] };
      groups.push(group);
    }
    if (!SUM_KINDS.includes(analysis.kind)) continue;
    const field = spec.fields.findIndex((candidate) => candidate.name === analysis.field);
    const squares = analysis.kind === 'variance' || analysis.kind === 'stddev';
    const existing = group.sums.find((s) => s.field === field);
    if (existing) existing.squares ||= squares;
    else group.sums.push({ field, squares });
  }
  return groups.length > 0 ? { groups } : undefined;
}

/** Fields the pass reads from the kept rows. */
export function groupByFields(plan: GroupByPlan): number[] {
  return plan.groups.flatMap((group) => [group.by, ...group.sums.map((s) => s.field)]);
}

const productCount = (plan: GroupByPlan): number =>
  plan.groups.reduce((total, g) => total + g.categories * g.sums.length, 0);
const squareCount = (plan: GroupByPlan): number =>
  plan.groups.reduce((total, g) => total + g.categories * g.sums.filter((s) => s.squares).length, 0);
const summedCells = (plan: GroupByPlan): number =>
  plan.groups.reduce((total, g) => total + (g.sums.length > 0 ? g.categories : 0), 0);

/** Exactly what `runGroupByChunk` consumes over `rows` rows. */
export function groupByChunkRequests(plan: GroupByPlan, rows: number): MaterialRequest[] {
  const requests: MaterialRequest[] = [{ kind: 'triple', count: rows * plan.groups.length }];
  for (const group of plan.groups) requests.push({ kind: 'comparison', bits: group.bits, count: rows });
  const products = rows * productCount(plan);
  if (products > 0) {
    requests.push({ kind: 'triple', count: products });
    requests.push({ kind: 'lift', count: products + summedCells(plan) });
  }
  const squares = rows * squareCount(plan);
  if (squares > 0) requests.push({ kind: 'wideSquare', count: squares });
  return requests;
}

/** Shares per group and cell: the count (Z_2^64) and per summed field the sum and sum of squares (Z_2^128). */
export interface CellAccumulators {
  counts: bigint[][];
  sums: bigint[][][];
  sumSquares: bigint[][][];
}

export function emptyCells(plan: GroupByPlan): CellAccumulators {
  const cells = (g: GroupPlan) => Array.from({ length: g.categories }, () => 0n);
  return {
    counts: plan.groups.map(cells),
    sums: plan.groups.map((g) => g.sums.map(() => cells(g))),
    sumSquares: plan.groups.map((g) => g.sums.map(() => cells(g))),
  };
}

/** One row chunk of the pass; keeps the indicators in `rows` when `keepIndicators` (grouped quantiles). */
export async function runGroupByChunk(
  context: PartyContext,
  spec: ComputationSpec,
  plan: GroupByPlan,
  rows: KeptRows,
  start: number,
  length: number,
  material: ChunkMaterial,
  cells: CellAccumulators,
  keepIndicators: boolean,
): Promise<void> {
  const isA = context.party === 'A';
  const part = (column: RingVector): RingVector => column.subarray(start, start + length);
  const valid = part(rows.valid);
  // 1. k = v (cat - C) + C.
  const shifted = concat(
    plan.groups.map((g) =>
      isA ? addConstant(part(rows.column(g.by)), -BigInt(g.categories)) : part(rows.column(g.by)),
    ),
  );
  const spread = concat(plan.groups.map(() => valid));
  const [selected] = await runRound(context, [
    multiplyStep(context, spread, shifted, material.triples(shifted.length)),
  ]);
  // 2. one key per row, C thresholds.
  const steps: RoundStep<RingVector[]>[] = plan.groups.map((g, i) => {
    const k = selected.subarray(i * length, (i + 1) * length);
    const category = isA ? addConstant(k, BigInt(g.categories)) : k;
    const thresholds = Array.from({ length: g.categories }, (_, c) => BigInt(c + 1));
    return lessThanManyStep(context, category, thresholds, material.comparisons(g.bits, length));
  });
  const below = await runRound(context, steps);
  const indicators = plan.groups.map((g, i) =>
    Array.from({ length: g.categories }, (_, c) =>
      c === 0 ? below[i]![0]! : sub(below[i]![c]!, below[i]![c - 1]!),
    ),
  );
  plan.groups.forEach((g, i) => {
    indicators[i]!.forEach(
      (e, c) => (cells.counts[i]![c] = BigInt.asUintN(64, cells.counts[i]![c]! + sumAll(e))),
    );
    if (!keepIndicators) return;
    if (!rows.indicators.has(g.by))
      rows.indicators.set(
        g.by,
        Array.from({ length: g.categories }, () => ringVector(rows.totalRows)),
      );
    rows.indicators.get(g.by)!.forEach((column, c) => column.set(indicators[i]![c]!, start));
  });
  if (productCount(plan) === 0) return;
  // 3. e_c (x - low) per group, summed field, cell (in that order).
  const left: RingVector[] = [];
  const right: RingVector[] = [];
  plan.groups.forEach((g, i) => {
    for (const s of g.sums) {
      const low = encodedBounds(spec.fields[s.field]!).low;
      const x = part(rows.column(s.field));
      const y = isA ? addConstant(x, -low) : x;
      for (let c = 0; c < g.categories; c++) {
        left.push(indicators[i]![c]!);
        right.push(y);
      }
    }
  });
  const l = concat(left);
  const [products] = await runRound(context, [
    multiplyStep(context, l, concat(right), material.triples(l.length)),
  ]);
  // 4. lift the products, then each summed cell's count in the chunk.
  const counts = plan.groups.flatMap((g, i) =>
    g.sums.length > 0 ? indicators[i]!.map((e) => BigUint64Array.of(BigInt.asUintN(64, sumAll(e)))) : [],
  );
  const y = concat([products, ...counts]);
  const [lifted] = await runRound(context, [liftStep(context, y, material.lifts(y.length))]);
  // 5. squares of the variance fields' products.
  const squaredParts: number[] = [];
  let index = 0;
  for (const g of plan.groups)
    for (const s of g.sums)
      for (let c = 0; c < g.categories; c++, index++) if (s.squares) squaredParts.push(index);
  const wide = (i: number): WideVector => lifted.subarray(2 * i * length, 2 * (i + 1) * length);
  let squares: WideVector | undefined;
  if (squaredParts.length > 0) {
    const x = concat(squaredParts.map(wide));
    [squares] = await runRound(context, [wideSquareStep(context, x, material.wideSquares(x.length / 2))]);
  }
  accumulateCells(spec, plan, lifted, squares, squaredParts, length, index, cells);
}

/** Adds the chunk's cell sums from the lifted products (then counts) and the squares. */
function accumulateCells(
  spec: ComputationSpec,
  plan: GroupByPlan,
  lifted: WideVector,
  squares: WideVector | undefined,
  squaredParts: readonly number[],
  length: number,
  productParts: number,
  cells: CellAccumulators,
): void {
  let part = 0;
  let countPart = 0;
  plan.groups.forEach((g, i) => {
    if (g.sums.length === 0) return;
    const countAt = 2 * productParts * length + 2 * countPart;
    g.sums.forEach((s, j) => {
      const low = encodedBounds(spec.fields[s.field]!).low;
      for (let c = 0; c < g.categories; c++, part++) {
        const n = lifted[countAt + 2 * c]! + (lifted[countAt + 2 * c + 1]! << 64n);
        const sum = sum128(lifted.subarray(2 * part * length, 2 * (part + 1) * length));
        cells.sums[i]![j]![c] = toWide(cells.sums[i]![j]![c]! + sum + n * low);
        const q = squaredParts.indexOf(part);
        if (q < 0 || !squares) continue;
        const sumSquares = sum128(squares.subarray(2 * q * length, 2 * (q + 1) * length));
        cells.sumSquares[i]![j]![c] = toWide(
          cells.sumSquares[i]![j]![c]! + sumSquares + 2n * low * sum + n * low * low,
        );
      }
    });
    countPart += g.categories;
  });
}
