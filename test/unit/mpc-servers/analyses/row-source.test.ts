import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  inMemoryRowSource,
  SequentialRowSource,
  type InputColumns,
} from '../../../../mpc-servers/analyses/row-source.ts';
import { concat } from '../../../../contract/sharing/ring.ts';

/** Inputs whose words name their place: field f of global row r holds r * 8 + f. */
function numberedInputs(rowCounts: readonly number[], fieldCount: number): InputColumns[] {
  let first = 0;
  return rowCounts.map((rowCount) => {
    const columns = Array.from({ length: fieldCount }, (_, f) =>
      BigUint64Array.from({ length: rowCount }, (_, r) => BigInt((first + r) * 8 + f)),
    );
    first += rowCount;
    return { rowCount, columns };
  });
}

/** A source over `inputs` whose loader records every load and checks nothing else is held meanwhile. */
function watchedSource(inputs: readonly InputColumns[], fieldCount: number) {
  const loads: number[] = [];
  const heldAtLoad: (number | undefined)[] = [];
  const source: SequentialRowSource = new SequentialRowSource(
    fieldCount,
    inputs.map((input) => input.rowCount),
    async (index) => {
      loads.push(index);
      heldAtLoad.push(source.heldInput);
      await Promise.resolve(); // a load takes time: the source must not be holding the previous input then
      return inputs[index]!;
    },
  );
  return { source, loads, heldAtLoad };
}

const rowCountsArbitrary = fc.array(fc.nat(40), { minLength: 1, maxLength: 8 });

describe('SequentialRowSource', () => {
  it('yields the rows of the concatenated inputs, loading each non-empty input once and one at a time', async () => {
    await fc.assert(
      fc.asyncProperty(
        rowCountsArbitrary,
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 50 }),
        async (rowCounts, fieldCount, chunkRows) => {
          const inputs = numberedInputs(rowCounts, fieldCount);
          const { source, loads, heldAtLoad } = watchedSource(inputs, fieldCount);
          const total = rowCounts.reduce((a, b) => a + b, 0);
          expect(source.rowCount).toBe(total);
          const chunks: BigUint64Array[][] = [];
          for (let start = 0; start < total; start += chunkRows)
            chunks.push(await source.columns(start, Math.min(chunkRows, total - start)));
          for (let f = 0; f < fieldCount; f++) {
            const expected = concat(inputs.map((input) => input.columns[f]!));
            expect(concat(chunks.map((chunk) => chunk[f]!))).toEqual(expected);
          }
          const nonEmpty = rowCounts.flatMap((count, index) => (count > 0 ? [index] : []));
          expect(loads).toEqual(nonEmpty);
          expect(heldAtLoad.every((held) => held === undefined)).toBe(true);
          // The last input is dropped with its last row, so nothing stays held after the job.
          expect(source.heldInput).toBeUndefined();
        },
      ),
    );
  });

  it('keeps the input a chunk ends inside for the next chunk and drops it once its rows are taken', async () => {
    const { source, loads } = watchedSource(numberedInputs([5, 5], 1), 1);
    expect(await source.columns(0, 3)).toEqual([BigUint64Array.from([0n, 8n, 16n])]);
    expect(source.heldInput).toBe(0);
    expect(await source.columns(3, 4)).toEqual([BigUint64Array.from([24n, 32n, 40n, 48n])]);
    expect(source.heldInput).toBe(1);
    await source.columns(7, 3);
    expect(source.heldInput).toBeUndefined();
    expect(loads).toEqual([0, 1]);
    // Going back is allowed and loads again.
    expect(await source.columns(1, 1)).toEqual([BigUint64Array.from([8n])]);
    expect(loads).toEqual([0, 1, 0]);
  });

  it('refuses rows beyond the inputs and a load that does not match the declared rows', async () => {
    const inputs = numberedInputs([4, 2], 2);
    await expect(inMemoryRowSource(2, inputs).columns(5, 2)).rejects.toThrow(RangeError);
    const short = new SequentialRowSource(2, [4, 3], async (index) => inputs[index]!);
    await expect(short.columns(0, 7)).rejects.toThrow(/input 1 loaded 2 rows of 2 fields, expected 3 rows/);
  });
});
