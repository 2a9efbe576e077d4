import { WHOLE_RING_BITS, type MaterialRequest, type ChunkMaterial } from '../engine/material.ts';
import {
  belowPublicStep,
  lessThanZeroStep,
  multiplyStep,
  runRound,
  type PartyContext,
  type RoundStep,
} from '../engine/ops.ts';
import { sum128, toWide, type WideVector } from '../engine/ring128.ts';
import { liftStep, wideSquareStep } from '../engine/wide-ops.ts';
import {
  add,
  addConstant,
  concat,
  ringVector,
  scale,
  sub,
  sumAll,
  sumGroups,
  type RingVector,
} from '../../contract/sharing/ring.ts';
import type { FieldProgram, Program } from './program.ts';

/**
 * The per-chunk program and, beside it, the exact dealer material it consumes (`chunkRequests`), so the
 * dealer generates precisely what the servers use. Per chunk: the validity check (below); one round lifting
 * the summed fields' values into Z_2^128 beside all threshold comparisons; one round of 128-bit squares; then
 * a min/max tournament over the chunk plus the running extreme (2 rounds per level: compare, then select).
 *
 * Sums: each summed value is lifted as y = x' - low, which is 0 for an invalid row and below 2^63 for any
 * row, and the chunk's count of invalid rows D is lifted with them. The valid rows' sums follow locally in
 * Z_2^128 with n = rows - D: sum x = sum y + n low, sum x^2 = sum y^2 + 2 low sum y + n low^2.
 *
 * Validity: each value x of field f is checked by one whole-ring comparison [x - low < high - low + 1]
 * (exact for any 64-bit word); a row's bit v is the product of its fields' bits (a multiplication tree);
 * then every value is replaced by x' = low + v (x - low), one multiplication. So every later comparison,
 * at however few bits, sees an in-range value, and an invalid row contributes exactly `low` to every field.
 * Its contributions are taken out linearly at the output (D = number of invalid rows: counts below
 * t - D [low < t], count - D; sums as above); a min series sees x' + (1 - v)(high - low),
 * i.e. `high` for an invalid row, a max series `low`, neither of which can win against a valid row.
 */
export interface Accumulators {
  /** Per field: shares in Z_2^128 of the valid rows' sum and sum of squares. */
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
  if (program.validity) {
    const fieldCount = program.fields.length;
    requests.push({ kind: 'comparison', bits: WHOLE_RING_BITS, count: rows * fieldCount });
    for (const pairs of productLevels(fieldCount)) requests.push({ kind: 'triple', count: rows * pairs });
    requests.push({ kind: 'triple', count: rows * fieldCount });
  }
  const summed = program.fields.filter((field) => field.sums).length;
  if (summed > 0) requests.push({ kind: 'lift', count: rows * summed + (program.validity ? 1 : 0) });
  for (const field of program.fields) {
    if (field.thresholds.length > 0) {
      requests.push({ kind: 'comparison', bits: field.thresholdBits, count: rows * field.thresholds.length });
    }
  }
  const squared = program.fields.filter((field) => field.sumSquares).length;
  if (squared > 0) requests.push({ kind: 'wideSquare', count: rows * squared });
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

/** Multiplications per row at each level of the tree that multiplies a row's field bits. */
function productLevels(fieldCount: number): number[] {
  const levels: number[] = [];
  for (let m = fieldCount; m > 1; m -= Math.floor(m / 2)) levels.push(Math.floor(m / 2));
  return levels;
}

const wrap = (value: bigint): bigint => BigInt.asUintN(64, value);

/** The chunk's columns after the validity check, and each row's validity bit (shares of 0/1). */
export interface CheckedColumns {
  columns: RingVector[];
  /** Columns min series compare: `high` in place of an invalid row's value. */
  minColumns: RingVector[];
  valid: RingVector;
}

/** Range check of every value, AND per row, and the select that makes every value in range. */
export async function checkValidity(
  context: PartyContext,
  program: Program,
  columns: readonly RingVector[],
  material: ChunkMaterial,
): Promise<CheckedColumns> {
  const rows = columns[0]?.length ?? 0;
  const fields = program.fields;
  const isA = context.party === 'A';
  // u = x - low (A subtracts the public low), compared with the public width high - low + 1.
  const u = concat(
    fields.map((field) => (isA ? addConstant(columns[field.index]!, -field.low) : columns[field.index]!)),
  );
  const width = ringVector(u.length);
  fields.forEach((field, f) => width.fill(field.high - field.low + 1n, f * rows, (f + 1) * rows));
  const comparisons = material.comparisons(WHOLE_RING_BITS, u.length);
  const [inRange] = await runRound(context, [belowPublicStep(context, u, width, comparisons)]);
  let bits = Array.from({ length: fields.length }, (_, f) => inRange.subarray(f * rows, (f + 1) * rows));
  while (bits.length > 1) {
    const pairs = Math.floor(bits.length / 2);
    const left = concat(bits.slice(0, pairs));
    const right = concat(bits.slice(pairs, 2 * pairs));
    const [products] = await runRound(context, [
      multiplyStep(context, left, right, material.triples(left.length)),
    ]);
    bits = [
      ...Array.from({ length: pairs }, (_, p) => products.subarray(p * rows, (p + 1) * rows)),
      ...bits.slice(2 * pairs),
    ];
  }
  const valid = bits[0] ?? ringVector(rows);
  const spread = concat(fields.map(() => valid));
  const [selected] = await runRound(context, [multiplyStep(context, spread, u, material.triples(u.length))]);
  // x' = low + v (x - low); for min series x' + (1 - v)(high - low).
  const checked = fields.map((field, f) => {
    const part = selected.subarray(f * rows, (f + 1) * rows);
    return isA ? addConstant(part, field.low) : part.slice();
  });
  const invalid = isA ? addConstant(scale(valid, -1n), 1n) : scale(valid, -1n);
  const minColumns = fields.map((field, f) => add(checked[f]!, scale(invalid, field.high - field.low)));
  return { columns: checked, minColumns, valid };
}

/** Runs one chunk; returns each row's validity bit (shares), or undefined without the validity check. */
export async function runChunk(
  context: PartyContext,
  program: Program,
  inputColumns: readonly RingVector[],
  material: ChunkMaterial,
  accumulators: Accumulators,
): Promise<RingVector | undefined> {
  const checked = program.validity
    ? await checkValidity(context, program, inputColumns, material)
    : undefined;
  const columns = checked?.columns ?? inputColumns;
  const rows = columns[0]?.length ?? 0;
  const isA = context.party === 'A';

  const summedFields = program.fields.filter((field) => field.sums);
  const comparedFields = program.fields.filter((field) => field.thresholds.length > 0);
  const steps: RoundStep<RingVector>[] = [];
  if (summedFields.length > 0) {
    const shifted = summedFields.map((field) =>
      isA ? addConstant(columns[field.index]!, -field.low) : columns[field.index]!,
    );
    // The chunk's invalid rows D = rows - sum v (A adds the public rows).
    const invalid = checked
      ? [BigUint64Array.of(wrap((isA ? BigInt(rows) : 0n) - sumAll(checked.valid)))]
      : [];
    const y = concat([...shifted, ...invalid]);
    steps.push(liftStep(context, y, material.lifts(y.length)));
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
    if (summedFields.length > 0)
      await accumulateSums(context, program, rows, summedFields, results[next++]!, material, accumulators);
    for (const field of comparedFields) {
      const counts = sumGroups(results[next++]!, field.thresholds.length, rows);
      const below = accumulators.below[field.index]!;
      counts.forEach((count, i) => (below[i] = wrap(below[i]! + count)));
    }
  }
  if (program.series.length > 0)
    accumulators.extremes = await tournament(
      context,
      program,
      columns,
      checked?.minColumns ?? columns,
      material,
      accumulators.extremes,
    );
  return checked?.valid;
}

/**
 * Adds the valid rows' sums and sums of squares of the chunk from the lifted y = x' - low of every summed
 * field, followed by the lifted count of invalid rows when rows are checked.
 */
async function accumulateSums(
  context: PartyContext,
  program: Program,
  rows: number,
  summedFields: readonly FieldProgram[],
  lifted: WideVector,
  material: ChunkMaterial,
  accumulators: Accumulators,
): Promise<void> {
  const isA = context.party === 'A';
  const part = (i: number): WideVector => lifted.subarray(2 * i * rows, 2 * (i + 1) * rows);
  const invalid = program.validity
    ? lifted[2 * summedFields.length * rows]! + (lifted[2 * summedFields.length * rows + 1]! << 64n)
    : 0n;
  // Shares of the chunk's valid rows n, in Z_2^128.
  const valid = toWide((isA ? BigInt(rows) : 0n) - invalid);
  const squaredIndex = summedFields.flatMap((field, i) => (field.sumSquares ? [i] : []));
  let squares: WideVector | undefined;
  if (squaredIndex.length > 0) {
    const x = concat(squaredIndex.map(part));
    [squares] = await runRound(context, [wideSquareStep(context, x, material.wideSquares(x.length / 2))]);
  }
  summedFields.forEach((field, i) => {
    const sum = sum128(part(i));
    const f = field.index;
    accumulators.sums[f] = toWide(accumulators.sums[f]! + sum + valid * field.low);
    const s = squaredIndex.indexOf(i);
    if (s < 0 || squares === undefined) return;
    const sumSquares = sum128(squares.subarray(2 * s * rows, 2 * (s + 1) * rows));
    accumulators.sumSquares[f] = toWide(
      accumulators.sumSquares[f]! + sumSquares + 2n * field.low * sum + valid * field.low * field.low,
    );
  });
}

/** Reduces each series (chunk column plus running extreme) to one value, level by level. */
async function tournament(
  context: PartyContext,
  program: Program,
  columns: readonly RingVector[],
  minColumns: readonly RingVector[],
  material: ChunkMaterial,
  carry: RingVector | undefined,
): Promise<RingVector> {
  let values = program.series.map((series, s) => {
    const column = (series.direction === 'min' ? minColumns : columns)[series.field]!;
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
