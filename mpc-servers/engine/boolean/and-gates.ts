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
  const { a, b, c } = triples;
  for (let i = 0; i < n; i++) {
    mine[i] = x[i]! ^ a[i]!;
    mine[n + i] = y[i]! ^ b[i]!;
  }
  const masked = planesAsWords(mine);
  const isA = context.party === 'A';
  return {
    masked,
    finish(opened) {
      const theirs = wordsAsPlanes(sub(opened, masked));
      const z = new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        const d = mine[i]! ^ theirs[i]!;
        const e = mine[n + i]! ^ theirs[n + i]!;
        z[i] = c[i]! ^ (d & b[i]!) ^ (e & a[i]!) ^ (isA ? d & e : 0);
      }
      return z;
    },
  };
}
