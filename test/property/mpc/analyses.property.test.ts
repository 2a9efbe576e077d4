import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnalysisSpec, ComputationSpec, FieldSpec } from '../../../contract/analysis/analysis-spec.ts';
import { encodedBounds, fractionalBitsOf } from '../../../contract/analysis/field-encoding.ts';
import { decodeFixed, encodeFixed } from '../../../contract/analysis/fixed-point.ts';
import { expectCleartextResult } from './cleartext-expectations.ts';
import { fieldArbitrary } from './field-arbitraries.ts';
import { runJobInMemory } from './run-job-in-memory.ts';

/**
 * Every analysis reconstructs to the cleartext answer on random specs and rows: exactly for counts, sums,
 * extremes and histograms of the encoded values (MPC adds no error), and within float rounding (1e-9
 * relative) for mean, variance and stddev. Fixed-point encoding itself rounds each value to the nearest
 * 2^-f; the reference is computed on the same encoded values, and separately checked against the raw mean.
 */
const randomField = fieldArbitrary({
  intLow: 1_000_000,
  intSpan: 2_000_000,
  maxFractionalBits: 24,
  fixedLow: 2 ** 30,
  fixedSpan: 2 ** 31,
  unbounded: true,
});

function valueIn(field: FieldSpec): fc.Arbitrary<number> {
  const { low, high } = encodedBounds(field);
  const scale = 2 ** fractionalBitsOf(field);
  const edgeLow = Number(low) / scale;
  const edgeHigh = Number(high) / scale;
  if (field.min === undefined) {
    return fc.oneof(
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.constantFrom(-(2 ** 61), 2 ** 61, -(2 ** 53), 2 ** 53 - 1, 0, -1),
    );
  }
  const inner =
    field.type === 'int'
      ? fc.integer({ min: Number(low), max: Number(high) })
      : fc.double({ min: edgeLow, max: edgeHigh, noNaN: true });
  return fc.oneof(inner, fc.constantFrom(edgeLow, edgeHigh));
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
  // Sums are kept in Z_2^128: computable for any field; a variance needs bounds (see checkComputable).
  list.push({ kind: 'sum', field: field.name }, { kind: 'mean', field: field.name });
  if (bounded) {
    list.push({ kind: 'variance', field: field.name }, { kind: 'stddev', field: field.name });
  }
  return list;
}

const scenario = fc
  .array(randomField, { minLength: 1, maxLength: 2 })
  .map((fields) => fields.map((field, i) => ({ ...field, name: `f${i}` })))
  .chain((fields) =>
    fc.record({
      fields: fc.constant(fields),
      participants: fc.array(fc.array(fc.tuple(...fields.map(valueIn)), { minLength: 0, maxLength: 12 }), {
        minLength: 1,
        maxLength: 3,
      }),
      chunkRows: fc.integer({ min: 1, max: 9 }),
    }),
  );

describe('analyses reconstruct to the cleartext answer', () => {
  it('count, sum, mean, variance, stddev, histogram, countAbove/Below, min, max over several participants', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ fields, participants, chunkRows }) => {
        const rows = participants.flat();
        const analyses: AnalysisSpec[] = [{ kind: 'count' }];
        fields.forEach((field, i) =>
          analyses.push(
            ...analysesFor(
              field,
              rows.map((row) => row[i]!),
            ),
          ),
        );
        const spec: ComputationSpec = { fields, analyses };
        const { results } = await runJobInMemory(spec, participants, { chunkRows });
        results.forEach((result) => {
          const index = fields.findIndex((field) => field.name === result.field);
          const field = fields[index]!;
          const f = field ? fractionalBitsOf(field) : 0;
          const encoded = rows.map((row) => BigInt.asIntN(64, encodeFixed(row[index] ?? 0, f)));
          const decoded = encoded.map((value) => decodeFixed(BigInt.asUintN(64, value), f));
          const n = rows.length;
          const analysis = analyses.find((a) => a.kind === result.kind && a.field === result.field)!;
          if (result.kind === 'mean' && n > 0) {
            // Against the raw rows: encoding rounds each value by at most 2^-(f+1); the float sum of the
            // raw rows (values up to 2^61 without bounds) errs by up to n ulps of its largest term.
            const raw = rows.reduce((a, row) => a + row[index]!, 0) / n;
            const magnitude = rows.reduce((a, row) => a + Math.abs(row[index]!), 0);
            expect(Math.abs(result.value! - raw)).toBeLessThanOrEqual(
              2 ** -(f + 1) * (1 + 1e-9) + Math.abs(raw) * 1e-12 + magnitude * 2 ** -52,
            );
          }
          expectCleartextResult(
            result,
            analysis,
            { encoded, decoded, f },
            { relative: 1e-9, absolute: 1e-9 },
          );
        });
      }),
      { numRuns: 60 },
    );
  });
});
