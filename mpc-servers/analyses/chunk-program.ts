import type { MaterialRequest, ChunkMaterial } from '../engine/material.ts';
import { maskedRangeCheckBitRequests, maskedRangeCheckOpened } from '../engine/boolean/range-check.ts';
import { bitToArithmeticOpenedStep } from '../engine/boolean/bit-to-arithmetic.ts';
import { validTimesOffset } from '../engine/boolean/valid-offsets.ts';
import { signBitRequests, signFromOpened, signOpenStep } from '../engine/boolean/sign-bit.ts';
import type { EdaBitShares } from '../engine/boolean/boolean-shares.ts';
import { countBelow, countBelowOpenStep, countBelowRequests } from '../engine/boolean/count-below.ts';
import { lessThanManyStep } from '../engine/many-thresholds.ts';
import { liftFromStep } from '../engine/narrow-lift.ts';
import { multiplyStep, runRound, squareStep, type PartyContext, type RoundStep } from '../engine/ops.ts';
import { sum128, toWide, wideAt, type WideVector } from '../engine/ring128.ts';
import { liftStep, wideSquareStep } from '../engine/wide-ops.ts';
import {
  add,
  addConstant,
  concat,
  ringVector,
  scale,
  sub,
  sumAll,
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
 * Z_2^128 with n = rows - D: sum x = sum y + n low, sum x^2 = sum y^2 + 2 low sum y + n low^2. Where the
 * chunk's sums cannot reach 2^63 (`sumsInRing`), y is added and squared in Z_2^64 instead and only the
 * chunk's totals are lifted.
 *
 * Validity: each value x of field f is checked exactly for any 64-bit word, x - low <= high - low
 * unsigned, with an edaBit and a boolean circuit (`rangeCheckBits`); a row's bit v is the AND of its fields'
 * bits, XOR-shared; in one round it is converted to an additive share and every value is replaced by
 * x' = low + v (x - low), local from the check's openings and the lift's (`validTimesOffset`). So every
 * later comparison, at however few bits, sees an in-range value, and an invalid row contributes exactly
 * `low` to every field.
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

/**
 * The running extreme between chunks that run at the same time: `previous` resolves to the extreme per
 * series of the chunks before (shares exact mod 2^m of the tournament, `extremeOutputBits`) and is awaited
 * only at the tournament level that first pairs it; `reached` receives this chunk's as soon as its
 * tournament ends, before the lift, so the chain between chunks is the last tournament level alone.
 */
export interface ExtremeCarry {
  previous: Promise<RingVector> | undefined;
  reached(extremes: RingVector): void;
}

/** What a chunk's material depends on: the program before its chunking is chosen. */
export type ChunkShape = Pick<Program, 'validity' | 'fields' | 'series' | 'extremeBits'>;

export function emptyAccumulators(program: Program): Accumulators {
  return {
    sums: program.fields.map(() => 0n),
    sumSquares: program.fields.map(() => 0n),
    below: program.fields.map((field) => field.thresholds.map(() => 0n)),
    extremes: undefined,
  };
}

export function chunkRequests(program: ChunkShape, rows: number, hasCarry: boolean): MaterialRequest[] {
  const requests: MaterialRequest[] = [];
  if (program.validity) {
    const fieldCount = program.fields.length;
    // The edaBits, lift and products of `checkValidity` first, then the range check's AND triples.
    requests.push({ kind: 'edaLift', count: rows, fields: fieldCount });
    requests.push(...maskedRangeCheckBitRequests(spansOf(program), rows));
  }
  const summed = program.fields.filter((field) => field.sums).length;
  const squared = program.fields.filter((field) => field.sumSquares).length;
  const inRing = sumsInRing(program, rows);
  if (summed > 0 && inRing) {
    requests.push({ kind: 'lift', count: summed + 1 });
    if (squared > 0) requests.push({ kind: 'square', count: rows * squared });
  } else if (summed > 0) requests.push({ kind: 'lift', count: rows * summed + (program.validity ? 1 : 0) });
  const thresholds = program.validity
    ? 0
    : program.fields.reduce((t, field) => t + field.thresholds.length, 0);
  const inner = program.validity ? innerThresholdFields(program) : [];
  const innerCount = inner.reduce((total, field) => total + field.widths.length, 0);
  const innerBits = countBits(inner);
  for (const _ of inner) requests.push({ kind: 'edaBit', count: rows, bits: innerBits });
  if (thresholds > 0) {
    // One key per value for all of its field's thresholds.
    for (const field of program.fields)
      if (field.thresholds.length > 0)
        requests.push({
          kind: 'comparison',
          bits: field.thresholdBits,
          count: rows,
          outputBits: THRESHOLD_OUTPUT_BITS,
        });
  }
  if (squared > 0)
    requests.push(inRing ? { kind: 'lift', count: squared } : { kind: 'wideSquare', count: rows * squared });
  if (thresholds > 0) requests.push({ kind: 'lift', count: thresholds });
  if (innerCount > 0) {
    requests.push(
      ...countBelowRequests(
        innerBits,
        rows,
        inner.map((field) => field.widths.length),
      ),
    );
    requests.push({ kind: 'lift', count: innerCount });
  }
  requests.push(...chunkExtremeRequests(program, rows, hasCarry));
  return requests;
}

/** The material of a tournament over `values` values per series: a comparison and a triple per pair. */
export function tournamentRequests(program: Program, values: number): MaterialRequest[] {
  return reduceRequests(
    program,
    program.series.map(() => values),
  );
}

/**
 * A chunk's extremes: the split of the paired fields (`splitPairs`), the reduction of every series, and
 * with narrow outputs (`extremeOutputBits`) the lift of each series' extreme into Z_2^64.
 */
function chunkExtremeRequests(program: ChunkShape, rows: number, hasCarry: boolean): MaterialRequest[] {
  if (program.series.length === 0) return [];
  const outputBits = extremeOutputBits(program);
  const paired = pairedFields(program);
  const pairs = Math.floor(rows / 2) * paired.length;
  const requests: MaterialRequest[] = [];
  if (pairs > 0) {
    requests.push(shiftMasks(program, pairs, outputBits));
    if (program.validity) requests.push({ kind: 'triple', count: 3 * pairs });
    requests.push(...signBitRequests(program.extremeBits, pairs));
  }
  const split = new Set(paired);
  const lengths = program.series.map(
    (series) => (split.has(series.field) ? rows - Math.floor(rows / 2) : rows) + (hasCarry ? 1 : 0),
  );
  requests.push(...reduceRequests(program, lengths, outputBits));
  if (outputBits < 64) requests.push({ kind: 'lift', count: program.series.length });
  return requests;
}

/**
 * The bits a chunk's tournament computes in: the extreme comparison's bits rounded up to whole bytes, or 64.
 * Values and differences of in-range values are exact mod 2^m for m >= `extremeBits`, and so is every
 * comparison, select and correction of the tournament (all ring operations, which commute with reduction
 * mod 2^m), so its keys store 1-byte-per-8-bits value corrections and it opens m/8 bytes per masked word.
 * The chunk's extreme e then has e - low <= high - low < 2^(extremeBits - 1) <= 2^(m - 1), which
 * `liftFromStep` lifts into Z_2^64 exactly.
 */
function extremeOutputBits(program: ChunkShape): number {
  const m = 8 * Math.ceil(program.extremeBits / 8);
  return m < 64 ? m : 64;
}

/**
 * Per level a comparison (`compareAndShift`) for every pair of every series, series of any lengths, its
 * select exact mod 2^outputBits.
 */
function reduceRequests(program: ChunkShape, lengths: readonly number[], outputBits = 64): MaterialRequest[] {
  const requests: MaterialRequest[] = [];
  const m = [...lengths];
  while (m.some((length) => length > 1)) {
    const pairs = m.reduce((total, length) => total + Math.floor(length / 2), 0);
    requests.push(shiftMasks(program, pairs, outputBits), ...signBitRequests(program.extremeBits, pairs));
    m.forEach((length, s) => (m[s] = length - Math.floor(length / 2)));
  }
  return requests;
}

/** `compareAndShift`'s masks for `pairs` pairs: the sign's edaBit, with the lift that makes the shift. */
function shiftMasks(program: ChunkShape, pairs: number, outputBits: number): MaterialRequest {
  return { kind: 'edaLift', count: pairs, fields: 1, bits: program.extremeBits, outputBits };
}

/** Fields with both a min and a max series, in field order. */
function pairedFields(program: ChunkShape): number[] {
  const directions = (field: number): Set<string> =>
    new Set(program.series.filter((s) => s.field === field).map((s) => s.direction));
  return program.fields.map((field) => field.index).filter((f) => directions(f).size === 2);
}

/**
 * Bits of the threshold comparisons' outputs: each chunk's count of rows
 * below a threshold, at most 2^16 rows (`MAX_CHUNK_ROWS`), is summed mod 2^24 and lifted into Z_2^64 once per
 * chunk (`liftFromStep` needs the count below 2^23).
 */
const THRESHOLD_OUTPUT_BITS = 24;

/**
 * With the validity check, the fields with thresholds in (low, high] and their widths w = t - low: the
 * others' counts are public functions of the rows (0 for t <= low, every row for t > high, an invalid row
 * holding `low`), so they need no comparison.
 */
function innerThresholdFields(program: ChunkShape): { field: FieldProgram; widths: bigint[] }[] {
  return program.fields
    .map((field) => ({
      field,
      widths: field.thresholds.filter((t) => field.low < t && t <= field.high).map((t) => t - field.low),
    }))
    .filter((entry) => entry.widths.length > 0);
}

/** Bits of the boolean threshold comparisons: enough for every offset x' - low of the fields. */
function countBits(inner: readonly { field: FieldProgram }[]): number {
  return Math.max(1, ...inner.map(({ field }) => (field.high - field.low).toString(2).length));
}

const wrap = (value: bigint): bigint => BigInt.asUintN(64, value);

/** Each field's span high - low, the bound its offsets x - low are checked against. */
const spansOf = (program: ChunkShape): bigint[] => program.fields.map((field) => field.high - field.low);

/**
 * Whether a chunk of `rows` rows adds its summed values in Z_2^64 and lifts only its totals: with the
 * validity check every y = x' - low lies in [0, span], so the chunk's sum of a field stays below 2^63 when
 * span * rows does, and its sum of squares when span^2 * rows does. Else every y is lifted into Z_2^128
 * and squared there.
 */
function sumsInRing(program: ChunkShape, rows: number): boolean {
  const limit = 1n << 63n;
  return (
    program.validity &&
    program.fields.every((field) => {
      const bound = (field.high - field.low) * BigInt(rows);
      return (
        !field.sums || (bound < limit && (!field.sumSquares || bound * (field.high - field.low) < limit))
      );
    })
  );
}

/** The chunk's columns after the validity check, and each row's validity bit (shares of 0/1). */
export interface CheckedColumns {
  columns: RingVector[];
  /** Columns min series compare: `high` in place of an invalid row's value. */
  minColumns: RingVector[];
  valid: RingVector;
}

/**
 * Range check of every value (`maskedRangeCheckOpened`: edaBits and a boolean circuit, the row's bit v the
 * AND of its fields'), then in one round v's additive share, from which every value in range,
 * x' = low + v (x - low), is local (`validTimesOffset`).
 */
export async function checkValidity(
  context: PartyContext,
  program: Program,
  columns: readonly RingVector[],
  material: ChunkMaterial,
): Promise<CheckedColumns> {
  const rows = columns[0]?.length ?? 0;
  const fields = program.fields;
  const isA = context.party === 'A';
  // u = x - low (A subtracts the public low), valid iff u <= high - low as an unsigned word.
  const us = fields.map((field) =>
    isA ? addConstant(columns[field.index]!, -field.low) : columns[field.index]!,
  );
  const masks = material.edaLifts(rows, fields.length);
  const checkedBits = await maskedRangeCheckOpened(context, us, spansOf(program), masks.edaBits, material);
  const [{ arithmetic: valid, opened: flipped }] = await runRound(context, [
    bitToArithmeticOpenedStep(context, checkedBits.bits, rows, masks.lift),
  ]);
  const checked = fields.map((field, f) => {
    const { arithmetic } = masks.edaBits[f]!;
    const part = validTimesOffset(valid, flipped, checkedBits.opened[f]!, arithmetic, masks.maskProducts[f]!);
    return isA ? addConstant(part, field.low) : part;
  });
  // For min series x' + (1 - v)(high - low).
  const invalid = isA ? addConstant(scale(valid, -1n), 1n) : scale(valid, -1n);
  const minColumns = fields.map((field, f) => add(checked[f]!, scale(invalid, field.high - field.low)));
  return { columns: checked, minColumns, valid };
}

/**
 * Runs one chunk; returns each row's validity bit (shares), or undefined without the validity check. The
 * running extreme comes from `carry` when given, else from `accumulators.extremes` (chunks one by one).
 */
export async function runChunk(
  context: PartyContext,
  program: Program,
  inputColumns: readonly RingVector[],
  material: ChunkMaterial,
  accumulators: Accumulators,
  carry?: ExtremeCarry,
): Promise<RingVector | undefined> {
  const checked = program.validity
    ? await checkValidity(context, program, inputColumns, material)
    : undefined;
  const columns = checked?.columns ?? inputColumns;
  const rows = columns[0]?.length ?? 0;
  const isA = context.party === 'A';

  const summedFields = program.fields.filter((field) => field.sums);
  const comparedFields = program.fields.filter((field) => field.thresholds.length > 0);
  const steps: RoundStep<unknown>[] = [];
  const inRing = sumsInRing(program, rows);
  if (summedFields.length > 0) {
    const shifted = summedFields.map((field) =>
      isA ? addConstant(columns[field.index]!, -field.low) : columns[field.index]!,
    );
    // The chunk's invalid rows D = rows - sum v (A adds the public rows).
    const invalid = checked
      ? [BigUint64Array.of(wrap((isA ? BigInt(rows) : 0n) - sumAll(checked.valid)))]
      : [];
    if (inRing) {
      const totals = BigUint64Array.from([...shifted, ...invalid].map(sumAll));
      steps.push(liftStep(context, totals, material.lifts(totals.length)));
      const squaredValues = summedFields.flatMap((field, i) => (field.sumSquares ? [shifted[i]!] : []));
      if (squaredValues.length > 0) {
        const x = concat(squaredValues);
        steps.push(squareStep(context, x, material.squares(x.length)));
      }
    } else {
      const y = concat([...shifted, ...invalid]);
      steps.push(liftStep(context, y, material.lifts(y.length)));
    }
  }
  // Without the validity check: one opening of x per row, evaluated at x - t for every threshold.
  const thresholdSteps = checked
    ? []
    : comparedFields.map((field) =>
        lessThanManyStep(
          context,
          columns[field.index]!,
          field.thresholds,
          material.comparisons(field.thresholdBits, rows, THRESHOLD_OUTPUT_BITS),
        ),
      );
  // With it, x' is in range (an invalid row holds `low`, counted below t iff low < t, as the accumulators
  // expect): boolean counts on x' - low (`countBelow`), opened in this round.
  const inner = checked ? innerThresholdFields(program) : [];
  const innerBits = countBits(inner);
  const innerEdaBits = inner.map(() => material.edaBits(rows, innerBits));
  const innerSteps = inner.map(({ field }, k) =>
    countBelowOpenStep(
      isA ? addConstant(columns[field.index]!, -field.low) : columns[field.index]!,
      innerEdaBits[k]!,
      innerBits,
    ),
  );
  if (comparedFields.length > 0 && rows >= 2 ** (THRESHOLD_OUTPUT_BITS - 1))
    throw new RangeError(`a chunk of ${rows} rows is too long for ${THRESHOLD_OUTPUT_BITS}-bit counts`);
  let innerOpened: RingVector[] = [];
  if (steps.length + thresholdSteps.length + innerSteps.length > 0) {
    const results = await runRound<unknown[]>(context, [...steps, ...thresholdSteps, ...innerSteps]);
    if (summedFields.length > 0)
      await accumulateSums(
        context,
        program,
        rows,
        summedFields,
        inRing,
        results.slice(0, steps.length) as [WideVector, RingVector?],
        material,
        accumulators,
      );
    if (thresholdSteps.length > 0) {
      // The chunk's counts, exact mod 2^24, lifted into Z_2^64.
      const narrow = BigUint64Array.from(
        comparedFields.flatMap((_, k) => (results[steps.length + k] as RingVector[]).map(sumAll)),
      );
      const [counts] = await runRound(context, [
        liftFromStep(context, narrow, THRESHOLD_OUTPUT_BITS, material.lifts(narrow.length)),
      ]);
      let next = 0;
      for (const field of comparedFields) {
        const below = accumulators.below[field.index]!;
        field.thresholds.forEach((_, i) => (below[i] = wrap(below[i]! + counts[next++]!)));
      }
    }
    innerOpened = results.slice(steps.length + thresholdSteps.length) as RingVector[];
  }
  if (checked)
    await accumulateInnerCounts(
      context,
      program,
      rows,
      inner,
      innerOpened,
      innerEdaBits,
      material,
      accumulators,
    );
  if (program.series.length > 0)
    accumulators.extremes = await chunkExtremes(
      context,
      program,
      columns,
      checked?.minColumns ?? columns,
      checked?.valid,
      material,
      carry ?? {
        previous: accumulators.extremes && Promise.resolve(accumulators.extremes),
        reached: () => undefined,
      },
    );
  return checked?.valid;
}

/**
 * Adds the valid rows' sums and sums of squares of the chunk: from the first round's results, the lifted y
 * = x' - low of every summed field followed by the lifted count of invalid rows when rows are checked, or
 * when `inRing` (`sumsInRing`) the lifted totals and y's squares in Z_2^64.
 */
async function accumulateSums(
  context: PartyContext,
  program: Program,
  rows: number,
  summedFields: readonly FieldProgram[],
  inRing: boolean,
  [lifted, ringSquares]: [WideVector, RingVector?],
  material: ChunkMaterial,
  accumulators: Accumulators,
): Promise<void> {
  const isA = context.party === 'A';
  const squaredIndex = summedFields.flatMap((field, i) => (field.sumSquares ? [i] : []));
  const totals = inRing
    ? await ringTotals(context, rows, summedFields.length, squaredIndex, lifted, ringSquares, material)
    : await wideTotals(context, program, rows, summedFields.length, squaredIndex, lifted, material);
  // Shares of the chunk's valid rows n, in Z_2^128.
  const valid = toWide((isA ? BigInt(rows) : 0n) - totals.invalid);
  summedFields.forEach((field, i) => {
    const sum = totals.sums[i]!;
    const f = field.index;
    accumulators.sums[f] = toWide(accumulators.sums[f]! + sum + valid * field.low);
    const s = squaredIndex.indexOf(i);
    if (s < 0) return;
    accumulators.sumSquares[f] = toWide(
      accumulators.sumSquares[f]! + totals.squares[s]! + 2n * field.low * sum + valid * field.low * field.low,
    );
  });
}

/** A chunk's shares in Z_2^128 of each summed field's sum of y, of the invalid rows, and of the sums of y^2. */
interface ChunkTotals {
  sums: bigint[];
  invalid: bigint;
  squares: bigint[];
}

/** From y lifted row by row: its sums, and its squares in Z_2^128 in one more round. */
async function wideTotals(
  context: PartyContext,
  program: Program,
  rows: number,
  summed: number,
  squaredIndex: readonly number[],
  lifted: WideVector,
  material: ChunkMaterial,
): Promise<ChunkTotals> {
  const part = (i: number): WideVector => lifted.subarray(2 * i * rows, 2 * (i + 1) * rows);
  let squares: bigint[] = [];
  if (squaredIndex.length > 0) {
    const x = concat(squaredIndex.map(part));
    const [wide] = await runRound(context, [wideSquareStep(context, x, material.wideSquares(x.length / 2))]);
    squares = squaredIndex.map((_, s) => sum128(wide.subarray(2 * s * rows, 2 * (s + 1) * rows)));
  }
  return {
    sums: Array.from({ length: summed }, (_, i) => sum128(part(i))),
    invalid: program.validity ? wideAt(lifted, summed * rows) : 0n,
    squares,
  };
}

/**
 * From the lifted totals (each field's sum of y, then the invalid rows) and y's squares in Z_2^64 (the
 * squared fields' side by side), whose sums are lifted in one more round.
 */
async function ringTotals(
  context: PartyContext,
  rows: number,
  summed: number,
  squaredIndex: readonly number[],
  lifted: WideVector,
  ringSquares: RingVector | undefined,
  material: ChunkMaterial,
): Promise<ChunkTotals> {
  let squares: bigint[] = [];
  if (ringSquares !== undefined) {
    const sums = BigUint64Array.from(
      squaredIndex.map((_, s) => sumAll(ringSquares.subarray(s * rows, (s + 1) * rows))),
    );
    const [wide] = await runRound(context, [liftStep(context, sums, material.lifts(sums.length))]);
    squares = squaredIndex.map((_, s) => wideAt(wide, s));
  }
  return {
    sums: Array.from({ length: summed }, (_, i) => wideAt(lifted, i)),
    invalid: wideAt(lifted, summed),
    squares,
  };
}

/**
 * Reduces each series (chunk column plus running extreme) to one value, level by level. A min series reads
 * `minColumns`, a max series `columns`, at its field's index.
 */
export async function tournament(
  context: PartyContext,
  program: Program,
  columns: readonly RingVector[],
  minColumns: readonly RingVector[],
  material: ChunkMaterial,
  carry: RingVector | undefined,
): Promise<RingVector> {
  const values = program.series.map((series, s) => {
    const column = (series.direction === 'min' ? minColumns : columns)[series.field]!;
    return carry ? concat([column, carry.subarray(s, s + 1)]) : column;
  });
  return reduceSeries(context, program, values, material);
}

/**
 * A chunk's extremes with min and max of the same field found together: the chunk's rows are paired once
 * (`splitPairs`), the smaller of each pair goes on to the min series, the larger to the max series, so a
 * field with both costs about 3n/2 comparisons instead of 2n. Then every series (with the running extreme)
 * is reduced as in `tournament`.
 */
async function chunkExtremes(
  context: PartyContext,
  program: Program,
  columns: readonly RingVector[],
  minColumns: readonly RingVector[],
  valid: RingVector | undefined,
  material: ChunkMaterial,
  carry: ExtremeCarry,
): Promise<RingVector> {
  const rows = columns[0]?.length ?? 0;
  const pairs = Math.floor(rows / 2);
  const outputBits = extremeOutputBits(program);
  const paired = pairs > 0 ? pairedFields(program) : [];
  const split =
    paired.length > 0 ? await splitPairs(context, program, paired, columns, valid, material, outputBits) : [];
  const values = program.series.map((series) => {
    const k = paired.indexOf(series.field);
    const column = (series.direction === 'min' ? minColumns : columns)[series.field]!;
    return k < 0
      ? column
      : concat([series.direction === 'min' ? split[k]!.min : split[k]!.max, column.subarray(2 * pairs)]);
  });
  const extremes = await reduceSeries(context, program, values, material, outputBits, carry.previous);
  carry.reached(extremes);
  if (outputBits === 64) return extremes;
  // e - low (A subtracts the public low), lifted, + low.
  const isA = context.party === 'A';
  const lows = program.series.map((series) => program.fields[series.field]!.low);
  const shifted = isA ? extremes.map((e, s) => wrap(e - lows[s]!)) : extremes;
  const [lifted] = await runRound(context, [
    liftFromStep(context, shifted, outputBits, material.lifts(extremes.length)),
  ]);
  return isA ? lifted.map((e, s) => wrap(e + lows[s]!)) : lifted;
}

/**
 * The combined first level for each paired field: rows i and i + n/2 compared once on x' (where an invalid
 * row holds `low`), c = [left < right]; larger = left - c (left - right) is the pair's max (an invalid row's
 * `low` cannot win it). The pair's min must skip an invalid row, which x' cannot do (its `low` would win),
 * so with the validity check, for validity bits vl, vr:
 * min = smaller + (1 - vr)(left - low) + (1 - vl)(right - low) + (1 - vl)(1 - vr)(high - low).
 * Both valid: smaller. One invalid (its x' = low, so smaller = low): low + (the valid one - low). Both
 * invalid: high, which cannot win a min. The three products vr (left - low), vl (right - low), vl vr do not
 * depend on c and share its round. Two rounds; per pair one comparison and one triple, plus three triples
 * with the validity check.
 */
async function splitPairs(
  context: PartyContext,
  program: Program,
  paired: readonly number[],
  columns: readonly RingVector[],
  valid: RingVector | undefined,
  material: ChunkMaterial,
  outputBits: number,
): Promise<{ min: RingVector; max: RingVector }[]> {
  const openedBytes = outputBits / 8;
  const isA = context.party === 'A';
  const rows = columns[0]!.length;
  const pairs = Math.floor(rows / 2);
  const left = concat(paired.map((f) => columns[f]!.subarray(0, pairs)));
  const right = concat(paired.map((f) => columns[f]!.subarray(pairs, 2 * pairs)));
  const difference = sub(left, right);
  const n = difference.length;
  let products: RingVector | undefined;
  // Offsets from low (A subtracts the public low), per paired field's segment.
  const offset = (values: RingVector): RingVector => {
    const out = values.slice();
    if (isA)
      paired.forEach((f, k) =>
        out.set(addConstant(out.subarray(k * pairs, (k + 1) * pairs), -program.fields[f]!.low), k * pairs),
      );
    return out;
  };
  const vl = valid ? concat(paired.map(() => valid.subarray(0, pairs))) : undefined;
  const vr = valid ? concat(paired.map(() => valid.subarray(pairs, 2 * pairs))) : undefined;
  const shift = await compareAndShift(context, program, difference, material, openedBytes, (open) => {
    if (!vl || !vr) return runRound(context, [open]).then(([opened]) => opened);
    const x = concat([vr, vl, vl]);
    const y = concat([offset(left), offset(right), vr]);
    return runRound(context, [
      open,
      { ...multiplyStep(context, x, y, material.triples(3 * n)), openedBytes },
    ]).then(([opened, made]) => {
      products = made;
      return opened;
    });
  });
  const smaller = add(right, shift);
  const larger = sub(left, shift);
  let min = smaller;
  if (vl && vr && products) {
    const [leftPart, rightPart, both] = [0, 1, 2].map((j) => products!.subarray(j * n, (j + 1) * n));
    // (1 - vl)(1 - vr) = 1 - vl - vr + vl vr (A adds the public 1).
    const neither = sub(sub(both!, vl), vr);
    min = add(add(smaller, sub(offset(left), leftPart!)), sub(offset(right), rightPart!));
    paired.forEach((f, k) => {
      const field = program.fields[f]!;
      const segment = neither.subarray(k * pairs, (k + 1) * pairs);
      const none = isA ? addConstant(segment, 1n) : segment;
      const target = min.subarray(k * pairs, (k + 1) * pairs);
      target.set(add(target, scale(none, field.high - field.low)));
    });
  }
  return paired.map((_, k) => ({
    min: min.subarray(k * pairs, (k + 1) * pairs),
    max: larger.subarray(k * pairs, (k + 1) * pairs),
  }));
}

/**
 * Reduces series of any lengths to one value each: per level one comparison round and one select round.
 * A `carry` (one value per series) is the last value of every series; it stays last, unpaired while its
 * series' length is odd, so it is awaited only at the first level that pairs it.
 */
async function reduceSeries(
  context: PartyContext,
  program: Program,
  initial: readonly RingVector[],
  material: ChunkMaterial,
  outputBits = 64,
  carry?: Promise<RingVector>,
): Promise<RingVector> {
  // With outputs exact mod 2^outputBits only, so is everything here (`extremeOutputBits`).
  const openedBytes = outputBits / 8;
  let values = [...initial];
  let pending = carry;
  const carried = (): number => (pending ? 1 : 0);
  while (values.some((v) => v.length + carried() > 1)) {
    if (pending && values.some((v) => v.length % 2 === 1)) {
      const last = await pending;
      values = values.map((v, s) => concat([v, last.subarray(s, s + 1)]));
      pending = undefined;
    }
    const pairs = values.map((v) => Math.floor((v.length + carried()) / 2));
    const total = pairs.reduce((sum, p) => sum + p, 0);
    const left = ringVector(total);
    const right = ringVector(total);
    let at = 0;
    values.forEach((v, s) => {
      left.set(v.subarray(0, pairs[s]), at);
      right.set(v.subarray(pairs[s], 2 * pairs[s]!), at);
      at += pairs[s]!;
    });
    const shift = await compareAndShift(context, program, sub(left, right), material, openedBytes);
    let start = 0;
    values = program.series.map((series, s) => {
      // min = right + shift, max = left - shift; the unpaired tail follows.
      const p = pairs[s]!;
      const v = values[s]!;
      const next = ringVector(v.length - p);
      if (series.direction === 'min')
        for (let i = 0; i < p; i++) next[i] = right[start + i]! + shift[start + i]!;
      else for (let i = 0; i < p; i++) next[i] = left[start + i]! - shift[start + i]!;
      next.set(v.subarray(2 * p), p);
      start += p;
      return next;
    });
  }
  return concat(values);
}

/**
 * shift = [left < right] (left - right) for `difference` = left - right (exact mod 2^(8 openedBytes), of
 * `extremeBits` signed bits): the sign by an edaBit and a boolean circuit (`signOpenStep`,
 * `signFromOpened`), then one round converting the sign bit, after which the shift is local from the
 * opened difference plus mask (`validTimesOffset`), so min = right + shift and max = left - shift.
 * `firstRound` runs the opening round, with whatever else shares it.
 */
async function compareAndShift(
  context: PartyContext,
  program: ChunkShape,
  difference: RingVector,
  material: ChunkMaterial,
  openedBytes: number,
  firstRound: (open: RoundStep<RingVector>) => Promise<RingVector> = (open) =>
    runRound(context, [open]).then(([opened]) => opened),
): Promise<RingVector> {
  const bits = program.extremeBits;
  const masks = material.edaLifts(difference.length, 1, bits, 8 * openedBytes);
  const edaBits = masks.edaBits[0]!;
  const opened = await firstRound(signOpenStep(difference, edaBits, bits, openedBytes));
  const leftIsSmaller = await signFromOpened(context, opened, edaBits, bits, (words) =>
    material.andTriples(words),
  );
  const [{ arithmetic, opened: flipped }] = await runRound(context, [
    bitToArithmeticOpenedStep(context, leftIsSmaller, difference.length, masks.lift),
  ]);
  return validTimesOffset(arithmetic, flipped, opened, edaBits.arithmetic, masks.maskProducts[0]!);
}

/**
 * With the validity check, every threshold count of the chunk: 0 for t <= low, every row for t > high (A
 * adds the public rows), and the boolean counts of the thresholds in (low, high], lifted into Z_2^64.
 */
async function accumulateInnerCounts(
  context: PartyContext,
  program: Program,
  rows: number,
  inner: readonly { field: FieldProgram; widths: bigint[] }[],
  opened: readonly RingVector[],
  edaBits: readonly EdaBitShares[],
  material: ChunkMaterial,
  accumulators: Accumulators,
): Promise<void> {
  let counts: RingVector = ringVector(0);
  if (inner.length > 0) {
    const narrow = await countBelow(
      context,
      opened,
      edaBits,
      inner.map((entry) => entry.widths),
      countBits(inner),
      material,
      THRESHOLD_OUTPUT_BITS,
    );
    [counts] = await runRound(context, [
      liftFromStep(
        context,
        BigUint64Array.from(narrow),
        THRESHOLD_OUTPUT_BITS,
        material.lifts(narrow.length),
      ),
    ]);
  }
  const all = context.party === 'A' ? BigInt(rows) : 0n;
  let next = 0;
  for (const field of program.fields) {
    const below = accumulators.below[field.index]!;
    field.thresholds.forEach((t, i) => {
      const count = t <= field.low ? 0n : t > field.high ? all : counts[next++]!;
      below[i] = wrap(below[i]! + count);
    });
  }
}
