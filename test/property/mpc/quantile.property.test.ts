import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnalysisSpec, ComputationSpec, FieldSpec } from '../../../contract/analysis/analysis-spec.ts';
import { encodedBounds } from '../../../contract/analysis/field-encoding.ts';
import { quantileRank } from '../../../contract/analysis/quantile-rank.ts';
import { decode, decodeRows, isValidWordRow, sharesOfWords } from './dishonest-shares.ts';
import { fieldArbitrary } from './field-arbitraries.ts';
import { runJobInMemory } from './run-job-in-memory.ts';

/**
 * Quantiles equal the cleartext rank rule on the valid rows exactly: the smallest encoded v with
 * #(x <= v) >= ceil(p n), i.e. the ceil(p n)-th smallest valid value. Rows carry ties, duplicates, all-equal
 * columns and edge values; a dishonest participant adds words outside the bounds, whose rows must not count.
 */
const randomField = fieldArbitrary({
  intLow: 1_000,
  intSpan: 600,
  maxFractionalBits: 8,
  fixedLow: 2 ** 12,
  fixedSpan: 2 ** 10,
  unbounded: false,
});

const pArbitrary = fc.oneof(
  fc.constantFrom(0.5, 0.25, 0.75, 0.1, 0.9, 0.99, 0.01, 0.333333, 0.000001, 0.999999),
  fc.integer({ min: 1, max: 999_999 }).map((i) => i / 1e6),
);

/** Encoded values in the bounds, often repeated (a few distinct values) so that ties are common. */
function encodedIn(field: FieldSpec): fc.Arbitrary<bigint> {
  const { low, high } = encodedBounds(field);
  return fc.oneof(fc.bigInt({ min: low, max: high }), fc.constantFrom(low, high, low + (high - low) / 2n));
}

function outside(field: FieldSpec): fc.Arbitrary<bigint> {
  const { low, high } = encodedBounds(field);
  return fc.constantFrom(low - 1n, high + 1n, 1n << 63n, (1n << 64n) - 1n, high + (1n << 40n));
}

const scenario = fc
  .array(randomField, { minLength: 1, maxLength: 2 })
  .map((fields) => fields.map((field, i) => ({ ...field, name: `f${i}` })))
  .chain((fields) => {
    const row = fc.tuple(...fields.map(encodedIn));
    return fc.record({
      fields: fc.constant(fields),
      ps: fc.uniqueArray(pArbitrary, { minLength: 1, maxLength: 3 }),
      allEqual: fc.boolean(),
      honest: fc.array(fc.array(row, { maxLength: 9 }), { minLength: 1, maxLength: 2 }),
      dishonest: fc.array(row, { minLength: 1, maxLength: 6 }),
      tampering: fc.array(
        fc
          .tuple(fc.nat(), fc.nat({ max: fields.length - 1 }))
          .chain(([r, f]) => fc.tuple(fc.constant(r), fc.constant(f), outside(fields[f]!))),
        { maxLength: 4 },
      ),
      chunkRows: fc.integer({ min: 1, max: 6 }),
    });
  });

/** The cleartext rule: the ceil(p n)-th smallest value, or null without rows. */
function referenceQuantile(values: readonly bigint[], p: number): bigint | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted[quantileRank(p, sorted.length) - 1]!;
}

describe('quantile', () => {
  it('equals the cleartext rank rule over the valid rows, for any p, ties and dropped rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenario,
        async ({ fields, ps, allEqual, honest, dishonest, tampering, chunkRows }) => {
          const same = (rows: readonly (readonly bigint[])[]) =>
            allEqual && rows[0] ? rows.map(() => rows[0]!) : rows;
          const honestRows = honest.map(same);
          const words = same(dishonest).map((row) => row.map((value) => BigInt.asUintN(64, value)));
          for (const [r, f, word] of tampering) words[r % words.length]![f] = BigInt.asUintN(64, word);
          const isValid = (row: readonly bigint[]): boolean => isValidWordRow(fields, row);
          const validRows = [
            ...honestRows.flat(),
            ...words.filter(isValid).map((row) => row.map((word) => BigInt.asIntN(64, word))),
          ];
          const toRows = (encoded: readonly (readonly bigint[])[]) => decodeRows(fields, encoded);

          const payloads = sharesOfWords(fields, same(dishonest), words);

          const analyses: AnalysisSpec[] = fields.flatMap((field) =>
            ps.map((p): AnalysisSpec => ({ kind: 'quantile', field: field.name, p })),
          );
          analyses.push({ kind: 'count' });
          const spec: ComputationSpec = { fields, analyses };
          const { results, droppedRows } = await runJobInMemory(spec, honestRows.map(toRows), {
            chunkRows,
            rawPayloads: [payloads],
          });
          expect(droppedRows).toBe(words.length - words.filter(isValid).length);
          fields.forEach((field, f) =>
            ps.forEach((p) => {
              const result = results.find(
                (r) => r.kind === 'quantile' && r.field === field.name && r.p === p,
              )!;
              const expected = referenceQuantile(
                validRows.map((row) => row[f]!),
                p,
              );
              expect(result.count).toBe(validRows.length);
              expect(result.value).toBe(expected === null ? null : decode(expected, field));
            }),
          );
        },
      ),
      { numRuns: 25 },
    );
  }, 300_000);
});
