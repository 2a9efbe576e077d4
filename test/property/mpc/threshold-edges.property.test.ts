import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnalysisSpec, ComputationSpec, FieldSpec } from '../../../contract/analysis/analysis-spec.ts';
import type { AnalysisResult } from '../../../contract/result/result-codec.ts';
import { expectCleartextResult } from './cleartext-expectations.ts';
import { decodeRows, isValidWordRow, sharesOfWords } from './dishonest-shares.ts';
import { runJobInMemory } from './run-job-in-memory.ts';

/**
 * Thresholds at and around a field's bounds, where the programs take different paths: with the validity
 * check a threshold t in (low, high] comes from the range check's key at t - low, t <= low and t > high are
 * public functions of the valid count; without it one key per value serves every threshold. Edges at low,
 * low + 1, high, high + 1, below low and above high, on 1 to 3 int fields, with a dishonest participant's
 * out-of-range words (so rows invalid through another field are in the counts' way), against the cleartext.
 * Min and max of the same field run as one combined tournament, so they are checked here too.
 */
const boundedInt = fc
  .tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 40 }))
  .map(([min, span]): FieldSpec => ({ name: '', type: 'int', min, max: min + span }));

function edgesOf(field: FieldSpec, inner: number): number[] {
  const low = field.min!;
  const high = field.max!;
  const edges = [low - 7, low - 1, low, low + 1, inner, high, high + 1, high + 9];
  return [...new Set(edges)].sort((a, b) => a - b);
}

function analysesFor(field: FieldSpec, inner: number, pick: number): AnalysisSpec[] {
  const edges = edgesOf(field, inner);
  const t = edges[pick % edges.length]!;
  return [
    { kind: 'histogram', field: field.name, binEdges: edges },
    { kind: 'countBelow', field: field.name, threshold: t },
    { kind: 'countAbove', field: field.name, threshold: t },
    { kind: 'min', field: field.name },
    { kind: 'max', field: field.name },
  ];
}

function wordNear(field: FieldSpec): fc.Arbitrary<bigint> {
  const low = BigInt(field.min!);
  const high = BigInt(field.max!);
  return fc.oneof(
    fc.constantFrom(low - 1n, high + 1n, low - 2n, high + 2n, (1n << 63n) + low, (1n << 64n) - 1n),
    fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
  );
}

const scenario = fc
  .array(boundedInt, { minLength: 1, maxLength: 3 })
  .map((fields) => fields.map((field, i) => ({ ...field, name: `f${i}` })))
  .chain((fields) => {
    const row = fc.tuple(
      ...fields.map((field) => fc.bigInt({ min: BigInt(field.min!), max: BigInt(field.max!) })),
    );
    return fc.record({
      fields: fc.constant(fields),
      honest: fc.array(row, { minLength: 1, maxLength: 9 }),
      dishonestBase: fc.array(row, { minLength: 1, maxLength: 8 }),
      tampering: fc.array(
        fc
          .tuple(fc.nat(), fc.nat({ max: fields.length - 1 }))
          .chain(([r, f]) => fc.tuple(fc.constant(r), fc.constant(f), wordNear(fields[f]!))),
        { maxLength: 8 },
      ),
      inner: fc.array(fc.integer({ min: -60, max: 100 }), {
        minLength: fields.length,
        maxLength: fields.length,
      }),
      pick: fc.nat(),
      chunkRows: fc.integer({ min: 1, max: 6 }),
    });
  });

function specOf(fields: FieldSpec[], inner: number[], pick: number): ComputationSpec {
  const analyses: AnalysisSpec[] = [{ kind: 'count' }];
  fields.forEach((field, i) => analyses.push(...analysesFor(field, inner[i]!, pick)));
  return { fields, analyses };
}

describe('thresholds at the bounds', () => {
  it('with the validity check: exact at low, high + 1, below low and above high', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenario,
        async ({ fields, honest, dishonestBase, tampering, inner, pick, chunkRows }) => {
          const words = dishonestBase.map((row) => row.map((value) => BigInt.asUintN(64, value)));
          for (const [r, f, word] of tampering) words[r % words.length]![f] = word;
          const isValid = (row: readonly bigint[]): boolean => isValidWordRow(fields, row);
          const validRows = [
            ...honest,
            ...words.filter(isValid).map((row) => row.map((w) => BigInt.asIntN(64, w))),
          ];
          const spec = specOf(fields, inner, pick);
          const result = await runJobInMemory(spec, [decodeRows(fields, honest)], {
            chunkRows,
            rawPayloads: [sharesOfWords(fields, dishonestBase, words)],
          });
          expect(result.droppedRows).toBe(words.length - words.filter(isValid).length);
          for (const analysis of result.results) expectCleartext(analysis, spec, validRows);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('without it: exact at the same edges, one key per value for all thresholds', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ fields, honest, inner, pick, chunkRows }) => {
        const spec = specOf(fields, inner, pick);
        const result = await runJobInMemory(spec, [decodeRows(fields, honest)], {
          chunkRows,
          validity: false,
        });
        for (const analysis of result.results) expectCleartext(analysis, spec, honest);
      }),
      { numRuns: 30 },
    );
  });
});

function expectCleartext(
  result: AnalysisResult,
  spec: ComputationSpec,
  rows: readonly (readonly bigint[])[],
): void {
  const index = spec.fields.findIndex((field) => field.name === result.field);
  const encoded = rows.map((row) => row[index] ?? 0n);
  const analysis = spec.analyses.find((a) => a.kind === result.kind && a.field === result.field)!;
  expectCleartextResult(
    result,
    analysis,
    { encoded, decoded: encoded.map(Number), f: 0 },
    { relative: 1e-9, absolute: 0 },
  );
}
