import { describe, expect, it } from 'vitest';
import type { ComputationSpec } from '../../../contract/analysis/analysis-spec.ts';
import { runJobInMemory } from './run-job-in-memory.ts';

/**
 * What this shows, honestly: for two very different input sets (all rows at the lower bound vs. all at the
 * upper bound), each server's view has (1) exactly the same shape (number and sizes of messages received,
 * share payload and dealer material sizes) and (2) the same distribution, judged on the top 4 bits of its
 * bytes by chi-square tests (p > 0.0001 each) over 120 independent runs per input set: the messages it
 * receives and B's input share words against uniform and between the two input sets; the dealer material
 * between the two input sets (it holds headers and control bits, so it is not uniform). A's input share is
 * a fresh random seed. This cannot prove independence (it looks at one low-dimensional marginal), but it
 * does catch a server receiving unmasked or badly masked values: the control at the end feeds the cleartext
 * rows to the same statistic and is rejected.
 */
const spec: ComputationSpec = {
  fields: [{ name: 'x', type: 'int', min: -50, max: 50 }],
  analyses: [
    { kind: 'variance' },
    { kind: 'histogram', binEdges: [0, 10] },
    { kind: 'min' },
    { kind: 'max' },
  ],
};
const RUNS = 120;
const ROWS = 5;
const BUCKETS = 16;
/** Chi-square critical value for 15 degrees of freedom at p = 0.0001 (13 tests: false alarm about 0.1%). */
const CRITICAL = 44.26;

/** Histogram of the high 4 bits of every byte (messages may carry fewer than 8 bytes per word). */
function topNibbles(messages: readonly Uint8Array[], into: number[]): void {
  for (const message of messages) {
    for (const byte of message) into[byte >> 4]!++;
  }
}

function chiSquareUniform(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
}

function chiSquareHomogeneity(a: readonly number[], b: readonly number[]): number {
  const totalA = a.reduce((x, y) => x + y, 0);
  const totalB = b.reduce((x, y) => x + y, 0);
  let statistic = 0;
  for (let i = 0; i < a.length; i++) {
    const column = a[i]! + b[i]!;
    // A value seen in neither sample says nothing (A's material is headers only: most nibbles never occur).
    if (column === 0) continue;
    const expectedA = (column * totalA) / (totalA + totalB);
    const expectedB = (column * totalB) / (totalA + totalB);
    statistic += (a[i]! - expectedA) ** 2 / expectedA + (b[i]! - expectedB) ** 2 / expectedB;
  }
  return statistic;
}

type View = 'receivedA' | 'receivedB' | 'inputShareB' | 'materialA' | 'materialB';
const VIEWS: View[] = ['receivedA', 'receivedB', 'inputShareB', 'materialA', 'materialB'];
const INPUT_HEADER_BYTES = 24;

async function views(value: number): Promise<{ shapes: string[]; nibbles: Record<View, number[]> }> {
  const nibbles = Object.fromEntries(
    VIEWS.map((view) => [view, new Array<number>(BUCKETS).fill(0)]),
  ) as Record<View, number[]>;
  const shapes: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    const rows = Array.from({ length: ROWS }, () => [value]);
    const { channels, payloads, material } = await runJobInMemory(spec, [rows]);
    // channels[0] is A's end: what A received from B; channels[1] is B's end.
    topNibbles(channels[0].received, nibbles.receivedA);
    topNibbles(channels[1].received, nibbles.receivedB);
    topNibbles(
      payloads.map((p) => p.B.subarray(INPUT_HEADER_BYTES)),
      nibbles.inputShareB,
    );
    topNibbles(
      material.map((m) => m.A),
      nibbles.materialA,
    );
    topNibbles(
      material.map((m) => m.B),
      nibbles.materialB,
    );
    shapes.push(
      [
        ...channels.map((channel) => channel.received.map((m) => m.byteLength).join(',')),
        ...payloads.map((p) => `${p.A.byteLength},${p.B.byteLength}`),
        ...material.map((m) => `${m.A.byteLength},${m.B.byteLength}`),
      ].join('|'),
    );
  }
  return { shapes, nibbles };
}

describe("a server's view does not depend on the inputs", () => {
  it('same shapes; received words, input shares and dealer material equally distributed for opposite inputs', async () => {
    const low = await views(-50);
    const high = await views(50);
    expect(new Set([...low.shapes, ...high.shapes]).size).toBe(1);
    for (const view of VIEWS) {
      if (!view.startsWith('material')) {
        expect(chiSquareUniform(low.nibbles[view]), view).toBeLessThan(CRITICAL);
        expect(chiSquareUniform(high.nibbles[view]), view).toBeLessThan(CRITICAL);
      }
      expect(chiSquareHomogeneity(low.nibbles[view], high.nibbles[view]), view).toBeLessThan(CRITICAL);
    }
  }, 60_000);

  it('control: the same statistic rejects a view made of the cleartext rows', () => {
    const cleartext = new Array<number>(BUCKETS).fill(0);
    const words = BigUint64Array.from({ length: RUNS * ROWS }, (_, i) =>
      BigInt.asUintN(64, BigInt((i % 101) - 50)),
    );
    topNibbles([new Uint8Array(words.buffer)], cleartext);
    expect(chiSquareUniform(cleartext)).toBeGreaterThan(CRITICAL);
  });
});
