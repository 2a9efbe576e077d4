import { ringVector, sub, type RingVector } from '../../../contract/sharing/ring.ts';
import type { RoundStep } from '../ops.ts';
import { planeWords, planesAsWords, wordsAsPlanes, type Planes } from './bit-planes.ts';
import type { BitSelectShares } from './boolean-shares.ts';

/**
 * b · d for XOR-shared bits b (one plane) and additive shares of d, in ONE round with `bitSelect` material
 * (a daBit rho and a product pair beta, rho beta): open e = b ^ rho (1 bit) and f = d - beta, then
 * rho d = f rho + rho beta is local, and b d = rho d where e = 0, d - rho d where e = 1 (b = 1 - rho).
 * Both openings are masked by material neither party knows. The two steps go into one `runRound`; their
 * results go to `combine`. `openedBytes` as for any multiplication: f is needed only mod 2^(8 openedBytes)
 * when the result is, and the result is then exact mod 2^(8 openedBytes) only.
 */
export function selectByBitSteps(
  bit: Planes,
  d: RingVector,
  material: BitSelectShares,
  openedBytes = 8,
): { steps: [RoundStep<Planes>, RoundStep<RingVector>]; combine(e: Planes, f: RingVector): RingVector } {
  const n = d.length;
  if (bit.length !== planeWords(n) || material.rho.length !== n)
    throw new RangeError(`a select of ${n} values needs one plane and ${n} selects`);
  const mine = new Uint32Array(bit.length);
  for (let i = 0; i < mine.length; i++) mine[i] = bit[i]! ^ material.rhoBits[i]!;
  const maskedBits = planesAsWords(mine);
  const bitStep: RoundStep<Planes> = {
    masked: maskedBits,
    finish: (opened) => {
      const theirs = wordsAsPlanes(sub(opened, maskedBits));
      return mine.map((word, i) => word ^ theirs[i]!);
    },
  };
  const valueStep: RoundStep<RingVector> = {
    masked: sub(d, material.beta),
    openedBytes,
    finish: (opened) => opened,
  };
  return {
    steps: [bitStep, valueStep],
    combine(e, f) {
      const { rho, c } = material;
      const out = ringVector(n);
      if (openedBytes <= 4) {
        // Exact mod 2^32 suffices: the low halves in plain numbers, the high halves left zero.
        const [fh, rh, ch, dh, oh] = [f, rho, c, d, out].map(
          (words) => new Uint32Array(words.buffer, words.byteOffset, 2 * n),
        );
        for (let i = 0; i < n; i++) {
          const rhoD = (Math.imul(fh![2 * i]!, rh![2 * i]!) + ch![2 * i]!) >>> 0;
          oh![2 * i] = ((e[i >>> 5]! >>> (i & 31)) & 1) === 1 ? dh![2 * i]! - rhoD : rhoD;
        }
        return out;
      }
      // f is public: the share of f rho is f times the share of rho. Statements on the typed arrays, not a
      // BigInt local in a conditional expression, keep V8's 64-bit lowering (an order of magnitude here).
      for (let i = 0; i < n; i++) {
        out[i] = f[i]! * rho[i]! + c[i]!;
        if (((e[i >>> 5]! >>> (i & 31)) & 1) === 1) out[i] = d[i]! - out[i]!;
      }
      return out;
    },
  };
}
