import { ringVector, type RingVector } from '../../../contract/sharing/ring.ts';
import type { Planes } from './bit-planes.ts';

/**
 * Additive shares of v u, a row's validity bit times a field's offset u = x - low, with no round of its own.
 *
 * The range check opened c = u + r (r the field's whole-ring edaBit), so u = c - r, and the validity bit's
 * conversion (`bitToArithmeticOpenedStep`, with `validity` material) opened e = v ^ rho, where rho is the
 * lift's mask bit. Then v = e + rho - 2 e rho, so v r = e r + (1 - 2e) rho r: r where e = 1 less rho r, and
 * rho r where e = 0. With the dealer's shares of rho r, v u = c v - v r is linear in shares the parties hold
 * and values both know: c v - (e ? r - rho r : rho r), per party, exact mod 2^64. It replaces a bit select
 * (one opened bit and one opened word per row) by material of one word per row. The min/max tournament
 * uses it alike for [z < 0] z: the sign's opening c = z + r, widened to the outputs' bytes, and its bit's lift.
 *
 * `valid`: the party's share of v; `flipped`: the opened e plane; `opened`: c; `mask`: its share of r;
 * `maskProduct`: its share of rho r.
 */
export function validTimesOffset(
  valid: RingVector,
  flipped: Planes,
  opened: RingVector,
  mask: RingVector,
  maskProduct: RingVector,
): RingVector {
  const rows = valid.length;
  const out = ringVector(rows);
  // Statements on the typed arrays, not BigInt locals, keep V8's 64-bit lowering.
  for (let i = 0; i < rows; i++) {
    out[i] = opened[i]! * valid[i]! - maskProduct[i]!;
    if (((flipped[i >>> 5]! >>> (i & 31)) & 1) === 1)
      out[i] = out[i]! + maskProduct[i]! + maskProduct[i]! - mask[i]!;
  }
  return out;
}
