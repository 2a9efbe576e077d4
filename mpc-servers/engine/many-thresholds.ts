import { add, ringVector, type RingVector } from '../../contract/sharing/ring.ts';
import type { ComparisonShares } from './correlations.ts';
import { dcfEvaluate, dcfEvaluatePair } from './dcf.ts';
import { WHOLE_RING_BITS } from './material.ts';
import { belowPublicCombine, type PartyContext, type RoundStep } from './ops.ts';

/**
 * [z < t] for every public t of a list, from ONE comparison key per element: open zHat = z + r once, then
 * zHat - t = (z - t) + r is public for every t, so each [z - t < 0] is `lessThanZeroStep`'s combination at
 * zHat - t (the same DCF key evaluated at another public point; a DCF key may be evaluated at any number of
 * points). Needs -2^(bits-1) <= z - t < 2^(bits-1) for every t. One round, ceil(bits/8) bytes per element per
 * party whatever the number of thresholds; the result holds one vector per threshold.
 */
export function lessThanManyStep(
  context: PartyContext,
  z: RingVector,
  thresholds: readonly bigint[],
  material: ComparisonShares,
): RoundStep<RingVector[]> {
  const { bits } = material;
  const lowMask = (1n << BigInt(bits - 1)) - 1n;
  const topShift = BigInt(bits - 1);
  const party = context.party === 'A' ? 0 : 1;
  const one = context.party === 'A' ? 1n : 0n;
  return {
    masked: add(z, material.mask),
    openedBytes: Math.ceil(bits / 8),
    finish(opened) {
      return thresholds.map((t) => {
        const shifted = ringVector(opened.length);
        for (let i = 0; i < shifted.length; i++) shifted[i] = opened[i]! - t;
        const low = ringVector(shifted.length);
        for (let i = 0; i < low.length; i++) low[i] = shifted[i]! & lowMask;
        const w = add(material.maskTopBit, dcfEvaluate(party, material.dcf, low));
        return signFromBorrow(shifted, w, topShift, one);
      });
    },
  };
}

/** One pass: p xor w for the public top bit p of each shifted opening (w where p = 0, 1 - w where p = 1). */
function signFromBorrow(shifted: RingVector, w: RingVector, topShift: bigint, one: bigint): RingVector {
  const out = ringVector(w.length);
  for (let i = 0; i < out.length; i++) out[i] = ((shifted[i]! >> topShift) & 1n) === 1n ? one - w[i]! : w[i]!;
  return out;
}

/**
 * [u < w] for every public w of a list (each 0 < w), for u anywhere in Z_2^64 read as unsigned, from ONE
 * whole-ring key per element (`WHOLE_RING_BITS`, alpha = r): `belowPublicStep`'s
 * [u < w] = [uHat < w] - [uHat < r] + [uHat - w < r] for every w, with uHat = u + r opened once. The term
 * [uHat < r] is common to all w, so k offsets cost k + 1 evaluations of the key, two at a time sharing their
 * top levels (`dcfEvaluatePair`). Exact for every u and w; one round, 8 bytes per element per party whatever
 * the number of offsets; the result holds one vector per offset, in order.
 */
export function belowPublicManyStep(
  context: PartyContext,
  u: RingVector,
  offsets: readonly bigint[],
  material: ComparisonShares,
): RoundStep<RingVector[]> {
  if (material.bits !== WHOLE_RING_BITS)
    throw new RangeError(`a whole-ring comparison needs ${WHOLE_RING_BITS}-bit material`);
  if (offsets.length === 0) throw new RangeError('a whole-ring comparison needs at least one offset');
  for (const w of offsets)
    if (w <= 0n || w >= 1n << 64n) throw new RangeError(`offset ${w} is outside (0, 2^64)`);
  const party = context.party === 'A' ? 0 : 1;
  const withPublicTerm = context.party === 'A';
  return {
    masked: add(u, material.mask),
    finish(opened) {
      const shifted = offsets.map((w) => {
        const out = ringVector(opened.length);
        for (let i = 0; i < out.length; i++) out[i] = opened[i]! - w;
        return out;
      });
      // Evaluations at uHat and every uHat - w, in pairs.
      const points = [opened, ...shifted];
      const values: RingVector[] = [];
      for (let j = 0; j < points.length; j += 2) {
        if (j + 1 < points.length)
          values.push(...dcfEvaluatePair(party, material.dcf, points[j]!, points[j + 1]!));
        else values.push(dcfEvaluate(party, material.dcf, points[j]!));
      }
      const atMasked = values[0]!;
      return offsets.map((w, k) =>
        belowPublicCombine(
          opened,
          ringVector(opened.length).fill(w),
          atMasked,
          values[k + 1]!,
          withPublicTerm,
        ),
      );
    },
  };
}
