import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ComputationSpec } from '../../../contract/analysis/analysis-spec.ts';
import { rowCapOf } from '../../../contract/input/row-cap.ts';
import { noisedFigures } from '../../../contract/result/noise-scales.ts';
import { prgBytes } from '../../../contract/sharing/prg.ts';
import {
  bernoulliExp,
  sampleDiscreteLaplace,
  uniformSource,
} from '../../../mpc-servers/engine/discrete-laplace.ts';
import { runJobInMemory } from './run-job-in-memory.ts';

/**
 * The noise is what it claims: samples from a fixed-seed PRG (deterministic) pass a chi-square test against
 * the discrete Laplace pmf, and a job with privacy on releases the exact figure plus two such samples.
 */
function seededSource(label: string) {
  const seed = createHash('sha256').update(label).digest().subarray(0, 16);
  let block = 0;
  return uniformSource((length) => {
    const bytes = prgBytes(seed, { stream: 7, substream: 0 }, 16 * Math.ceil(length / 16), block);
    block += Math.ceil(length / 16);
    return bytes.subarray(0, length);
  });
}

/** pmf of the discrete Laplace of scale b: (1 - q) / (1 + q) q^|z| with q = exp(-1 / b). */
function pmf(z: number, b: number): number {
  const q = Math.exp(-1 / b);
  return ((1 - q) / (1 + q)) * q ** Math.abs(z);
}

/** Chi-square statistic over bins |z| <= cut (each z its own bin) and the two tails pooled. */
function chiSquare(samples: readonly number[], b: number, cut: number): { statistic: number; dof: number } {
  const observed = new Map<number, number>();
  for (const z of samples) {
    const key = Math.abs(z) > cut ? Math.sign(z) * (cut + 1) : z;
    observed.set(key, (observed.get(key) ?? 0) + 1);
  }
  const q = Math.exp(-1 / b);
  const tail = ((1 - q) / (1 + q)) * (q ** (cut + 1) / (1 - q));
  let statistic = 0;
  let bins = 0;
  for (let key = -(cut + 1); key <= cut + 1; key++) {
    const expected = samples.length * (Math.abs(key) > cut ? tail : pmf(key, b));
    statistic += ((observed.get(key) ?? 0) - expected) ** 2 / expected;
    bins++;
  }
  return { statistic, dof: bins - 1 };
}

describe('discrete Laplace noise', () => {
  it.each([
    { t: 3n, s: 1n },
    { t: 5n, s: 2n },
    { t: 1n, s: 3n },
  ])('matches the pmf of scale $t/$s (chi-square, fixed seed)', ({ t, s }) => {
    const source = seededSource(`laplace ${t}/${s}`);
    const samples = Array.from({ length: 20_000 }, () => Number(sampleDiscreteLaplace(source, t, s)));
    const b = Number(t) / Number(s);
    const cut = Math.max(2, Math.ceil(3 * b));
    const { statistic, dof } = chiSquare(samples, b, cut);
    // The 99.9th percentile of chi-square: dof + 3.1 sqrt(2 dof) + 5 bounds it from above for these dof.
    expect(statistic).toBeLessThan(dof + 3.1 * Math.sqrt(2 * dof) + 5);
    const mean = samples.reduce((a, z) => a + z, 0) / samples.length;
    expect(Math.abs(mean)).toBeLessThan(0.1 * Math.max(1, b));
  });

  it('samples Bernoulli(exp(-gamma)) at the right rate, also for gamma > 1', () => {
    const source = seededSource('bernoulli');
    for (const [n, d] of [
      [1n, 2n],
      [3n, 1n],
      [7n, 4n],
    ] as const) {
      let hits = 0;
      const trials = 20_000;
      for (let i = 0; i < trials; i++) if (bernoulliExp(source, n, d)) hits++;
      const p = Math.exp(-Number(n) / Number(d));
      expect(Math.abs(hits / trials - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / trials));
    }
  });

  it('a job with privacy releases noisy figures around the exact ones and states the mechanism', async () => {
    const spec: ComputationSpec = {
      fields: [{ name: 'x', type: 'int', min: 0, max: 10 }],
      analyses: [{ kind: 'count' }, { kind: 'sum', field: 'x' }],
      privacy: { epsilon: 5, delta: 0 },
      maxRowsPerParticipant: 8,
    };
    const rows = [[1], [2], [3], [4]];
    const figures = noisedFigures(spec);
    // count, sum (wide), dropped rows: three figures, each at epsilon / 3.
    expect(figures.map((figure) => figure.word)).toEqual([0, 1, 3]);
    const { results } = await runJobInMemory(spec, [rows]);
    // The scale is R m / epsilon with R the declared cap (R max|x| for the sum).
    const cap = rowCapOf(spec);
    const [count, sum] = results;
    expect(count!.noiseScales?.count).toBeCloseTo((cap * 3) / 5, 9);
    expect(sum!.noiseScales?.sum).toBeCloseTo((cap * 10 * 3) / 5, 9);
    // Two independent samples of scale b each: beyond 25 b apart from the exact figure with p < 1e-9.
    expect(Number.isInteger(count!.value)).toBe(true);
    expect(Math.abs(count!.value! - 4)).toBeLessThan(25 * ((cap * 3) / 5));
    expect(Math.abs(sum!.value! - 10)).toBeLessThan(25 * ((cap * 10 * 3) / 5));
  });

  it('noise of a count over many jobs: mean near the exact count, spread of two samples of scale b', async () => {
    const spec: ComputationSpec = {
      fields: [{ name: 'x', type: 'int', min: 0, max: 1 }],
      analyses: [{ kind: 'count' }],
      privacy: { epsilon: 10, delta: 0 },
      maxRowsPerParticipant: 5,
    };
    // b = R m / epsilon = 5 * 2 / 10 = 1: the sum of two discrete Laplace samples has variance 2 * 2q/(1-q)^2.
    const b = (rowCapOf(spec) * noisedFigures(spec).length) / spec.privacy!.epsilon;
    expect(b).toBe(1);
    const jobs = 40;
    const errors: number[] = [];
    for (let job = 0; job < jobs; job++) {
      const { results } = await runJobInMemory(spec, [[[1], [0], [1]]]);
      errors.push(results[0]!.value! - 3);
    }
    const q = Math.exp(-1 / b);
    const variance = (2 * 2 * q) / (1 - q) ** 2;
    const mean = errors.reduce((a, e) => a + e, 0) / jobs;
    const observed = errors.reduce((a, e) => a + (e - mean) ** 2, 0) / (jobs - 1);
    // Loose bounds (about 5 standard errors): the noise is neither absent nor scaled to the system cap.
    expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(variance / jobs));
    expect(observed).toBeGreaterThan(variance / 4);
    expect(observed).toBeLessThan(variance * 4);
  }, 120_000);
});
