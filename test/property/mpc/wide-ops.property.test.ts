import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runRound } from '../../../mpc-servers/engine/ops.ts';
import {
  add128,
  mul128,
  sub128,
  sum128,
  wideAt,
  wideFrom,
  wideLength,
  type WideVector,
} from '../../../mpc-servers/engine/ring128.ts';
import { liftStep, wideMultiplyStep, wideSquareStep } from '../../../mpc-servers/engine/wide-ops.ts';
import { shareVector, runTwoParty } from './two-party.ts';

/**
 * The 128-bit ring and the ops on it, against BigInt arithmetic: limb arithmetic at and around every carry
 * boundary; the lift of 64-bit shares of any y < 2^63 (at 0, 2^63 - 1 and with shares whose top bits are
 * every combination); squaring and multiplying with dealer material, exact mod 2^128.
 */
const MOD = 1n << 128n;
const edge128 = fc.constantFrom(
  0n,
  1n,
  (1n << 32n) - 1n,
  1n << 32n,
  (1n << 64n) - 1n,
  1n << 64n,
  (1n << 96n) - 1n,
  (1n << 127n) - 1n,
  1n << 127n,
  MOD - 1n,
);
const value128 = fc.oneof(fc.bigInt({ min: 0n, max: MOD - 1n }), edge128);
const values = (minLength: number) => fc.array(value128, { minLength, maxLength: 24 });

function elements(vector: WideVector): bigint[] {
  return Array.from({ length: wideLength(vector) }, (_, i) => wideAt(vector, i));
}

describe('Z_2^128 on interleaved limbs', () => {
  it('add, sub, mul and sum agree with BigInt mod 2^128', () => {
    fc.assert(
      fc.property(values(1), values(1), (xs, ys) => {
        const n = Math.min(xs.length, ys.length);
        const [x, y] = [xs.slice(0, n), ys.slice(0, n)];
        const [a, b] = [wideFrom(x), wideFrom(y)];
        expect(elements(add128(a, b))).toEqual(x.map((v, i) => (v + y[i]!) % MOD));
        expect(elements(sub128(a, b))).toEqual(x.map((v, i) => (((v - y[i]!) % MOD) + MOD) % MOD));
        expect(elements(mul128(a, b))).toEqual(x.map((v, i) => (v * y[i]!) % MOD));
        expect(sum128(a)).toBe(x.reduce((s, v) => s + v, 0n) % MOD);
      }),
      { numRuns: 300 },
    );
  });
});

/** Random 64-bit shares of y with A's share chosen to set the top bits of both shares as asked. */
function sharesWithTopBits(y: bigint, topA: boolean | undefined): { A: bigint; B: bigint } {
  let A = BigInt.asUintN(64, BigInt(`0x${randomBytes(8).toString('hex')}`));
  if (topA !== undefined) A = topA ? A | (1n << 63n) : A & ((1n << 63n) - 1n);
  return { A, B: BigInt.asUintN(64, y - A) };
}

describe('lift from Z_2^64 to Z_2^128', () => {
  it('reconstructs y exactly for every y < 2^63 and every split of its shares', async () => {
    const below63 = fc.oneof(
      fc.bigInt({ min: 0n, max: (1n << 63n) - 1n }),
      fc.bigInt({ min: 0n, max: 1n << 41n }),
      fc.constantFrom(0n, 1n, (1n << 62n) - 1n, 1n << 62n, (1n << 63n) - 1n),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(below63, fc.constantFrom(true, false, undefined)), { minLength: 1, maxLength: 40 }),
        async (cases) => {
          const shares = cases.map(([y, top]) => sharesWithTopBits(y, top));
          const A = BigUint64Array.from(shares.map((s) => s.A));
          const B = BigUint64Array.from(shares.map((s) => s.B));
          const { A: outA, B: outB } = await runTwoParty(
            [{ kind: 'lift', count: cases.length }],
            async (c, m) => {
              const [wide] = await runRound(c, [liftStep(c, c.party === 'A' ? A : B, m.lifts(cases.length))]);
              m.assertConsumed();
              return wide;
            },
          );
          expect(elements(add128(outA, outB))).toEqual(cases.map(([y]) => y));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('sends one bit per element, uniform whatever y is (each bit is masked by its sender alone)', async () => {
    const count = 4096;
    for (const y of [0n, (1n << 63n) - 1n]) {
      const { A } = shareVector(Array.from({ length: count }, () => y));
      const B = BigUint64Array.from(A, (a) => BigInt.asUintN(64, y - a));
      let sent: BigUint64Array | undefined;
      await runTwoParty([{ kind: 'lift', count }], async (c, m) => {
        const step = liftStep(c, c.party === 'A' ? A : B, m.lifts(count));
        if (c.party === 'B') sent = step.masked;
        return runRound(c, [step]);
      });
      expect(sent!.length).toBe(count / 64);
      const ones = [...sent!].reduce((total, word) => total + word.toString(2).split('1').length - 1, 0);
      expect(Math.abs(ones - count / 2)).toBeLessThan(5 * Math.sqrt(count / 4));
    }
  });
});

/** Random 128-bit shares: A's uniform, B's the rest. */
function wideShares(xs: readonly bigint[]): { A: WideVector; B: WideVector } {
  const shareA = xs.map(() => BigInt(`0x${randomBytes(16).toString('hex')}`));
  return {
    A: wideFrom(shareA),
    B: wideFrom(xs.map((x, i) => (((x - shareA[i]!) % MOD) + MOD) % MOD)),
  };
}

describe('multiply in Z_2^128 with a dealer triple', () => {
  it('reconstructs x y mod 2^128 for any x and y, among them a lifted bit times a wide figure', async () => {
    const pairs = fc.array(
      fc.oneof(fc.tuple(value128, value128), fc.tuple(value128, fc.constantFrom(0n, 1n))),
      { minLength: 1, maxLength: 24 },
    );
    await fc.assert(
      fc.asyncProperty(pairs, async (cases) => {
        const x = wideShares(cases.map(([v]) => v));
        const y = wideShares(cases.map(([, v]) => v));
        const { A: outA, B: outB } = await runTwoParty(
          [{ kind: 'wideTriple', count: cases.length }],
          async (c, m) => {
            const [z] = await runRound(c, [
              wideMultiplyStep(c, x[c.party], y[c.party], m.wideTriples(cases.length)),
            ]);
            m.assertConsumed();
            return z;
          },
        );
        expect(elements(add128(outA, outB))).toEqual(cases.map(([a, b]) => (a * b) % MOD));
      }),
      { numRuns: 80 },
    );
  });
});

describe('square in Z_2^128 with a dealer square pair', () => {
  it('reconstructs x^2 mod 2^128 for any x', async () => {
    await fc.assert(
      fc.asyncProperty(values(1), async (xs) => {
        const shareA = xs.map(() => BigInt(`0x${randomBytes(16).toString('hex')}`));
        const A = wideFrom(shareA);
        const B = wideFrom(xs.map((x, i) => (((x - shareA[i]!) % MOD) + MOD) % MOD));
        const { A: outA, B: outB } = await runTwoParty(
          [{ kind: 'wideSquare', count: xs.length }],
          async (c, m) => {
            const [z] = await runRound(c, [
              wideSquareStep(c, c.party === 'A' ? A : B, m.wideSquares(xs.length)),
            ]);
            m.assertConsumed();
            return z;
          },
        );
        expect(elements(add128(outA, outB))).toEqual(xs.map((x) => (x * x) % MOD));
      }),
      { numRuns: 80 },
    );
  });
});
