import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lessThanZero, multiply, select, square, truncateLocal } from '../../../mpc-servers/engine/ops.ts';
import { reconstruct, runTwoParty, shareVector } from './two-party.ts';

const ring64 = fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n });
const wrap = (value: bigint): bigint => BigInt.asIntN(64, value);

describe('engine ops reconstruct to the cleartext answer', () => {
  it('Beaver multiplication is exact mod 2^64 over the whole ring', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(ring64, ring64), { minLength: 1, maxLength: 40 }), async (pairs) => {
        const x = shareVector(pairs.map(([a]) => a));
        const y = shareVector(pairs.map(([, b]) => b));
        const z = await runTwoParty([{ kind: 'triple', count: pairs.length }], (c, m) =>
          multiply(c, x[c.party], y[c.party], m.triples(pairs.length)),
        );
        expect(reconstruct(z.A, z.B)).toEqual(pairs.map(([a, b]) => wrap(a * b)));
      }),
      { numRuns: 40 },
    );
  });

  it('squaring is exact mod 2^64', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ring64, { minLength: 1, maxLength: 40 }), async (values) => {
        const x = shareVector(values);
        const z = await runTwoParty([{ kind: 'square', count: values.length }], (c, m) =>
          square(c, x[c.party], m.squares(values.length)),
        );
        expect(reconstruct(z.A, z.B)).toEqual(values.map((v) => wrap(v * v)));
      }),
      { numRuns: 40 },
    );
  });

  it('comparison with zero is exact over the full signed range of its bit length, edges included', async () => {
    const bitLengths = fc.integer({ min: 2, max: 64 });
    await fc.assert(
      fc.asyncProperty(
        bitLengths,
        fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 30 }),
        fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
        async (bits, picks, random) => {
          const half = 1n << BigInt(bits - 1);
          const edges = [-half, -half + 1n, -1n, 0n, 1n, half - 2n, half - 1n];
          const values = [
            ...edges,
            ...picks.map(
              (pick, i) => ((BigInt(pick) * 2654435761n + random * BigInt(i + 1)) % (2n * half)) - half,
            ),
          ];
          const z = shareVector(values);
          const b = await runTwoParty([{ kind: 'comparison', bits, count: values.length }], (c, m) =>
            lessThanZero(c, z[c.party], m.comparisons(bits, values.length)),
          );
          expect(reconstruct(b.A, b.B)).toEqual(values.map((v) => (v < 0n ? 1n : 0n)));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('select picks x where the shared bit is 1 and y where it is 0', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.boolean(), ring64, ring64), { minLength: 1, maxLength: 30 }),
        async (rows) => {
          const bit = shareVector(rows.map(([b]) => (b ? 1n : 0n)));
          const x = shareVector(rows.map(([, a]) => a));
          const y = shareVector(rows.map(([, , b]) => b));
          const z = await runTwoParty([{ kind: 'triple', count: rows.length }], (c, m) =>
            select(c, bit[c.party], x[c.party], y[c.party], m.triples(rows.length)),
          );
          expect(reconstruct(z.A, z.B)).toEqual(rows.map(([b, a, d]) => (b ? a : d)));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('probabilistic truncation is within one unit of floor(x / 2^f) for |x| < 2^40', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -(1n << 40n), max: 1n << 40n }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 1, max: 30 }),
        (values, f) => {
          const x = shareVector(values);
          const channel = undefined as never;
          const a = truncateLocal({ party: 'A', channel }, x.A, f);
          const b = truncateLocal({ party: 'B', channel }, x.B, f);
          reconstruct(a, b).forEach((got, i) => {
            const exact = values[i]! >> BigInt(f);
            expect(got - exact === 0n || got - exact === 1n).toBe(true);
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
