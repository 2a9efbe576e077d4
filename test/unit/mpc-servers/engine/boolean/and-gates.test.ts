import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { andGates, andStep } from '../../../../../mpc-servers/engine/boolean/and-gates.ts';
import { runRound } from '../../../../../mpc-servers/engine/ops.ts';
import { openPlanes, runBoth, sharePlanes } from './boolean-harness.ts';

describe('AND gates with boolean triples', () => {
  it('opens to x & y for every gate, all-zero and all-one words included', async () => {
    const words = 2 * 37;
    const x = new Uint32Array(randomBytes(words * 4).buffer);
    const y = new Uint32Array(randomBytes(words * 4).buffer);
    x.fill(0, 0, 2);
    y.fill(0xffffffff, 2, 4);
    x.fill(0xffffffff, 4, 6);
    y.fill(0xffffffff, 4, 6);
    const [xs, ys] = [sharePlanes(x), sharePlanes(y)];
    const out = await runBoth([{ kind: 'andTriple', count: words / 2 }], async (context, material) => {
      const [z] = await runRound(context, [
        andStep(context, xs[context.party], ys[context.party], material.andTriples(words / 2)),
      ]);
      return z;
    });
    expect(openPlanes(out.A, out.B)).toEqual(x.map((word, i) => word & y[i]!));
  });

  it('refuses triples of another length', async () => {
    await expect(
      runBoth([{ kind: 'andTriple', count: 1 }], async (context, material) => {
        const triples = material.andTriples(1);
        return andStep(context, new Uint32Array(4), new Uint32Array(4), triples);
      }),
    ).rejects.toThrow(/AND of 4 and 4 words with 2 words/);
  });

  it("takes the peer's message at any byte offset, as a view into a larger pooled Buffer", async () => {
    const words = 2 * 5;
    const x = new Uint32Array(randomBytes(words * 4).buffer);
    const y = new Uint32Array(randomBytes(words * 4).buffer);
    const [xs, ys] = [sharePlanes(x), sharePlanes(y)];
    const out = await runBoth([{ kind: 'andTriple', count: words / 2 }], async (context, material) => {
      // What the TCP adapter hands over: the message 4 bytes into a frame, inside a larger Buffer of odd length.
      const channel = {
        ...context.channel,
        exchange: async (message: Uint8Array) => {
          const received = await context.channel.exchange(message);
          const pool = Buffer.alloc(received.length + 7);
          pool.set(received, 1);
          return pool.subarray(1, 1 + received.length);
        },
      };
      return andGates(
        { ...context, channel },
        [xs[context.party]],
        [ys[context.party]],
        material.andTriples(words / 2),
      );
    });
    expect(openPlanes(out.A, out.B)).toEqual(x.map((word, i) => word & y[i]!));
  });
});
