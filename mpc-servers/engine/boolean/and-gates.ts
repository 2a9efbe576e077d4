import { sub } from '../../../contract/sharing/ring.ts';
import type { PartyContext, RoundStep } from '../ops.ts';
import { planesAsWords, wordsAsPlanes, type Planes } from './bit-planes.ts';
import type { AndTripleShares } from './boolean-shares.ts';

/**
 * AND of XOR-shared bit planes, gate by gate (32 gates to a word), with boolean Beaver triples: open
 * d = x ^ a and e = y ^ b, then z = c ^ (d & b) ^ (e & a), with d & e on A. One round for any number of
 * gates, 2 bits sent per gate per party; each opened bit is masked by a triple bit neither party knows.
 * `runRound` adds the two messages as ring words, so the peer's words are the sum minus this party's.
 */
export function andStep(
  context: PartyContext,
  x: Planes,
  y: Planes,
  triples: AndTripleShares,
): RoundStep<Planes> {
  const n = x.length;
  if (y.length !== n || triples.c.length !== n)
    throw new RangeError(`AND of ${n} and ${y.length} words with ${triples.c.length} words of triples`);
  const mine = new Uint32Array(2 * n);
  maskOperands(mine, [x], [y], triples);
  const masked = planesAsWords(mine);
  const isA = context.party === 'A';
  return {
    masked,
    finish(opened) {
      const theirs = wordsAsPlanes(sub(opened, masked));
      return combine(mine, theirs, triples, isA);
    },
  };
}

/**
 * `andStep` in a round of its own, its operands given as parts laid end to end (views, not copied): x is
 * `xParts` in order, y is `yParts`, and gate i takes triple word i. Exchanges the masked words directly,
 * the same bytes `runRound` would send, and XORs the peer's: no ring arithmetic, no intermediate copies.
 */
export async function andGates(
  context: PartyContext,
  xParts: readonly Planes[],
  yParts: readonly Planes[],
  triples: AndTripleShares,
): Promise<Planes> {
  const n = xParts.reduce((total, part) => total + part.length, 0);
  const yWords = yParts.reduce((total, part) => total + part.length, 0);
  if (yWords !== n || triples.c.length !== n)
    throw new RangeError(`AND of ${n} and ${yWords} words with ${triples.c.length} words of triples`);
  if (n % 2 !== 0) throw new RangeError('planes must fill whole 64-bit words');
  const mine = new Uint32Array(2 * n);
  maskOperands(mine, xParts, yParts, triples);
  const outgoing = new Uint8Array(mine.buffer);
  const incoming = await context.channel.exchange(outgoing);
  if (incoming.byteLength !== outgoing.byteLength) {
    throw new Error(
      `protocol desynchronised: peer sent ${incoming.byteLength} bytes, expected ${outgoing.byteLength}`,
    );
  }
  const theirs =
    incoming.byteOffset % 4 === 0
      ? new Uint32Array(incoming.buffer, incoming.byteOffset, 2 * n)
      : new Uint32Array(new Uint8Array(incoming).buffer); // a copy (Buffer#slice would be a view)
  return combine(mine, theirs, triples, context.party === 'A');
}

/** mine = x ^ a, then y ^ b, over the parts of x and of y. */
function maskOperands(
  mine: Uint32Array,
  xParts: readonly Planes[],
  yParts: readonly Planes[],
  triples: AndTripleShares,
): void {
  const n = mine.length / 2;
  const { a, b } = triples;
  let at = 0;
  for (const part of xParts) {
    for (let i = 0; i < part.length; i++) mine[at + i] = part[i]! ^ a[at + i]!;
    at += part.length;
  }
  at = 0;
  for (const part of yParts) {
    for (let i = 0; i < part.length; i++) mine[n + at + i] = part[i]! ^ b[at + i]!;
    at += part.length;
  }
}

/** z = c ^ (d & b) ^ (e & a) (^ d & e on A) from both parties' masked words. */
function combine(mine: Uint32Array, theirs: Uint32Array, triples: AndTripleShares, isA: boolean): Planes {
  const n = mine.length / 2;
  const { a, b, c } = triples;
  const z = new Uint32Array(n);
  if (isA) {
    for (let i = 0; i < n; i++) {
      const d = mine[i]! ^ theirs[i]!;
      const e = mine[n + i]! ^ theirs[n + i]!;
      z[i] = c[i]! ^ (d & b[i]!) ^ (e & a[i]!) ^ (d & e);
    }
  } else {
    for (let i = 0; i < n; i++) {
      const d = mine[i]! ^ theirs[i]!;
      const e = mine[n + i]! ^ theirs[n + i]!;
      z[i] = c[i]! ^ (d & b[i]!) ^ (e & a[i]!);
    }
  }
  return z;
}
