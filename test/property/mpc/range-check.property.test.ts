import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WHOLE_RING_BITS } from '../../../mpc-servers/engine/material.ts';
import { belowPublicStep, runRound } from '../../../mpc-servers/engine/ops.ts';
import { ringVector } from '../../../contract/sharing/ring.ts';
import { reconstruct, runTwoParty, shareVector } from './two-party.ts';

/** The range check's comparison: [u < w] for u anywhere in Z_2^64 (unsigned), exact, edges included. */
const word = fc.oneof(
  fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
  fc.bigInt({ min: (1n << 63n) - 4n, max: (1n << 63n) + 4n }),
  fc.bigInt({ min: (1n << 64n) - 4n, max: (1n << 64n) - 1n }),
  fc.bigInt({ min: 0n, max: 4n }),
);

describe('whole-ring comparison with a public bound', () => {
  it('is exact for any u and w, at u = w - 1, w and w + 1, and near 2^63 and 2^64', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(word, fc.bigInt({ min: 1n, max: (1n << 63n) - 1n })), {
          minLength: 1,
          maxLength: 16,
        }),
        async (cases) => {
          const us = cases.flatMap(([u, w]) => [u, w - 1n, w, w + 1n].map((v) => BigInt.asUintN(64, v)));
          const ws = cases.flatMap(([, w]) => [w, w, w, w]);
          const shared = shareVector(us);
          const width = ringVector(ws.length);
          ws.forEach((w, i) => (width[i] = w));
          const out = await runTwoParty(
            [{ kind: 'comparison', bits: WHOLE_RING_BITS, count: us.length }],
            async (context, material) => {
              const step = belowPublicStep(
                context,
                shared[context.party],
                width,
                material.comparisons(WHOLE_RING_BITS, us.length),
              );
              const [bits] = await runRound(context, [step]);
              return bits;
            },
          );
          expect(reconstruct(out.A, out.B)).toEqual(us.map((u, i) => (u < ws[i]! ? 1n : 0n)));
        },
      ),
      { numRuns: 40 },
    );
  });
});
