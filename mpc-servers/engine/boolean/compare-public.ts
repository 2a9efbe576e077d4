import type { PartyContext } from '../ops.ts';
import { plane, type Planes } from './bit-planes.ts';
import { runAndCircuits, type AndCircuit, type AndTriples } from './and-layers.ts';

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
 * each, bit 0 first; eq_0 is never read), alone in its rounds.
 */
export async function lessThanTree(
  context: PartyContext,
  ltPlanes: Planes,
  eqPlanes: Planes,
  bits: number,
  width: number,
  triples: AndTriples,
): Promise<Planes> {
  const circuit = new LessThanCircuit(ltPlanes, eqPlanes, bits, width);
  await runAndCircuits(context, [circuit], triples);
  return circuit.result;
}

/**
 * `lessThanTree` as a circuit (`runAndCircuits`), to share its rounds with others. Each layer's gates are
 * the eq_hi planes against lt_lo then eq_lo, read in place; the products become the next layer's planes in
 * place. `lessThanPublicLayers(bits)` planes of gates per layer.
 */
export class LessThanCircuit implements AndCircuit {
  private lt: Planes[];
  private eq: Planes[];
  constructor(ltPlanes: Planes, eqPlanes: Planes, bits: number, width: number) {
    this.lt = Array.from({ length: bits }, (_, j) => plane(ltPlanes, j, width));
    this.eq = Array.from({ length: bits }, (_, j) => plane(eqPlanes, j, width));
  }
  next(): { x: Planes[]; y: Planes[] } | undefined {
    const pairs = Math.floor(this.lt.length / 2);
    if (pairs === 0) return undefined;
    const x: Planes[] = [];
    const y: Planes[] = [];
    for (let k = 0; k < pairs; k++) {
      x.push(this.eq[2 * k + 1]!);
      y.push(this.lt[2 * k]!);
    }
    for (let k = 1; k < pairs; k++) {
      x.push(this.eq[2 * k + 1]!);
      y.push(this.eq[2 * k]!);
    }
    return { x, y };
  }
  absorb(products: Planes[]): void {
    const { lt, eq } = this;
    const pairs = Math.floor(lt.length / 2);
    const nextLt: Planes[] = [];
    // eq of the lowest element is never read.
    const nextEq: Planes[] = [new Uint32Array(0)];
    for (let k = 0; k < pairs; k++) {
      const high = lt[2 * k + 1]!;
      const product = products[k]!;
      for (let i = 0; i < product.length; i++) product[i] = product[i]! ^ high[i]!;
      nextLt.push(product);
    }
    for (let k = 1; k < pairs; k++) nextEq.push(products[pairs + k - 1]!);
    if (lt.length % 2 === 1) {
      nextLt.push(lt[lt.length - 1]!);
      nextEq.push(eq[eq.length - 1]!);
    }
    this.lt = nextLt;
    this.eq = nextEq;
  }
  /** [s < c] once the circuit is done. */
  get result(): Planes {
    if (this.lt.length !== 1) throw new Error('the comparison tree has not finished');
    return this.lt[0]!;
  }
}
