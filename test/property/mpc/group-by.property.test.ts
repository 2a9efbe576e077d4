import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  AnalysisSpec,
  CategoryField,
  ComputationSpec,
  FieldSpec,
} from '../../../contract/analysis/analysis-spec.ts';
import { encodedBounds, fractionalBitsOf } from '../../../contract/analysis/field-encoding.ts';
import { quantileRank } from '../../../contract/analysis/quantile-rank.ts';
import { decode, decodeRows, isValidWordRow, sharesOfWords } from './dishonest-shares.ts';
import { runJobInMemory } from './run-job-in-memory.ts';

/**
 * Group-by: per category, count, sum, mean, variance and quantile equal the cleartext over that category's
 * valid rows exactly (sums and sums of squares on the encoded values; mean and variance within float
 * rounding). A dishonest participant adds rows with a category or a value outside the bounds: they must
 * count in no cell.
 */
const valueField: fc.Arbitrary<FieldSpec> = fc.oneof(
  fc
    .record({ lo: fc.integer({ min: -1_000, max: 1_000 }), span: fc.integer({ min: 0, max: 500 }) })
    .map(({ lo, span }) => ({ name: 'x', type: 'int' as const, min: lo, max: lo + span })),
  fc
    .record({
      f: fc.integer({ min: 0, max: 8 }),
      low: fc.integer({ min: -(2 ** 12), max: 2 ** 12 }),
      span: fc.integer({ min: 0, max: 2 ** 10 }),
    })
    .map(({ f, low, span }) => ({
      name: 'x',
      type: 'fixed' as const,
      fractionalBits: f,
      min: low / 2 ** f,
      max: (low + span) / 2 ** f,
    })),
);

const categoryField: fc.Arbitrary<CategoryField> = fc.integer({ min: 1, max: 5 }).map((count) => ({
  name: 'ward',
  type: 'category' as const,
  categories: Array.from({ length: count }, (_, i) => String.fromCharCode(65 + i)),
}));

const scenario = fc.tuple(valueField, categoryField).chain(([value, ward]) => {
  const fields: FieldSpec[] = [ward, value];
  const { low, high } = encodedBounds(value);
  const row = fc.tuple(
    fc.bigInt({ min: 0n, max: BigInt(ward.categories.length - 1) }),
    fc.oneof(fc.bigInt({ min: low, max: high }), fc.constantFrom(low, high)),
  );
  const outside = fc.tuple(
    fc.nat({ max: 1 }),
    fc.constantFrom(-1n, BigInt(ward.categories.length), low - 1n, high + 1n, 1n << 63n),
  );
  return fc.record({
    fields: fc.constant(fields),
    p: fc.constantFrom(0.5, 0.25, 0.9, 0.1),
    honest: fc.array(fc.array(row, { maxLength: 9 }), { minLength: 1, maxLength: 2 }),
    dishonest: fc.array(row, { minLength: 1, maxLength: 5 }),
    tampering: fc.array(fc.tuple(fc.nat(), outside), { maxLength: 3 }),
    chunkRows: fc.integer({ min: 1, max: 6 }),
  });
});

describe('group-by', () => {
  it('every cell equals the cleartext over its valid rows', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ fields, p, honest, dishonest, tampering, chunkRows }) => {
        const ward = fields[0] as CategoryField;
        const value = fields[1]!;
        const words = dishonest.map((row) => row.map((v) => BigInt.asUintN(64, v)));
        for (const [r, [f, word]] of tampering) words[r % words.length]![f] = BigInt.asUintN(64, word);
        const isValid = (row: readonly bigint[]): boolean => isValidWordRow(fields, row);
        const valid = [
          ...honest.flat(),
          ...words.filter(isValid).map((row) => row.map((word) => BigInt.asIntN(64, word))),
        ];
        const toRows = (encoded: readonly (readonly bigint[])[]) => decodeRows(fields, encoded);
        const payloads = sharesOfWords(fields, dishonest, words);
        const analyses: AnalysisSpec[] = [
          { kind: 'count', groupBy: 'ward' },
          { kind: 'sum', field: 'x', groupBy: 'ward' },
          { kind: 'mean', field: 'x', groupBy: 'ward' },
          { kind: 'variance', field: 'x', groupBy: 'ward' },
          { kind: 'quantile', field: 'x', p, groupBy: 'ward' },
          { kind: 'mean', field: 'x' },
        ];
        const spec: ComputationSpec = { fields, analyses };
        const { results } = await runJobInMemory(spec, honest.map(toRows), {
          chunkRows,
          rawPayloads: [payloads],
        });
        const f = fractionalBitsOf(value);
        ward.categories.forEach((category, cell) => {
          const xs = valid.filter((row) => row[0] === BigInt(cell)).map((row) => row[1]!);
          const n = xs.length;
          const sum = xs.reduce((a, b) => a + b, 0n);
          const squares = xs.reduce((a, b) => a + b * b, 0n);
          const group = (kind: string) =>
            results.find((r) => r.kind === kind && r.groupBy === 'ward')!.groups![cell]!;
          expect(group('count')).toMatchObject({ category, count: n, value: n });
          expect(group('sum').value).toBe(Number(sum) / 2 ** f);
          const mean = group('mean');
          expect(mean.count).toBe(n);
          if (n === 0) expect(mean.value).toBeNull();
          else expect(mean.value).toBeCloseTo(Number(sum) / 2 ** f / n, 9);
          const variance = group('variance');
          if (n > 0) {
            const exact = Number(BigInt(n) * squares - sum * sum) / (n * n) / 2 ** (2 * f);
            expect(variance.value!).toBeCloseTo(exact, 6);
          }
          const sorted = [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          const quantile = group('quantile');
          expect(quantile.count).toBe(n);
          expect(quantile.value).toBe(n === 0 ? null : decode(sorted[quantileRank(p, n) - 1]!, value));
        });
        const overall = results.find((r) => r.kind === 'mean' && r.groupBy === undefined)!;
        expect(overall.count).toBe(valid.length);
      }),
      { numRuns: 20 },
    );
  }, 300_000);
});
