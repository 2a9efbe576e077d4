import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bitToArithmeticOpenedStep } from '../../../../../mpc-servers/engine/boolean/bit-to-arithmetic.ts';
import { validTimesOffset } from '../../../../../mpc-servers/engine/boolean/valid-offsets.ts';
import {
  signBitRequests,
  signFromOpened,
  signOpenStep,
} from '../../../../../mpc-servers/engine/boolean/sign-bit.ts';
import { runRound } from '../../../../../mpc-servers/engine/ops.ts';
import type { MaterialRequest } from '../../../../../mpc-servers/engine/material.ts';
import { add, sub, wordsFromBytes, type RingVector } from '../../../../../contract/sharing/ring.ts';
import { bitAt, runBoth } from './boolean-harness.ts';

const word = (value: bigint): bigint => BigInt.asUintN(64, value);
const random = (n: number): bigint[] => [...wordsFromBytes(randomBytes(8 * n))];

function share(values: RingVector): Record<'A' | 'B', RingVector> {
  const A = wordsFromBytes(randomBytes(8 * values.length));
  return { A, B: sub(values, A) };
}

/** Reconstructed [z < 0] of signed `bits`-bit values, with exactly the material the circuit names. */
async function signs(values: readonly bigint[], bits: number): Promise<number[]> {
  const z = share(BigUint64Array.from(values.map(word)));
  const n = values.length;
  const requests: MaterialRequest[] = [{ kind: 'edaBit', count: n, bits }, ...signBitRequests(bits, n)];
  const out = await runBoth(requests, async (context, material) => {
    const edaBits = material.edaBits(n, bits);
    const [opened] = await runRound(context, [signOpenStep(z[context.party], edaBits, bits)]);
    return signFromOpened(context, opened, edaBits, bits, (words) => material.andTriples(words));
  });
  const sign = out.A.map((w, i) => w ^ out.B[i]!);
  return values.map((_, i) => bitAt(sign, i));
}

describe('sign bit by an edaBit and a comparison circuit', () => {
  it.each([2, 3, 9, 26, 33, 64])('is exact over the signed %i-bit range, edges included', async (bits) => {
    const half = 1n << BigInt(bits - 1);
    const edges = [-half, -half + 1n, -2n, -1n, 0n, 1n, 2n, half - 2n, half - 1n].filter(
      (v) => v >= -half && v < half,
    );
    const inside = random(120).map((r) => BigInt.asIntN(bits, r));
    const values = [...edges, ...inside];
    expect(await signs(values, bits)).toEqual(values.map((v) => (v < 0n ? 1 : 0)));
  });

  it('reads only the low bits: words above 2^k do not change the answer', async () => {
    const bits = 26;
    const values = random(64).map((r) => BigInt.asIntN(bits, r));
    const moved = values.map((v, i) => v + (BigInt(i) << 40n));
    expect(await signs(moved, bits)).toEqual(values.map((v) => (v < 0n ? 1 : 0)));
  });

  it('refuses bit lengths outside 2..64', () => {
    expect(() => signBitRequests(65, 4)).toThrow(/65 bits/);
    expect(() => signBitRequests(1, 4)).toThrow(/1 bits/);
  });
});

describe('the sign bit times the value, as the min/max tournament uses it', () => {
  it('gives [z < 0] z mod 2^(8 w) from the wider opening, one lift and no select', async () => {
    // 26-bit signed values sign-extended to the ring, outputs in 4 or 8 bytes.
    const bits = 26;
    const n = 130;
    const values = random(n).map((r) => BigInt.asIntN(bits, r));
    const z = share(BigUint64Array.from(values.map(word)));
    for (const openedBytes of [4, 8]) {
      const outputBits = 8 * openedBytes;
      const requests: MaterialRequest[] = [
        { kind: 'edaLift', count: n, fields: 1, bits, outputBits },
        ...signBitRequests(bits, n),
      ];
      const out = await runBoth(requests, async (context, material) => {
        const masks = material.edaLifts(n, 1, bits, outputBits);
        const edaBits = masks.edaBits[0]!;
        const [opened] = await runRound(context, [
          signOpenStep(z[context.party], edaBits, bits, openedBytes),
        ]);
        const sign = await signFromOpened(context, opened, edaBits, bits, (words) =>
          material.andTriples(words),
        );
        const [{ arithmetic, opened: flipped }] = await runRound(context, [
          bitToArithmeticOpenedStep(context, sign, n, masks.lift),
        ]);
        return validTimesOffset(arithmetic, flipped, opened, edaBits.arithmetic, masks.maskProducts[0]!);
      });
      const mask = (1n << BigInt(outputBits)) - 1n;
      expect([...add(out.A, out.B)].map((v) => v & mask)).toEqual(
        values.map((v) => (v < 0n ? word(v) & mask : 0n)),
      );
    }
  });

  it('refuses an opening narrower than the sign needs or wider than a word', () => {
    const edaBits = { arithmetic: new BigUint64Array(1), bits: new Uint32Array(26) };
    expect(() => signOpenStep(new BigUint64Array(1), edaBits, 26, 3)).toThrow(/opens 4..8 bytes, not 3/);
    expect(() => signOpenStep(new BigUint64Array(1), edaBits, 26, 9)).toThrow(/not 9/);
  });
});
