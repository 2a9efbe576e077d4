import { ringVector, type RingVector } from '../../contract/sharing/ring.ts';

/**
 * The rows the passes after the row chunks need (group-by cells, quantile bisection), gathered while the row
 * chunks run: the raw shares of the fields they read and each row's validity bit, 8 bytes per row each, and
 * the group-by pass's category indicators (shares of 0/1 per row and cell) once it has run.
 */
export class KeptRows {
  private readonly columns = new Map<number, RingVector>();
  readonly valid: RingVector;
  /** Per category field and category: shares of [row valid and in that category]. */
  readonly indicators = new Map<number, RingVector[]>();
  constructor(
    fields: Iterable<number>,
    readonly totalRows: number,
  ) {
    for (const field of fields) this.columns.set(field, ringVector(totalRows));
    this.valid = ringVector(totalRows);
  }
  column(field: number): RingVector {
    const column = this.columns.get(field);
    if (!column) throw new Error(`field ${field} was not kept`);
    return column;
  }
  /** Keeps a chunk's rows; without the validity check every row counts (A holds the public 1s). */
  collect(start: number, columns: readonly RingVector[], valid: RingVector | undefined, isA: boolean): void {
    for (const [field, column] of this.columns) column.set(columns[field]!, start);
    if (valid) this.valid.set(valid, start);
    else if (isA) this.valid.fill(1n, start, start + (columns[0]?.length ?? 0));
  }
}
