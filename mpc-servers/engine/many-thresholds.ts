import { add, ringVector, type RingVector } from '../../contract/sharing/ring.ts';
import type { ComparisonShares } from './correlations.ts';
import { dcfEvaluate } from './dcf.ts';
import type { PartyContext, RoundStep } from './ops.ts';

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
