import { randomBytes } from 'node:crypto';

/**
 * Exact sampling of the discrete Laplace distribution, pmf proportional to exp(-|z| / b) over the integers,
 * for a rational scale b = t / s (Canonne, Kamath, Steinke: "The Discrete Gaussian for Differential
 * Privacy", NeurIPS 2020, Algorithm 2). Only integer arithmetic and uniform integers below a bound: no
 * floating point, so no rounding artefacts in the tails (Mironov, CCS 2012).
 */
export interface UniformSource {
  /** A uniform integer in [0, bound), bound >= 1. */
  below(bound: bigint): bigint;
}

/** Uniform integers from a byte source by rejection (the CSPRNG by default). */
export function uniformSource(bytes: (length: number) => Uint8Array = randomBytes): UniformSource {
  return {
    below(bound) {
      if (bound <= 0n) throw new RangeError('bound must be positive');
      if (bound === 1n) return 0n;
      const bits = (bound - 1n).toString(2).length;
      const length = Math.ceil(bits / 8);
      const excess = BigInt(length * 8 - bits);
      for (;;) {
        let value = 0n;
        for (const byte of bytes(length)) value = (value << 8n) | BigInt(byte);
        value >>= excess;
        if (value < bound) return value;
      }
    },
  };
}

/** Bernoulli(n / d) for 0 <= n <= d. */
function bernoulli(source: UniformSource, n: bigint, d: bigint): boolean {
  return source.below(d) < n;
}

/** Bernoulli(exp(-n / d)) for n, d >= 0 integers, d > 0. */
export function bernoulliExp(source: UniformSource, n: bigint, d: bigint): boolean {
  while (n > d) {
    if (!bernoulliExpAtMostOne(source, 1n, 1n)) return false;
    n -= d;
  }
  return bernoulliExpAtMostOne(source, n, d);
}

/** Bernoulli(exp(-gamma)) for gamma = n / d in [0, 1]: the parity of the first failure index. */
function bernoulliExpAtMostOne(source: UniformSource, n: bigint, d: bigint): boolean {
  let k = 1n;
  while (bernoulli(source, n, d * k)) k++;
  return k % 2n === 1n;
}

/** One sample of the discrete Laplace distribution of scale t / s (t, s >= 1). */
export function sampleDiscreteLaplace(source: UniformSource, t: bigint, s: bigint): bigint {
  if (t < 1n || s < 1n) throw new RangeError('the scale must be a positive rational t / s');
  for (;;) {
    const u = source.below(t);
    if (!bernoulliExp(source, u, t)) continue;
    let v = 0n;
    while (bernoulliExp(source, 1n, 1n)) v++;
    // x = u + t v has P(x) proportional to exp(-x / t), so y = floor(x / s) has P(y) ~ exp(-y s / t).
    const y = (u + t * v) / s;
    const negative = source.below(2n) === 1n;
    if (negative && y === 0n) continue;
    return negative ? -y : y;
  }
}
