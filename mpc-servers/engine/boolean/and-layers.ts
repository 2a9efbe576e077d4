import type { PartyContext } from '../ops.ts';
import { andGates } from './and-gates.ts';
import type { AndTripleShares } from './boolean-shares.ts';
import type { Planes } from './bit-planes.ts';

/** AND triples for a layer of `words` 64-bit words (64 gates each), in program order. */
export type AndTriples = (words: number) => AndTripleShares;

/**
 * A circuit of AND layers over XOR-shared planes: `next` gives the operands of its next layer (gate i is
 * x[i] AND y[i], plane by plane) or undefined when it is done; `absorb` takes that layer's products, one
 * plane per operand pair, in order (views of one buffer, the circuit's to keep and change).
 */
export interface AndCircuit {
  next(): { x: Planes[]; y: Planes[] } | undefined;
  absorb(products: Planes[]): void;
}

/**
 * Runs circuits side by side: per round every unfinished circuit's next layer, all in one `andGates`
 * exchange, so independent circuits of different depths cost the rounds of the deepest. The triples of a
 * round are drawn for the sum of its layers' words (`andLayerWords` counts them for the material).
 */
export async function runAndCircuits(
  context: PartyContext,
  circuits: readonly AndCircuit[],
  triples: AndTriples,
): Promise<void> {
  for (;;) {
    const layers = circuits.map((circuit) => circuit.next());
    const x = layers.flatMap((layer) => layer?.x ?? []);
    const y = layers.flatMap((layer) => layer?.y ?? []);
    if (x.length === 0) return;
    const words = x.reduce((total, part) => total + part.length, 0);
    const z = await andGates(context, x, y, triples(words / 2));
    let at = 0;
    layers.forEach((layer, c) => {
      if (!layer) return;
      circuits[c]!.absorb(
        layer.x.map((part) => {
          const product = z.subarray(at, at + part.length);
          at += part.length;
          return product;
        }),
      );
    });
  }
}

/**
 * 64-bit triple words per round of circuits run side by side: `layers[c][i]` planes in layer i of circuit
 * c, each plane `width` 64-bit words.
 */
export function andLayerWords(layers: readonly (readonly number[])[], width: number): number[] {
  const rounds = Math.max(0, ...layers.map((circuit) => circuit.length));
  return Array.from(
    { length: rounds },
    (_, i) => layers.reduce((total, circuit) => total + (circuit[i] ?? 0), 0) * width,
  );
}

/** ANDs per layer of a tree that ANDs `count` planes into one: pairs halve, an odd one waits. */
export function allOfLayers(count: number): number[] {
  const layers: number[] = [];
  for (let m = count; m > 1; m -= Math.floor(m / 2)) layers.push(Math.floor(m / 2));
  return layers;
}

/** The AND of all `planes` (each the same length) by a tree; `result` once the circuit is done. */
export class AllOfCircuit implements AndCircuit {
  private planes: Planes[];
  constructor(planes: readonly Planes[]) {
    if (planes.length === 0) throw new RangeError('an AND of no planes');
    this.planes = [...planes];
  }
  next(): { x: Planes[]; y: Planes[] } | undefined {
    const pairs = Math.floor(this.planes.length / 2);
    if (pairs === 0) return undefined;
    return { x: this.planes.slice(0, pairs), y: this.planes.slice(pairs, 2 * pairs) };
  }
  absorb(products: Planes[]): void {
    this.planes = [...products, ...this.planes.slice(2 * products.length)];
  }
  get result(): Planes {
    if (this.planes.length !== 1) throw new Error('the AND tree has not finished');
    return this.planes[0]!;
  }
}
