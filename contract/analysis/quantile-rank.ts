import type { FieldSpec } from './analysis-spec.ts';
import { encodedBounds } from './field-encoding.ts';
import { MAX_QUANTILE_DECIMALS } from './spec-limits.ts';

/**
 * The rank rule of `quantile`, shared by the servers (program), the coordinator (computability) and the
 * cleartext references: p is the decimal it is written as (JavaScript's shortest round-trip form), so
 * p = numerator / denominator exactly with denominator = 10^d, d <= MAX_QUANTILE_DECIMALS. Over n valid rows
 * the quantile is the smallest encoded value v with #(x <= v) >= k, k = ceil(p n) (for p = 0.5 the lower
 * median); with n = 0 there is none.
 */
export interface QuantileFraction {
  numerator: bigint;
  denominator: bigint;
}

/** p as an exact decimal fraction, or undefined when p is not in (0, 1) with at most the allowed decimals. */
export function quantileFraction(p: number): QuantileFraction | undefined {
  if (!Number.isFinite(p) || p <= 0 || p >= 1) return undefined;
  const match = /^0\.(\d+)$/.exec(String(p));
  if (!match || match[1]!.length > MAX_QUANTILE_DECIMALS) return undefined;
  return { numerator: BigInt(match[1]!), denominator: 10n ** BigInt(match[1]!.length) };
}

/** k = ceil(p n), exactly. */
export function quantileRank(p: number, n: number): number {
  const fraction = quantileFraction(p);
  if (!fraction) throw new RangeError(`quantile p ${p} is not a decimal in (0, 1)`);
  const product = fraction.numerator * BigInt(n);
  return Number((product + fraction.denominator - 1n) / fraction.denominator);
}

/**
 * Bits L of the bisection domain: encoded values are searched as y = x - low in [0, 2^L), L the fewest bits
 * holding high - low. Each round compares y - m with a secret midpoint m, which needs L + 2 signed bits.
 */
export function quantileDomainBits(field: FieldSpec): number {
  const { low, high } = encodedBounds(field);
  const width = high - low;
  let bits = 0;
  while (1n << BigInt(bits) <= width) bits++;
  return bits;
}

/** Why a quantile over the field cannot be computed (undeclared bounds, or a domain too wide), or undefined. */
export function quantileDomainProblem(field: FieldSpec): string | undefined {
  if (field.min === undefined || field.max === undefined)
    return `field "${field.name}": quantile needs declared min and max (it bisects the declared domain)`;
  const bits = quantileDomainBits(field);
  if (bits + 2 > 64)
    return `field "${field.name}": quantile needs ${bits + 2}-bit comparisons, more than the ring has; declare narrower bounds or fewer fractionalBits`;
  return undefined;
}
