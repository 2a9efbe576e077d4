import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { selectByBitSteps } from '../../../../../mpc-servers/engine/boolean/select-by-bit.ts';
import { materialBytes } from '../../../../../mpc-servers/engine/material.ts';
import {
  signBitRequests,
  signFromOpened,
  signOpenStep,
} from '../../../../../mpc-servers/engine/boolean/sign-bit.ts';
import { runRound } from '../../../../../mpc-servers/engine/ops.ts';
import type { MaterialRequest } from '../../../../../mpc-servers/engine/material.ts';
import { add, sub, wordsFromBytes, type RingVector } from '../../../../../contract/sharing/ring.ts';
import { bitAt, runBoth, sharePlanes } from './boolean-harness.ts';
import { planesOfWords } from '../../../../../mpc-servers/engine/boolean/bit-planes.ts';

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

describe('select by an XOR-shared bit in one round', () => {
  it('gives b d for b in {0, 1}, also mod 2^(8 w) with w-byte openings', async () => {
    const n = 130;
    const d = BigUint64Array.from(random(n));
    const b = BigUint64Array.from(random(n).map((r) => r & 1n));
    const bits = sharePlanes(planesOfWords(b, 1));
    const ds = share(d);
    // Material stored at the full ring and at the openings' width (B keeps only those low bytes).
    for (const openedBytes of [8, 4, 3, 1])
      for (const outputBits of [64, 8 * openedBytes]) {
        const request = { kind: 'bitSelect', count: n, outputBits } as const;
        const out = await runBoth([request], async (context, material) => {
          const select = selectByBitSteps(
            bits[context.party],
            ds[context.party],
            material.bitSelects(n, outputBits),
            openedBytes,
          );
          const [e, f] = await runRound(context, select.steps);
          return select.combine(e, f);
        });
        const mask = (1n << BigInt(8 * openedBytes)) - 1n;
        expect([...add(out.A, out.B)].map((v) => v & mask)).toEqual([...d].map((v, i) => (b[i]! * v) & mask));
      }
  });

  it('stores B 2 ceil(outputBits / 8) bytes per select, and refuses material of another width', async () => {
    const n = 1024;
    const body = (outputBits: number): number =>
      materialBytes([{ kind: 'bitSelect', count: n, outputBits }], 'B') - 16;
    expect(body(64)).toBe(16 * n);
    expect(body(32)).toBe(8 * n);
    expect(body(24)).toBe(6 * n);
    await expect(
      runBoth([{ kind: 'bitSelect', count: n, outputBits: 32 }], async (_, material) =>
        material.bitSelects(n),
      ),
    ).rejects.toThrow(/needed 1024 bitSelects at section 0, found 1024 bitSelects \(outputs mod 2\^32\)/);
  });
});
