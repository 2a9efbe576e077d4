import type { MaterialRequest, ChunkMaterial } from '../engine/material.ts';
import {
  lessThanZeroStep,
  multiplyStep,
  runRound,
  squareStep,
  type PartyContext,
  type RoundStep,
} from '../engine/ops.ts';
import {
  add,
  addConstant,
  concat,
  sub,
  sumAll,
  sumGroups,
  type RingVector,
} from '../../contract/sharing/ring.ts';
import type { Program } from './program.ts';

/**
 * The per-chunk program and, beside it, the exact dealer material it consumes (`chunkRequests`), so the
 * dealer generates precisely what the servers use. Per chunk: local sums; one round opening all squares and
 * all threshold comparisons; then a min/max tournament over the chunk plus the running extreme (2 rounds per
 * level: compare, then select).
 */
export interface Accumulators {
  sums: bigint[];
  sumSquares: bigint[];
  /** Per field, per threshold: shares of the number of rows with encoded x < t. */
  below: bigint[][];
  /** Running extreme per series (undefined before the first chunk). */
  extremes: RingVector | undefined;
}

export function emptyAccumulators(program: Program): Accumulators {
  return {
    sums: program.fields.map(() => 0n),
    sumSquares: program.fields.map(() => 0n),
    below: program.fields.map((field) => field.thresholds.map(() => 0n)),
    extremes: undefined,
  };
}

export function chunkRequests(program: Program, rows: number, hasCarry: boolean): MaterialRequest[] {
  const requests: MaterialRequest[] = [];
  const squared = program.fields.filter((field) => field.sumSquares).length;
  if (squared > 0) requests.push({ kind: 'square', count: rows * squared });
  for (const field of program.fields) {
    if (field.thresholds.length > 0) {
      requests.push({ kind: 'comparison', bits: field.thresholdBits, count: rows * field.thresholds.length });
    }
  }
  for (const pairs of tournamentLevels(program, rows, hasCarry)) {
    requests.push({ kind: 'comparison', bits: program.extremeBits, count: pairs });
    requests.push({ kind: 'triple', count: pairs });
  }
  return requests;
}

/** Comparisons (= selections) per tournament level, over all series. */
function tournamentLevels(program: Program, rows: number, hasCarry: boolean): number[] {
  const levels: number[] = [];
  if (program.series.length === 0) return levels;
  for (let m = rows + (hasCarry ? 1 : 0); m > 1; m -= Math.floor(m / 2)) {
    levels.push(Math.floor(m / 2) * program.series.length);
  }
  return levels;
}

const wrap = (value: bigint): bigint => BigInt.asUintN(64, value);

export async function runChunk(
  context: PartyContext,
  program: Program,
  columns: readonly RingVector[],
  material: ChunkMaterial,
  accumulators: Accumulators,
): Promise<void> {
  const rows = columns[0]?.length ?? 0;
  columns.forEach((column, f) => (accumulators.sums[f] = wrap(accumulators.sums[f]! + sumAll(column))));

  const squaredFields = program.fields.filter((field) => field.sumSquares);
  const comparedFields = program.fields.filter((field) => field.thresholds.length > 0);
  const steps: RoundStep<RingVector>[] = [];
  if (squaredFields.length > 0) {
    const x = concat(squaredFields.map((field) => columns[field.index]!));
    steps.push(squareStep(context, x, material.squares(x.length)));
  }
  for (const field of comparedFields) {
    const column = columns[field.index]!;
    // z = x - t for every threshold; only A subtracts the public t.
    const z = concat(field.thresholds.map((t) => (context.party === 'A' ? addConstant(column, -t) : column)));
    steps.push(lessThanZeroStep(context, z, material.comparisons(field.thresholdBits, z.length)));
  }
  if (steps.length > 0) {
    const results = await runRound(context, steps);
    let next = 0;
    if (squaredFields.length > 0) {
      const squares = results[next++]!;
      squaredFields.forEach((field, i) => {
        const part = squares.subarray(i * rows, (i + 1) * rows);
        accumulators.sumSquares[field.index] = wrap(accumulators.sumSquares[field.index]! + sumAll(part));
      });
    }
    for (const field of comparedFields) {
      const counts = sumGroups(results[next++]!, field.thresholds.length, rows);
      const below = accumulators.below[field.index]!;
      counts.forEach((count, i) => (below[i] = wrap(below[i]! + count)));
    }
  }
  if (program.series.length > 0)
    accumulators.extremes = await tournament(context, program, columns, material, accumulators.extremes);
}

/** Reduces each series (chunk column plus running extreme) to one value, level by level. */
async function tournament(
  context: PartyContext,
  program: Program,
  columns: readonly RingVector[],
  material: ChunkMaterial,
  carry: RingVector | undefined,
): Promise<RingVector> {
  let values = program.series.map((series, s) => {
    const column = columns[series.field]!;
    return carry ? concat([column, carry.subarray(s, s + 1)]) : column;
  });
  while (values[0]!.length > 1) {
    const m = values[0]!.length;
    const pairs = Math.floor(m / 2);
    const left = concat(values.map((v) => v.subarray(0, pairs)));
    const right = concat(values.map((v) => v.subarray(pairs, 2 * pairs)));
    const difference = sub(left, right);
    const comparisons = material.comparisons(program.extremeBits, difference.length);
    const [leftIsSmaller] = await runRound(context, [lessThanZeroStep(context, difference, comparisons)]);
    const triples = material.triples(difference.length);
    const [shift] = await runRound(context, [multiplyStep(context, leftIsSmaller, difference, triples)]);
    const smaller = add(right, shift);
    const larger = sub(left, shift);
    values = program.series.map((series, s) => {
      const picked = (series.direction === 'min' ? smaller : larger).subarray(s * pairs, (s + 1) * pairs);
      return concat([picked, values[s]!.subarray(2 * pairs, m)]);
    });
  }
  return concat(values);
}
