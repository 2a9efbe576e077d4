import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { liftFromStep } from '../../../mpc-servers/engine/narrow-lift.ts';
import { runRound } from '../../../mpc-servers/engine/ops.ts';
import { ringVector, wordsFromBytes } from '../../../contract/sharing/ring.ts';
import { reconstruct, runTwoParty } from './two-party.ts';

/**
 * The lift from Z_2^m to Z_2^64: shares exact only mod 2^m (their high bits arbitrary, as a narrow
 * comparison's outputs are) of any y < 2^(m-1) reconstruct to y exactly in Z_2^64, for m from 2 to 63, at
 * y = 0, 1 and 2^(m-1) - 1 and with every combination of the shares' bits m - 1.
 */
describe('liftFromStep', () => {
  it('gives exact 64-bit shares of y < 2^(m-1) from shares exact mod 2^m', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 63 }),
        fc.array(
          fc.tuple(fc.bigInt({ min: 0n, max: (1n << 62n) - 1n }), fc.nat(3), fc.constantFrom(0, 1, 2)),
          {
            minLength: 1,
            maxLength: 70,
          },
        ),
        async (m, cases) => {
          const mod = 1n << BigInt(m);
          const top = 1n << BigInt(m - 1);
          const ys = cases.map(([raw, , edge]) => (edge === 0 ? 0n : edge === 1 ? top - 1n : raw % top));
          const noise = wordsFromBytes(randomBytes(ys.length * 16));
          const a = ringVector(ys.length);
          const b = ringVector(ys.length);
          cases.forEach(([, bits], i) => {
            // A's share mod 2^m with the asked bit m - 1; B's makes the sum y mod 2^m; both get junk above m.
            let shareA = noise[i]! % top;
            if ((bits & 1) === 1) shareA += top;
            let shareB = (((ys[i]! - shareA) % mod) + mod) % mod;
            if (((shareB >> BigInt(m - 1)) & 1n) !== BigInt(bits >> 1)) {
              shareA = (shareA + top) % mod;
              shareB = (((ys[i]! - shareA) % mod) + mod) % mod;
            }
            a[i] = BigInt.asUintN(64, shareA + ((noise[ys.length + i]! >> BigInt(m)) << BigInt(m)));
            b[i] = BigInt.asUintN(64, shareB - ((noise[i]! >> BigInt(m)) << BigInt(m)));
          });
          const out = await runTwoParty([{ kind: 'lift', count: ys.length }], async (context, material) => {
            const [lifted] = await runRound(context, [
              liftFromStep(context, context.party === 'A' ? a : b, m, material.lifts(ys.length)),
            ]);
            return lifted;
          });
          expect(reconstruct(out.A, out.B)).toEqual(ys);
        },
      ),
      { numRuns: 200 },
    );
  });
});
