import type { PartyContext } from '../ops.ts';
import { plane, type Planes } from './bit-planes.ts';
import { andGates } from './and-gates.ts';
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
  const n = bits * width;
  const lt = new Uint32Array(n);
  const eq = new Uint32Array(n);
  // ~s_j: A flips its share. eq_j = s_j ^ ~c_j: A adds the public ~c_j.
  if (context.party === 'A') {
    for (let i = 0; i < n; i++) {
      lt[i] = c[i]! & ~s[i]!;
      eq[i] = s[i]! ^ ~c[i]!;
    }
  } else {
    for (let i = 0; i < n; i++) lt[i] = c[i]! & s[i]!;
    eq.set(s.subarray(0, n));
  }
  return lessThanTree(context, lt, eq, bits, width, triples);
}

/**
 * The tree of `lessThanPublic` from its per-bit XOR shares of lt_j and eq_j (`bits` planes of `width` words
 * each, bit 0 first; eq_0 is never read). Each layer's gates go out as one `andGates` round, the eq_hi
 * planes against lt_lo then eq_lo, read in place; the products become the next layer's planes in place.
 */
export async function lessThanTree(
  context: PartyContext,
  ltPlanes: Planes,
  eqPlanes: Planes,
  bits: number,
  width: number,
  triples: AndTriples,
): Promise<Planes> {
  let lt = Array.from({ length: bits }, (_, j) => plane(ltPlanes, j, width));
  let eq = Array.from({ length: bits }, (_, j) => plane(eqPlanes, j, width));
  while (lt.length > 1) {
    const pairs = Math.floor(lt.length / 2);
    const x: Planes[] = [];
    const y: Planes[] = [];
    for (let k = 0; k < pairs; k++) {
      x.push(eq[2 * k + 1]!);
      y.push(lt[2 * k]!);
    }
    for (let k = 1; k < pairs; k++) {
      x.push(eq[2 * k + 1]!);
      y.push(eq[2 * k]!);
    }
    const z = await andGates(context, x, y, triples((pairs * 2 - 1) * (width / 2)));
    const nextLt: Planes[] = [];
    // eq of the lowest element is never read.
    const nextEq: Planes[] = [new Uint32Array(0)];
    for (let k = 0; k < pairs; k++) {
      const high = lt[2 * k + 1]!;
      const product = plane(z, k, width);
      for (let i = 0; i < width; i++) product[i] = product[i]! ^ high[i]!;
      nextLt.push(product);
    }
    for (let k = 1; k < pairs; k++) nextEq.push(plane(z, pairs + k - 1, width));
    if (lt.length % 2 === 1) {
      nextLt.push(lt[lt.length - 1]!);
      nextEq.push(eq[eq.length - 1]!);
    }
    lt = nextLt;
    eq = nextEq;
  }
  return lt[0]!;
}
