import { describe, expect, it } from 'vitest';
import type { ComputationSpec } from '../../../mpc-servers/contract/analysis-spec.ts';
import { wordsFromBytes } from '../../../mpc-servers/engine/ring.ts';
import { runJobInMemory } from './run-job-in-memory.ts';

/**
 * What this shows, honestly: for two very different input sets (all rows at the lower bound vs. all at the
 * upper bound), (1) each server receives messages of exactly the same number and sizes, and (2) the words
 * it receives have the same distribution, judged on their top 4 bits by chi-square tests (against uniform
 * and between the two input sets, p > 0.0001 each) over 120 independent runs per input set. This cannot
 * prove independence (it looks at one low-dimensional marginal), but it does catch a server receiving
 * unmasked or badly masked values: the control at the end feeds the cleartext rows to the same statistic
 * and is rejected.
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
/** Chi-square critical value for 15 degrees of freedom at p = 0.0001 (six tests: false alarm below 0.1%). */
const CRITICAL = 44.26;

function topNibbles(messages: readonly Uint8Array[], into: number[]): void {
  for (const message of messages) {
    for (const word of wordsFromBytes(message)) into[Number(word >> 60n)]!++;
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
    const expectedA = (column * totalA) / (totalA + totalB);
    const expectedB = (column * totalB) / (totalA + totalB);
    statistic += (a[i]! - expectedA) ** 2 / expectedA + (b[i]! - expectedB) ** 2 / expectedB;
  }
  return statistic;
}

async function views(value: number): Promise<{ shapes: string[]; nibbles: Record<'A' | 'B', number[]> }> {
  const nibbles = { A: new Array<number>(BUCKETS).fill(0), B: new Array<number>(BUCKETS).fill(0) };
  const shapes: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    const rows = Array.from({ length: ROWS }, () => [value]);
    const { channels } = await runJobInMemory(spec, [rows]);
    // channels[0] is A's end: what A received from B; channels[1] is B's end.
    topNibbles(channels[0].received, nibbles.A);
    topNibbles(channels[1].received, nibbles.B);
    shapes.push(channels.map((channel) => channel.received.map((m) => m.byteLength).join(',')).join('|'));
  }
  return { shapes, nibbles };
}

describe("a server's view does not depend on the inputs", () => {
  it('same message shapes, and received words uniform and equally distributed for opposite inputs', async () => {
    const low = await views(-50);
    const high = await views(50);
    expect(new Set([...low.shapes, ...high.shapes]).size).toBe(1);
    for (const party of ['A', 'B'] as const) {
      expect(chiSquareUniform(low.nibbles[party])).toBeLessThan(CRITICAL);
      expect(chiSquareUniform(high.nibbles[party])).toBeLessThan(CRITICAL);
      expect(chiSquareHomogeneity(low.nibbles[party], high.nibbles[party])).toBeLessThan(CRITICAL);
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
