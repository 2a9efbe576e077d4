import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnalysisSpec, ComputationSpec, FieldSpec } from '../../../contract/analysis/analysis-spec.ts';
import { encodedBounds, fractionalBitsOf } from '../../../contract/analysis/field-encoding.ts';
import type { AnalysisResult } from '../../../contract/result/result-codec.ts';
import { expectCleartextResult } from './cleartext-expectations.ts';
import { decodeRows, isValidWordRow, sharesOfWords } from './dishonest-shares.ts';
import { fieldArbitrary } from './field-arbitraries.ts';
import { runJobInMemory } from './run-job-in-memory.ts';

/**
 * One dishonest participant builds its shares directly, without the client's checks: any 64-bit word in
 * random rows and fields (uniform words, words near 2^63 and 2^64, values just outside the bounds). Every
 * analysis must equal the cleartext over the honest rows plus the dishonest participant's valid rows, and
 * the dropped-row counts must be exact: in total, and per input for its owner.
 */
const randomField = fieldArbitrary({
  intLow: 1_000,
  intSpan: 2_000,
  maxFractionalBits: 20,
  fixedLow: 2 ** 24,
  fixedSpan: 2 ** 25,
  unbounded: true,
});

/** Encoded values inside the field's bounds, edges included (within 2^53 where undeclared: rows are numbers). */
function encodedIn(field: FieldSpec): fc.Arbitrary<bigint> {
  const exact = 1n << 53n;
  const bounds = encodedBounds(field);
  const low = bounds.low < -exact ? -exact : bounds.low;
  const high = bounds.high > exact ? exact : bounds.high;
  return fc.oneof(fc.bigInt({ min: low, max: high }), fc.constantFrom(low, high));
}

/** Any 64-bit word, biased to the places where a comparison at fewer bits or a signed view would wrap. */
function anyWord(field: FieldSpec): fc.Arbitrary<bigint> {
  const { low, high } = encodedBounds(field);
  return fc.oneof(
    fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
    fc.bigInt({ min: (1n << 63n) - 3n, max: (1n << 63n) + 3n }),
    fc.bigInt({ min: (1n << 64n) - 3n, max: (1n << 64n) - 1n }),
    fc.constantFrom(low - 1n, high + 1n, low, high, low - (1n << 40n), high + (1n << 62n)),
    fc.bigInt({ min: 0n, max: 1n << 20n }),
  );
}

function analysesFor(field: FieldSpec, samples: number[]): AnalysisSpec[] {
  const bounded = field.min !== undefined;
  const t = samples[0] ?? 0;
  const edges = [...new Set(samples.slice(0, 3))].sort((a, b) => a - b);
  const list: AnalysisSpec[] = [
    { kind: 'min', field: field.name },
    { kind: 'max', field: field.name },
    { kind: 'countAbove', field: field.name, threshold: t },
    { kind: 'countBelow', field: field.name, threshold: t },
    { kind: 'histogram', field: field.name, binEdges: edges.length > 0 ? edges : [0] },
  ];
  if (bounded) {
    list.push(
      { kind: 'sum', field: field.name },
      { kind: 'mean', field: field.name },
      { kind: 'variance', field: field.name },
    );
  }
  return list;
}

const scenario = fc
  .array(randomField, { minLength: 1, maxLength: 3 })
  .map((fields) => fields.map((field, i) => ({ ...field, name: `f${i}` })))
  .chain((fields) => {
    const row = fc.tuple(...fields.map(encodedIn));
    return fc.record({
      fields: fc.constant(fields),
      honest: fc.array(fc.array(row, { maxLength: 8 }), { minLength: 1, maxLength: 2 }),
      dishonestBase: fc.array(row, { minLength: 1, maxLength: 10 }),
      tampering: fc.array(
        fc
          .tuple(fc.nat(), fc.nat({ max: fields.length - 1 }))
          .chain(([r, f]) => fc.tuple(fc.constant(r), fc.constant(f), anyWord(fields[f]!))),
        { maxLength: 12 },
      ),
      chunkRows: fc.integer({ min: 1, max: 7 }),
    });
  });

describe('a dishonest participant can neither move a result nor wrap a comparison', () => {
  it('every analysis equals the cleartext over the valid rows; dropped rows are exact', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ fields, honest, dishonestBase, tampering, chunkRows }) => {
        const words = dishonestBase.map((row) => row.map((value) => BigInt.asUintN(64, value)));
        for (const [r, f, word] of tampering) words[r % words.length]![f] = BigInt.asUintN(64, word);
        const isValid = (row: readonly bigint[]): boolean => isValidWordRow(fields, row);
        const toRows = (encoded: readonly (readonly bigint[])[]) => decodeRows(fields, encoded);
        const honestRows = honest.map(toRows);
        const validRows = [
          ...honest.flat(),
          ...words.filter(isValid).map((row) => row.map((word) => BigInt.asIntN(64, word))),
        ];
        const dropped = words.filter((row) => !isValid(row)).length;

        const payloads = sharesOfWords(fields, dishonestBase, words);

        const analyses: AnalysisSpec[] = [{ kind: 'count' }];
        fields.forEach((field, i) =>
          analyses.push(
            ...analysesFor(
              field,
              honestRows.flat().map((row) => row[i]!),
            ),
          ),
        );
        const spec: ComputationSpec = { fields, analyses };
        const result = await runJobInMemory(spec, honestRows, { chunkRows, rawPayloads: [payloads] });
        expect(result.droppedRows).toBe(dropped);
        expect(result.ownDroppedRows).toEqual([...honest.map(() => 0), dropped]);
        for (const analysis of result.results) expectCleartext(analysis, analyses, fields, validRows);
      }),
      { numRuns: 40 },
    );
  });
});

function expectCleartext(
  result: AnalysisResult,
  analyses: readonly AnalysisSpec[],
  fields: readonly FieldSpec[],
  rows: readonly (readonly bigint[])[],
): void {
  const index = fields.findIndex((field) => field.name === result.field);
  const field = fields[index];
  const f = field ? fractionalBitsOf(field) : 0;
  const encoded = rows.map((row) => row[index] ?? 0n);
  const decoded = encoded.map((value) => Number(value) / 2 ** f);
  const analysis = analyses.find((a) => a.kind === result.kind && a.field === result.field)!;
  expectCleartextResult(result, analysis, { encoded, decoded, f }, { relative: 1e-6, absolute: 0 });
}
