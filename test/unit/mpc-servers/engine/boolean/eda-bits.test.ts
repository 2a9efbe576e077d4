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

  it('cost B 8 bytes per value (whole 64-row planes) and A nothing but the header', () => {
    const requests = [{ kind: 'edaBit', count: 65 } as const];
    expect(materialBytes(requests, 'B')).toBe(8 + 8 + 64 * 2 * 8);
    expect(materialBytes(requests, 'A')).toBe(8 + 8);
  });
});
