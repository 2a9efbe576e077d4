import { describe, expect, it } from 'vitest';
import {
  planeWords,
  planesOfWords,
  wordsOfPlanes,
} from '../../../../../mpc-servers/engine/boolean/bit-planes.ts';
import { materialBytes } from '../../../../../mpc-servers/engine/material.ts';
import { add } from '../../../../../contract/sharing/ring.ts';
import { openPlanes, runBoth } from './boolean-harness.ts';

describe('edaBits', () => {
  it('give the same r as additive shares and as XOR-shared bits', async () => {
    const count = 100;
    const out = await runBoth([{ kind: 'edaBit', count }], async (_context, material) =>
      Promise.resolve(material.edaBits(count)),
    );
    const r = add(out.A.arithmetic, out.B.arithmetic);
    const bits = openPlanes(out.A.bits, out.B.bits);
    expect(bits.length).toBe(64 * planeWords(count));
    expect(wordsOfPlanes(bits, count, 64)).toEqual(r);
    // Bit planes are a faithful transposition, padding rows zero.
    expect(planesOfWords(r)).toEqual(bits);
    expect(new Set(r).size).toBe(count);
  });

  it('with fewer bits give r mod 2^k as XOR-shared planes, and are told apart by their bits', async () => {
    const count = 70;
    const out = await runBoth([{ kind: 'edaBit', count, bits: 26 }], async (_context, material) =>
      Promise.resolve(material.edaBits(count, 26)),
    );
    const r = add(out.A.arithmetic, out.B.arithmetic);
    expect(wordsOfPlanes(openPlanes(out.A.bits, out.B.bits), count, 26)).toEqual(
      r.map((v) => v & ((1n << 26n) - 1n)),
    );
    await expect(
      runBoth([{ kind: 'edaBit', count, bits: 26 }], async (_context, material) =>
        Promise.resolve(material.edaBits(count)),
      ),
    ).rejects.toThrow(/needed 70 64-bit edaBits at section 0, found 70 26-bit edaBits/);
  });

  it('cost B 8 bytes per value (whole 64-row planes) and A nothing but the header', () => {
    const requests = [{ kind: 'edaBit', count: 65 } as const];
    expect(materialBytes(requests, 'B')).toBe(8 + 8 + 64 * 2 * 8);
    expect(materialBytes(requests, 'A')).toBe(8 + 8);
  });
});
