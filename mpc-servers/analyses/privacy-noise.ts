import type { ComputationSpec } from '../../contract/analysis/analysis-spec.ts';
import { noisedFigures } from '../../contract/result/noise-scales.ts';
import type { RingVector } from '../../contract/sharing/ring.ts';
import { sampleDiscreteLaplace, uniformSource, type UniformSource } from '../engine/discrete-laplace.ts';

/**
 * Program step for differential privacy: this party adds its own discrete Laplace sample of the figure's
 * full scale (`noise-scales.ts`) to its share of every released figure, in place, before anything is
 * compared or sealed. Both parties do so independently from their own CSPRNG: the opened figure carries
 * both samples, and each one alone makes it (epsilon, 0)-DP, so a server that knows its own sample still
 * faces the other's. Wide figures (Z_2^128, low limb first) get the sample as a 128-bit integer.
 * No communication and no dealer material.
 */
export function addPrivacyNoise(
  spec: ComputationSpec,
  words: RingVector,
  source: UniformSource = uniformSource(),
): void {
  for (const figure of noisedFigures(spec)) {
    const noise = sampleDiscreteLaplace(source, figure.scale.numerator, figure.scale.denominator);
    if (!figure.wide) {
      words[figure.word] = BigInt.asUintN(64, words[figure.word]! + noise);
      continue;
    }
    const value = BigInt.asUintN(128, words[figure.word]! + (words[figure.word + 1]! << 64n) + noise);
    words[figure.word] = BigInt.asUintN(64, value);
    words[figure.word + 1] = value >> 64n;
  }
}
