import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bitToArithmeticOpenedStep } from '../../../../../mpc-servers/engine/boolean/bit-to-arithmetic.ts';
import { planeWords, wordsOfPlanes } from '../../../../../mpc-servers/engine/boolean/bit-planes.ts';
import { validTimesOffset } from '../../../../../mpc-servers/engine/boolean/valid-offsets.ts';
import { materialBytes } from '../../../../../mpc-servers/engine/material.ts';
import { runRound } from '../../../../../mpc-servers/engine/ops.ts';
import { add, mul, sub, wordsFromBytes } from '../../../../../contract/sharing/ring.ts';
import { openPlanes, runBoth, sharePlanes } from './boolean-harness.ts';

const count = 100;

describe('edaBits with a lift', () => {
  it('give per field an edaBit r_f, one lift and shares of rho r_f', async () => {
    const out = await runBoth([{ kind: 'edaLift', count, fields: 2 }], async (_context, material) =>
      Promise.resolve(material.edaLifts(count, 2)),
    );
    const rho = out.A.lift.maskBit.map((bit, i) => bit ^ out.B.lift.maskBit[i]!);
    expect(add(out.A.lift.product, out.B.lift.product)).toEqual(mul(out.A.lift.maskBit, out.B.lift.maskBit));
    for (const f of [0, 1]) {
      const r = add(out.A.edaBits[f]!.arithmetic, out.B.edaBits[f]!.arithmetic);
      expect(wordsOfPlanes(openPlanes(out.A.edaBits[f]!.bits, out.B.edaBits[f]!.bits), count, 64)).toEqual(r);
      expect(add(out.A.maskProducts[f]!, out.B.maskProducts[f]!)).toEqual(mul(rho, r));
    }
    expect(new Set(rho).size).toBe(2);
  });

  it('cost B per row and field 8 bytes of bits and 8 of rho r_f, and 8 for the lift', () => {
    const rows = 64;
    const requests = [{ kind: 'edaLift', count: rows, fields: 2 } as const];
    expect(materialBytes(requests, 'B')).toBe(8 + 8 + rows * (2 * 8 + 8 + 2 * 8));
    expect(materialBytes(requests, 'A')).toBe(8 + 8);
  });

  it('with fewer bits and narrow outputs store the products mod 2^outputBits', async () => {
    const request = { kind: 'edaLift', count, fields: 1, bits: 26, outputBits: 32 } as const;
    const out = await runBoth([request], async (_context, material) =>
      Promise.resolve(material.edaLifts(count, 1, 26, 32)),
    );
    const low = (words: BigUint64Array): BigUint64Array => words.map((word) => word & 0xffffffffn);
    const rho = out.A.lift.maskBit.map((bit, i) => bit ^ out.B.lift.maskBit[i]!);
    const r = add(out.A.edaBits[0]!.arithmetic, out.B.edaBits[0]!.arithmetic);
    expect(wordsOfPlanes(openPlanes(out.A.edaBits[0]!.bits, out.B.edaBits[0]!.bits), count, 26)).toEqual(
      r.map((v) => v & ((1n << 26n) - 1n)),
    );
    expect(low(add(out.A.lift.product, out.B.lift.product))).toEqual(
      low(mul(out.A.lift.maskBit, out.B.lift.maskBit)),
    );
    expect(low(add(out.A.maskProducts[0]!, out.B.maskProducts[0]!))).toEqual(low(mul(rho, r)));
    // B: 26 planes of whole 64-row words per value, and 4 bytes each for the lift and rho r.
    expect(materialBytes([request], 'B')).toBe(8 + 8 + 26 * 4 * 4 + 2 * 400);
  });

  it('refuse a request for another number of fields', async () => {
    await expect(
      runBoth([{ kind: 'edaLift', count, fields: 2 }], async (_context, material) =>
        Promise.resolve(material.edaLifts(count, 1)),
      ),
    ).rejects.toThrow(/needed 100 rows of 1 64-bit edaBits with a lift at section 0/);
  });
});

describe('validTimesOffset', () => {
  it('gives shares of v u from the opened u + r, the opened v ^ rho and the masks', async () => {
    const u = wordsFromBytes(randomBytes(count * 8));
    const vPlane = new Uint32Array(randomBytes(planeWords(count) * 4).buffer);
    vPlane[planeWords(count) - 1]! &= (1 << (count % 32)) - 1;
    const shared = sharePlanes(vPlane);
    const uA = wordsFromBytes(randomBytes(count * 8));
    const uShares = { A: uA, B: sub(u, uA) };
    const out = await runBoth([{ kind: 'edaLift', count, fields: 1 }], async (context, material) => {
      const masks = material.edaLifts(count, 1);
      const { arithmetic: r } = masks.edaBits[0]!;
      const [c] = await runRound(context, [{ masked: add(uShares[context.party], r), finish: (o) => o }]);
      const [{ arithmetic, opened }] = await runRound(context, [
        bitToArithmeticOpenedStep(context, shared[context.party], count, masks.lift),
      ]);
      return validTimesOffset(arithmetic, opened, c, r, masks.maskProducts[0]!);
    });
    const v = wordsOfPlanes(vPlane, count, 1);
    expect(add(out.A, out.B)).toEqual(mul(v, u));
  });
});
