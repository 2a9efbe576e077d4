import { ringVector, type RingVector } from '../../contract/sharing/ring.ts';

/** Share columns of one input (one column per field), as decoded from its share. */
export interface InputColumns {
  rowCount: number;
  columns: RingVector[];
}

/**
 * Port: where `runProgram` reads its rows, the union of all inputs in order. It asks chunk by chunk with
 * increasing `start`; `columns` returns rows [start, start + count), one column per field.
 */
export interface RowSource {
  readonly rowCount: number;
  columns(start: number, count: number): Promise<RingVector[]>;
}

/** Loads input `index` (in the server: fetch, open and decode its share again). */
export type InputLoader = (index: number) => Promise<InputColumns>;

/**
 * Rows of inputs loaded one at a time, so memory holds at most one input's columns whatever the number of
 * inputs: input k is loaded when a request first needs its rows, the held input is dropped before another
 * is loaded, and dropped as soon as a request has taken its last row (requests move forward). A request
 * that goes back reloads; correct, only slower.
 */
export class SequentialRowSource implements RowSource {
  readonly rowCount: number;
  /** Row offset where each input starts, plus the total at the end. */
  readonly #starts: number[];
  readonly #load: InputLoader;
  #held: { index: number; input: InputColumns } | undefined;

  constructor(
    readonly fieldCount: number,
    readonly rowCounts: readonly number[],
    load: InputLoader,
  ) {
    this.#load = load;
    this.#starts = [0];
    for (const count of rowCounts) this.#starts.push(this.#starts.at(-1)! + count);
    this.rowCount = this.#starts.at(-1)!;
  }

  /** Which input's columns are held now (for tests and logs). */
  get heldInput(): number | undefined {
    return this.#held?.index;
  }

  async columns(start: number, count: number): Promise<RingVector[]> {
    if (start < 0 || count < 0 || start + count > this.rowCount)
      throw new RangeError(`rows ${start}..${start + count} are beyond the inputs (${this.rowCount} rows)`);
    const out = Array.from({ length: this.fieldCount }, () => ringVector(count));
    let filled = 0;
    for (let index = this.#inputAt(start); filled < count; index++) {
      const from = start + filled - this.#starts[index]!;
      const take = Math.min(this.rowCounts[index]! - from, count - filled);
      if (take <= 0) continue; // an empty input
      const input = await this.#input(index);
      copyRows(input.columns, from, take, out, filled);
      filled += take;
      if (from + take === input.rowCount) this.#held = undefined; // its last row is taken
    }
    return out;
  }

  /** The input holding row `row` (the last one whose start is at or before it). */
  #inputAt(row: number): number {
    let low = 0;
    let high = this.rowCounts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.#starts[middle]! <= row) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  async #input(index: number): Promise<InputColumns> {
    if (this.#held?.index === index) return this.#held.input;
    this.#held = undefined; // dropped before the next load, so two inputs are never held at once
    const input = await this.#load(index);
    if (input.rowCount !== this.rowCounts[index] || input.columns.length !== this.fieldCount)
      throw new RangeError(
        `input ${index} loaded ${input.rowCount} rows of ${input.columns.length} fields, ` +
          `expected ${this.rowCounts[index]} rows of ${this.fieldCount}`,
      );
    this.#held = { index, input };
    return input;
  }
}

function copyRows(
  columns: readonly RingVector[],
  from: number,
  take: number,
  out: readonly RingVector[],
  at: number,
): void {
  for (let f = 0; f < out.length; f++) out[f]!.set(columns[f]!.subarray(from, from + take), at);
}

/** The same source over inputs already in memory (tests, benchmarks). */
export function inMemoryRowSource(fieldCount: number, inputs: readonly InputColumns[]): SequentialRowSource {
  return new SequentialRowSource(
    fieldCount,
    inputs.map((input) => input.rowCount),
    (index) => Promise.resolve(inputs[index]!),
  );
}
