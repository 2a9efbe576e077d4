import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dcfEvaluate, dcfEvaluatePair, dcfGenerate } from '../../../mpc-servers/engine/dcf.ts';

describe('DCF keys (eprint 2020/1392) evaluate to beta * [x < alpha]', () => {
  it('for any bit length 1..63, including x = alpha and x = alpha - 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 63 }),
        fc.array(
          fc.tuple(
            fc.bigInt({ min: 0n, max: (1n << 63n) - 1n }),
            fc.bigInt({ min: 0n, max: (1n << 63n) - 1n }),
            fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
          ),
          { minLength: 1, maxLength: 20 },
        ),
        (bits, cases) => {
          const mask = (1n << BigInt(bits)) - 1n;
          const alpha = BigUint64Array.from(cases.flatMap(([a]) => [a & mask, a & mask, a & mask]));
          const x = BigUint64Array.from(cases.flatMap(([a, b]) => [b & mask, a & mask, (a - 1n) & mask]));
          const beta = BigUint64Array.from(cases.flatMap(([, , c]) => [c, c, c]));
          const { key0, key1 } = dcfGenerate(
            bits,
            alpha,
            beta,
            randomBytes(alpha.length * 16),
            randomBytes(alpha.length * 16),
          );
          const y0 = dcfEvaluate(0, key0, x);
          const y1 = dcfEvaluate(1, key1, x);
          for (let k = 0; k < alpha.length; k++) {
            expect(BigInt.asUintN(64, y0[k]! + y1[k]!)).toBe(x[k]! < alpha[k]! ? beta[k]! : 0n);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('evaluated at two points per key (sharing the top levels) gives what two evaluations give', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(8, 63, 64),
        fc.array(
          fc.tuple(
            fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
            fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
            fc.oneof(fc.bigInt({ min: 0n, max: 2000n }), fc.bigInt({ min: 0n, max: (1n << 64n) - 1n })),
          ),
          { minLength: 1, maxLength: 20 },
        ),
        (bits, cases) => {
          const mask = (1n << BigInt(bits)) - 1n;
          const alpha = BigUint64Array.from(cases.map(([a]) => a & mask));
          const x = BigUint64Array.from(cases.map(([, b]) => b & mask));
          const y = BigUint64Array.from(cases.map(([, b, w]) => (b - w) & mask));
          const beta = BigUint64Array.from(cases.map(() => 1n));
          const roots = [randomBytes(alpha.length * 16), randomBytes(alpha.length * 16)] as const;
          const { key0, key1 } = dcfGenerate(bits, alpha, beta, roots[0], roots[1]);
          const [x0, y0] = dcfEvaluatePair(0, key0, x, y);
          const [x1, y1] = dcfEvaluatePair(1, key1, x, y);
          for (let k = 0; k < alpha.length; k++) {
            expect(BigInt.asUintN(64, x0[k]! + x1[k]!)).toBe(x[k]! < alpha[k]! ? 1n : 0n);
            expect(BigInt.asUintN(64, y0[k]! + y1[k]!)).toBe(y[k]! < alpha[k]! ? 1n : 0n);
          }
          expect(x0).toEqual(dcfEvaluate(0, key0, x));
          expect(y1).toEqual(dcfEvaluate(1, key1, y));
        },
      ),
      { numRuns: 60 },
    );
  });
});
