import { runRound, type PartyContext } from '../ops.ts';
import { concatPlanes, notPlanes, plane, xorPlanes, type Planes } from './bit-planes.ts';
import { andStep } from './and-gates.ts';
import type { AndTripleShares } from './boolean-shares.ts';

/** AND triples for a layer of `words` 64-bit words (64 gates each), in program order. */
export type AndTriples = (words: number) => AndTripleShares;

/**
 * AND gates (in planes) per layer of `lessThanPublic` over `bits` bits: the (lt, eq) tree halves the
 * elements per layer, 2 gates per pair except the lowest pair, whose eq no later layer reads.
 */
export function lessThanPublicLayers(bits: number): number[] {
  const layers: number[] = [];
  for (let n = bits; n > 1; n = Math.ceil(n / 2)) layers.push(2 * Math.floor(n / 2) - 1);
  return layers;
}

/**
 * [s < c] for XOR-shared s and public c, `bits`-bit unsigned, bit-sliced (`bits` planes of `width` words
 * each, bit 0 first), as XOR shares of one plane. Per bit lt_j = c_j & ~s_j and eq_j = ~(s_j ^ c_j) are
 * local; a log-depth tree then combines neighbours, the higher one deciding unless equal:
 * lt = lt_hi ^ (eq_hi & lt_lo), eq = eq_hi & eq_lo (lt_hi and eq_hi & lt_lo never both hold, so XOR is OR).
 * ceil(log2 bits) rounds, `lessThanPublicLayers(bits)` planes of AND gates in all, no other material.
 */
export async function lessThanPublic(
  context: PartyContext,
  s: Planes,
  c: Planes,
  bits: number,
  width: number,
  triples: AndTriples,
): Promise<Planes> {
  const isA = context.party === 'A';
  let lt: Planes[] = [];
  let eq: Planes[] = [];
  for (let j = 0; j < bits; j++) {
    const sj = plane(s, j, width);
    const cj = plane(c, j, width);
    // ~s_j: A flips its share. eq_j = s_j ^ ~c_j: A adds the public ~c_j.
    const notS = isA ? notPlanes(sj) : sj;
    const ltj = new Uint32Array(width);
    for (let i = 0; i < width; i++) ltj[i] = cj[i]! & notS[i]!;
    lt.push(ltj);
    eq.push(isA ? xorPlanes(sj, notPlanes(cj)) : sj.slice());
  }
  while (lt.length > 1) {
    const pairs = Math.floor(lt.length / 2);
    const hi = (k: number): number => 2 * k + 1;
    const upper = Array.from({ length: pairs - 1 }, (_, k) => k + 1);
    const x = concatPlanes([
      ...Array.from({ length: pairs }, (_, k) => eq[hi(k)]!),
      ...upper.map((k) => eq[hi(k)]!),
    ]);
    const y = concatPlanes([
      ...Array.from({ length: pairs }, (_, k) => lt[2 * k]!),
      ...upper.map((k) => eq[2 * k]!),
    ]);
    const [z] = await runRound(context, [andStep(context, x, y, triples(x.length / 2))]);
    const nextLt = Array.from({ length: pairs }, (_, k) => xorPlanes(lt[hi(k)]!, plane(z, k, width)));
    // eq of the lowest element is never read.
    const nextEq = [new Uint32Array(0), ...upper.map((k) => plane(z, pairs + k - 1, width))];
    if (lt.length % 2 === 1) {
      nextLt.push(lt[lt.length - 1]!);
      nextEq.push(eq[eq.length - 1]!);
    }
    lt = nextLt;
    eq = nextEq;
  }
  return lt[0]!;
}
