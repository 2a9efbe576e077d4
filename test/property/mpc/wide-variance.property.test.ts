import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ComputationSpec, FieldSpec } from '../../../contract/analysis/analysis-spec.ts';
import { encodeFixed } from '../../../contract/analysis/fixed-point.ts';
import { runJobInMemory } from './run-job-in-memory.ts';

/**
 * Variance over 10^6-wide bounds at 16 fractional bits, where one value's square already exceeds 2^64: sum,
 * mean, variance and stddev equal the cleartext computed in BigInt on the encoded values, bit for bit (the
 * client's float conversion is the same one), over 1-3 participants and any chunking.
 */
const F = 16;
const WIDTH = 1_000_000;

const scenario = fc
  .integer({ min: -WIDTH, max: WIDTH })
  .map((low): FieldSpec => ({ name: 'x', type: 'fixed', fractionalBits: F, min: low, max: low + WIDTH }))
  .chain((field) => {
    const value = fc.oneof(
      fc.double({ min: field.min!, max: field.max!, noNaN: true }),
      fc.constantFrom(field.min!, field.max!),
    );
    return fc.record({
      field: fc.constant(field),
      participants: fc.array(fc.array(fc.tuple(value), { minLength: 0, maxLength: 15 }), {
        minLength: 1,
        maxLength: 3,
      }),
      chunkRows: fc.integer({ min: 1, max: 9 }),
    });
  });

describe('variance in Z_2^128 over 10^6-wide bounds at f = 16', () => {
  it('sum, mean, variance and stddev are exact on the encoded values', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ field, participants, chunkRows }) => {
        const spec: ComputationSpec = {
          fields: [field],
          analyses: [{ kind: 'sum' }, { kind: 'mean' }, { kind: 'variance' }, { kind: 'stddev' }],
        };
        const { results } = await runJobInMemory(spec, participants, { chunkRows });
        const encoded = participants.flat().map(([x]) => BigInt.asIntN(64, encodeFixed(x, F)));
        const n = BigInt(encoded.length);
        const sum = encoded.reduce((a, b) => a + b, 0n);
        const squares = encoded.reduce((a, b) => a + b * b, 0n);
        const [sumResult, mean, variance, stddev] = results;
        expect(sumResult!.value).toBe(Number(sum) / 2 ** F);
        if (n === 0n) {
          expect([mean!.value, variance!.value, stddev!.value]).toEqual([null, null, null]);
          return;
        }
        const want = Number(n * squares - sum * sum) / Number(n * n) / 2 ** (2 * F);
        expect(mean!.value).toBe(Number(sum) / 2 ** F / Number(n));
        expect(variance!.value).toBe(want);
        expect(stddev!.value).toBe(Math.sqrt(want));
      }),
      { numRuns: 60 },
    );
  });

  it('holds at scale: 4000 rows at the extremes, a sum of squares near 2^82', async () => {
    const field: FieldSpec = { name: 'x', type: 'fixed', fractionalBits: F, min: -WIDTH / 2, max: WIDTH / 2 };
    const rows = Array.from({ length: 4000 }, (_, i) => [i % 3 === 0 ? -WIDTH / 2 : WIDTH / 2 - i / 1024]);
    const spec: ComputationSpec = { fields: [field], analyses: [{ kind: 'variance' }] };
    const { results } = await runJobInMemory(spec, [rows.slice(0, 1500), rows.slice(1500)]);
    const encoded = rows.map(([x]) => BigInt.asIntN(64, encodeFixed(x!, F)));
    const n = BigInt(encoded.length);
    const sum = encoded.reduce((a, b) => a + b, 0n);
    const squares = encoded.reduce((a, b) => a + b * b, 0n);
    expect(squares).toBeGreaterThan(2n ** 81n);
    expect(results[0]!.value).toBe(Number(n * squares - sum * sum) / Number(n * n) / 2 ** (2 * F));
  });
});
