import { randomBytes } from 'node:crypto';
import type { Party } from '../../contract/party.ts';
import type {
  ComparisonShares,
  LiftShares,
  SquareShares,
  TripleShares,
  WideSquareShares,
  WideTripleShares,
} from './correlations.ts';
import { dcfGenerateKernel, type DcfGenerateKernel } from './dcf-generate-kernel.ts';
import { dcfGenerate, type DcfKeys } from './dcf.ts';
import { packLowBytes, unpackLowBytes } from './word-packing.ts';
import { PrgReader, prgWords, type StreamId } from '../../contract/sharing/prg.ts';
import {
  add,
  mul,
  ringVector,
  sub,
  sumAll,
  wordsFromBytes,
  type RingVector,
} from '../../contract/sharing/ring.ts';
import { add128, mul128, sub128 } from './ring128.ts';
import { planeWords, planesOfWords, wordsAsPlanes, xorPlanes } from './boolean/bit-planes.ts';
import type {
  AndTripleShares,
  BitCountShares,
  EdaBitShares,
  EdaLiftShares,
} from './boolean/boolean-shares.ts';

/**
 * Dealer material, chunk by chunk. A chunk's material is an ordered list of sections, each answering one
 * request of the program (`MaterialRequest`). Seed compression: A's shares of every mask, triple and square
 * pair, and both parties' DCF root seeds, are drawn from the parties' 16-byte PRG seeds (one stream per
 * chunk and party, read section by section in `drawShares` order), so A's blob carries only the DCF correction words and B's blob the
 * corrections that make the shares add up (c_B, r_B, s_B; an AND triple's c bit, an edaBit's bits) plus the
 * same DCF correction words. An edaBit's additive shares are both drawn from seeds: r is their sum.
 */
/**
 * Comparison material with `bits` = 65 covers the whole ring: r mod 2^64 is all of r, its "top bit" is 0, so
 * the section holds a DCF over 64 bits with alpha = r and beta = 1 (the range check, `belowPublicStep`).
 */
export const WHOLE_RING_BITS = 65;

export type MaterialRequest =
  | { kind: 'triple'; count: number }
  | { kind: 'square'; count: number }
  | {
      kind: 'comparison';
      bits: number;
      count: number;
      /**
       * Low bits of the outputs the program uses (default 64): the DCF's value corrections are stored in
       * ceil(outputBits / 8) bytes each, so its outputs are exact mod 2^outputBits only.
       */
      outputBits?: number;
    }
  | { kind: 'lift'; count: number }
  | { kind: 'wideSquare'; count: number }
  | { kind: 'wideTriple'; count: number }
  /** Boolean AND triples, bit-sliced: `count` 64-bit words of 64 gates each; B stores c (1 bit per gate). */
  | { kind: 'andTriple'; count: number }
  /**
   * edaBits: `count` random r in Z_2^64, additive shares from both seeds (nothing stored) and XOR shares of
   * r's low `bits` bits (default 64) in planes (`bit-planes.ts`); B stores its bits (bits / 8 bytes per value).
   */
  | { kind: 'edaBit'; count: number; bits?: number }
  /**
   * Counts of XOR-shared bits (`bit-count.ts`) over `count` rows: each party's mask per row from its seed,
   * B stores its share of the masks' inner product (one word per section).
   */
  | { kind: 'bitCount'; count: number }
  /**
   * edaBits with a lift (`valid-offsets.ts`): over `count` rows, `fields` edaBits r_f of `bits` bits (default
   * 64), then one lift (each party's mask bit; rho = m_A ^ m_B), then per edaBit additive shares of rho r_f.
   * B stores each edaBit's bits, and its shares of the lift's product and of each rho r_f in their low
   * ceil(outputBits / 8) bytes (default 64 bits): what is made from them is exact mod 2^outputBits only.
   */
  | { kind: 'edaLift'; count: number; fields: number; bits?: number; outputBits?: number };

const KIND_CODE = {
  triple: 1,
  square: 2,
  comparison: 3,
  lift: 4,
  wideSquare: 5,
  wideTriple: 6,
  andTriple: 7,
  edaBit: 8,
  bitCount: 10,
  edaLift: 11,
} as const;
const FORMAT_VERSION = 7;
/** Substream of a chunk's seed stream (stream = chunk). */
const SEED_SUBSTREAM = 0;

const KIND_OF_CODE = new Map(
  Object.entries(KIND_CODE).map(([kind, code]) => [code as number, kind as MaterialRequest['kind']]),
);

/** A party's shares of one section drawn from its seed stream (which ones depends on the kind and party). */
interface Draws {
  a?: RingVector;
  b?: RingVector;
  c?: RingVector;
  mask?: RingVector;
  topBit?: RingVector;
  /** Bit planes as words: an edaBit's XOR shares. */
  planes?: RingVector;
  rootSeeds?: Uint8Array;
}

/**
 * Reads one section's seed-drawn shares for `party` from its chunk stream, in the one order the dealer and
 * the party both use: the section's bytes follow the previous section's in the stream.
 */
function drawShares(
  stream: PrgReader,
  party: Party,
  kind: MaterialRequest['kind'],
  count: number,
  bits: number,
): Draws {
  const isA = party === 'A';
  const words = (n: number): RingVector => stream.words(n);
  switch (kind) {
    case 'triple':
    case 'andTriple': {
      const a = words(count);
      const b = words(count);
      return isA ? { a, b, c: words(count) } : { a, b };
    }
    case 'square': {
      const a = words(count);
      return isA ? { a, c: words(count) } : { a };
    }
    case 'wideSquare': {
      const a = words(2 * count);
      return isA ? { a, c: words(2 * count) } : { a };
    }
    case 'wideTriple': {
      const a = words(2 * count);
      const b = words(2 * count);
      return isA ? { a, b, c: words(2 * count) } : { a, b };
    }
    case 'lift': {
      const mask = words(count);
      return isA ? { mask, c: words(count) } : { mask };
    }
    case 'edaBit': {
      const mask = words(count);
      return isA ? { mask, planes: words((bits * planeWords(count)) / 2) } : { mask };
    }
    case 'bitCount':
      return isA ? { a: words(count), c: words(1) } : { b: words(count) };
    case 'edaLift':
      throw new Error('edaLift sections are drawn by drawEdaLift');
    case 'comparison': {
      const rootSeeds = stream.bytes(count * 16);
      if (!isA) return { rootSeeds };
      const mask = words(count);
      return bits === WHOLE_RING_BITS ? { rootSeeds, mask } : { rootSeeds, mask, topBit: words(count) };
    }
  }
}

/** A party's draws of an edaLift section: its edaBits, its lift, then (A only) its shares of rho r_f. */
function drawEdaLift(
  stream: PrgReader,
  party: Party,
  count: number,
  fields: number,
  bits: number,
): { edaBits: Draws[]; lift: Draws; products: RingVector[] } {
  const edaBits = Array.from({ length: fields }, () => drawShares(stream, party, 'edaBit', count, bits));
  const lift = drawShares(stream, party, 'lift', count, 0);
  const products = party === 'A' ? Array.from({ length: fields }, () => stream.words(count)) : [];
  return { edaBits, lift, products };
}

/** A draw the kind always has (its absence is a bug in `drawShares`). */
function drawn<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('material share not drawn');
  return value;
}

/** The dealer's own stream of a comparison section's masks, from its secret seed. */
const maskStreamOf = (chunk: number, section: number): StreamId => ({ stream: chunk, substream: section });

export class MaterialShortfallError extends Error {
  override readonly name = 'MaterialShortfallError';
}

export function describeRequest(request: MaterialRequest): string {
  if (request.kind === 'andTriple') return `${request.count * 64} AND triples`;
  if (request.kind === 'edaLift')
    return `${request.count} rows of ${request.fields} ${edaBitsOf(request)}-bit edaBits with a lift${outputsOf(request)}`;
  if (request.kind === 'edaBit') return `${request.count} ${edaBitsOf(request)}-bit edaBits`;
  if (request.kind !== 'comparison') return `${request.count} ${request.kind}s${outputsOf(request)}`;
  return `${request.count} ${request.bits}-bit comparisons${outputsOf(request)}`;
}

const outputsOf = (request: MaterialRequest): string =>
  'outputBits' in request && outputBitsOf(request) !== 64 ? ` (outputs mod 2^${request.outputBits})` : '';

const outputBitsOf = (request: { outputBits?: number }): number => request.outputBits ?? 64;

/** Bytes per stored value correction: the low bytes of each word, enough for the outputs' bits. */
const outputBytesOf = (request: { outputBits?: number }): number => Math.ceil(outputBitsOf(request) / 8);

/**
 * Bytes of B's mask share: a comparison of `bits` < 65 bits opens only the low ceil(bits / 8) bytes of the
 * masked value (`lessThanZeroStep`, `lessThanManyStep`), so only those bytes of the mask matter.
 */
const maskBytesOf = (bits: number): number => (bits === WHOLE_RING_BITS ? 8 : Math.ceil(bits / 8));

/**
 * Byte writer of aligned sections into a blob of its known size (`materialBytes`): each push copies at once,
 * so a section may be written from memory the next one reuses (the generation kernel's).
 */
class BlobWriter {
  private readonly blob: Uint8Array;
  private offset = 0;
  constructor(length: number) {
    this.blob = new Uint8Array(length);
  }
  push(bytes: Uint8Array): void {
    this.blob.set(bytes, this.offset);
    this.offset += Math.ceil(bytes.byteLength / 8) * 8;
  }
  words(words: RingVector): void {
    this.push(new Uint8Array(words.buffer, words.byteOffset, words.byteLength));
  }
  /** The blob's next `count` words, to be written in place (no copy); the offset stays 8-byte aligned. */
  reserveWords(count: number): RingVector {
    const words = new BigUint64Array(this.blob.buffer, this.blob.byteOffset + this.offset, count);
    this.offset += count * 8;
    return words;
  }
  finish(): Uint8Array {
    if (this.offset !== this.blob.byteLength)
      throw new Error(`material blob written to ${this.offset} of its ${this.blob.byteLength} bytes`);
    return this.blob;
  }
}

function header(kind: number, bits: number, count: number, outputBits = 0, fields = 0): Uint8Array {
  const bytes = new Uint8Array(8);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, kind);
  view.setUint8(1, bits);
  view.setUint8(2, outputBits);
  view.setUint8(3, fields);
  view.setUint32(4, count, true);
  return bytes;
}

/**
 * A key's corrections: value corrections and final words in their low `outputBytes` bytes (the outputs
 * are then exact mod 2^(8 outputBytes), all a program reading fewer bits needs), seed corrections, and the
 * two control-bit corrections of each level packed four levels-and-keys to a byte.
 */
function writeDcfCorrections(writers: readonly BlobWriter[], keys: DcfKeys, outputBytes: number): void {
  const parts = [
    packLowBytes(keys.valueCorrections, outputBytes),
    packLowBytes(keys.finalCorrections, outputBytes),
    keys.seedCorrections,
    packControls(keys.controlCorrections),
  ];
  for (const part of parts) for (const writer of writers) writer.push(part);
}

/** Two-bit control corrections (t_CW^L | t_CW^R << 1), four to a byte. */
function packControls(controls: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(controls.length / 4));
  const whole = controls.length >> 2;
  // Four controls at a time as one little-endian u32 (the kernel's regions are aligned; others are copied
  // first); the byte store drops the bits shifted above bit 7.
  const aligned = controls.byteOffset % 4 === 0 ? controls : controls.slice();
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, whole);
  for (let j = 0; j < whole; j++) {
    const c = words[j]! & 0x03030303;
    out[j] = c | (c >>> 6) | (c >>> 12) | (c >>> 18);
  }
  for (let i = whole * 4; i < controls.length; i++)
    out[whole] = out[whole]! | ((controls[i]! & 3) << ((i & 3) * 2));
  return out;
}

function unpackControls(packed: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (packed[i >> 2]! >> ((i & 3) * 2)) & 3;
  return out;
}

let reusedGenerationKernel: DcfGenerateKernel | undefined;

/**
 * This thread's one generation kernel: its memory, grown to the largest section so far, is reused by every
 * comparison section (whose keys are copied into the blobs before the next), so a chunk's keys do not fault
 * in fresh pages each time.
 */
function generationKernel(): DcfGenerateKernel {
  reusedGenerationKernel ??= dcfGenerateKernel();
  return reusedGenerationKernel;
}

/**
 * Generates one chunk's material for both parties from their seeds and the dealer's own secret seed (the
 * comparison masks, which neither party may know, drawn from stream = chunk like the parties' shares). A
 * chunk's bytes depend only on the seeds, the chunk index and the requests, so chunks can be made in any
 * order, on any thread.
 */
export function generateChunkMaterial(
  seeds: Record<Party, Uint8Array>,
  chunk: number,
  requests: readonly MaterialRequest[],
  dealerSeed: Uint8Array = randomBytes(16),
): Record<Party, Uint8Array> {
  const writers = {
    A: new BlobWriter(materialBytes(requests, 'A')),
    B: new BlobWriter(materialBytes(requests, 'B')),
  };
  const streams = {
    A: new PrgReader(seeds.A, { stream: chunk, substream: SEED_SUBSTREAM }),
    B: new PrgReader(seeds.B, { stream: chunk, substream: SEED_SUBSTREAM }),
  };
  const versionHeader = header(FORMAT_VERSION, 0, requests.length);
  writers.A.push(versionHeader);
  writers.B.push(versionHeader);
  requests.forEach((request, section) => {
    const bits = sectionBitsOf(request);
    const sectionHeader = header(
      KIND_CODE[request.kind],
      bits,
      request.count,
      sectionOutputBitsOf(request),
      sectionFieldsOf(request),
    );
    writers.A.push(sectionHeader);
    writers.B.push(sectionHeader);
    if (request.kind === 'edaLift') {
      const draw = (party: Party) => drawEdaLift(streams[party], party, request.count, request.fields, bits);
      writeEdaLift(writers.B, draw('A'), draw('B'), bits, outputBytesOf(request));
      return;
    }
    const A = drawShares(streams.A, 'A', request.kind, request.count, bits);
    const B = drawShares(streams.B, 'B', request.kind, request.count, bits);
    /** A's share plus B's share, summed in place into A's. */
    const combined = (shareA: RingVector | undefined, shareB: RingVector | undefined): RingVector =>
      add(drawn(shareA), drawn(shareB), drawn(shareA));
    if (request.kind === 'triple') {
      // B's share of the product, c_B = a b - c_A, written straight into its blob.
      const out = writers.B.reserveWords(drawn(A.c).length);
      const a = combined(A.a, B.a);
      const b = combined(A.b, B.b);
      sub(mul(a, b, out), drawn(A.c), out);
    } else if (request.kind === 'square') {
      const out = writers.B.reserveWords(drawn(A.c).length);
      const a = combined(A.a, B.a);
      sub(mul(a, a, out), drawn(A.c), out);
    } else if (request.kind === 'lift') {
      writeLift(writers.B, A, B);
    } else if (request.kind === 'wideSquare') {
      const out = writers.B.reserveWords(drawn(A.c).length);
      const a = add128(drawn(A.a), drawn(B.a));
      sub128(mul128(a, a, out), drawn(A.c), out);
    } else if (request.kind === 'wideTriple') {
      const out = writers.B.reserveWords(drawn(A.c).length);
      const a = add128(drawn(A.a), drawn(B.a));
      const b = add128(drawn(A.b), drawn(B.b));
      sub128(mul128(a, b, out), drawn(A.c), out);
    } else if (request.kind === 'andTriple') {
      // c_B = (a_A ^ a_B)(b_A ^ b_B) ^ c_A, one pass over the five draws into B's blob.
      const c = wordsAsPlanes(writers.B.reserveWords(request.count));
      andTripleShare(
        wordsAsPlanes(drawn(A.a)),
        wordsAsPlanes(drawn(B.a)),
        wordsAsPlanes(drawn(A.b)),
        wordsAsPlanes(drawn(B.b)),
        wordsAsPlanes(drawn(A.c)),
        c,
      );
    } else if (request.kind === 'edaBit') {
      writeEdaBit(writers.B, A, B, edaBitsOf(request));
    } else if (request.kind === 'bitCount') {
      const sum = sumAll(mul(drawn(A.a), drawn(B.b)));
      writers.B.words(BigUint64Array.of(BigInt.asUintN(64, sum - drawn(A.c)[0]!)));
    } else {
      const mask = prgWords(dealerSeed, maskStreamOf(chunk, section), request.count);
      const top = ringVector(request.count);
      const alpha = ringVector(request.count);
      const beta = ringVector(request.count);
      const topShift = BigInt(request.bits - 1);
      const lowMask = (1n << topShift) - 1n;
      for (let i = 0; i < request.count; i++) {
        top[i] = (mask[i]! >> topShift) & 1n;
        alpha[i] = mask[i]! & lowMask;
        beta[i] = 1n - 2n * top[i]!;
      }
      const { key0 } = dcfGenerate(
        request.bits - 1,
        alpha,
        beta,
        drawn(A.rootSeeds),
        drawn(B.rootSeeds),
        generationKernel(),
      );
      writers.B.push(packLowBytes(sub(mask, drawn(A.mask)), maskBytesOf(request.bits)));
      // Over the whole ring the mask's top bit is 0: no shares of it are stored. It is added to the outputs,
      // so its low output bytes are all that matter.
      if (request.bits !== WHOLE_RING_BITS)
        writers.B.push(packLowBytes(sub(top, drawn(A.topBit)), outputBytesOf(request)));
      // Both parties' keys hold the same corrections: packed once, copied into each blob.
      writeDcfCorrections([writers.A, writers.B], key0, outputBytesOf(request));
    }
  });
  return { A: writers.A.finish(), B: writers.B.finish() };
}

/** B's bits of an edaBit section (r = r_A + r_B from the seeds, A's bits too); returns r, in A's mask. */
function writeEdaBit(writer: BlobWriter, A: Draws, B: Draws, bits: number): RingVector {
  const r = add(drawn(A.mask), drawn(B.mask), drawn(A.mask));
  const bitsA = wordsAsPlanes(drawn(A.planes));
  xorPlanes(planesOfWords(r, bits), bitsA, wordsAsPlanes(writer.reserveWords(drawn(A.planes).length)));
  return r;
}

/** B's share of a lift's product (each party's mask bit from its own seed). */
function writeLift(writer: BlobWriter, A: Draws, B: Draws): void {
  const out = writer.reserveWords(drawn(A.c).length);
  sub(mul(maskBits(drawn(A.mask)), maskBits(drawn(B.mask)), out), drawn(A.c), out);
}

/**
 * B's part of an edaLift section: its edaBits' bits, then its shares of the lift's product and of each
 * rho r_f (rho = m_A ^ m_B) in their low `outputBytes` bytes.
 */
function writeEdaLift(
  writer: BlobWriter,
  A: ReturnType<typeof drawEdaLift>,
  B: ReturnType<typeof drawEdaLift>,
  bits: number,
  outputBytes: number,
): void {
  const masks = A.edaBits.map((shares, f) => writeEdaBit(writer, shares, B.edaBits[f]!, bits));
  const [maskA, maskB] = [maskBits(drawn(A.lift.mask)), maskBits(drawn(B.lift.mask))];
  writer.push(packLowBytes(sub(mul(maskA, maskB), drawn(A.lift.c)), outputBytes));
  const rho = maskA.map((bit, i) => bit ^ maskB[i]!);
  masks.forEach((r, f) => writer.push(packLowBytes(sub(mul(rho, r), A.products[f]!), outputBytes)));
}

/** Bytes of `party`'s blob for one chunk of `requests`, headers and padding included (see the writer above). */
export function materialBytes(requests: readonly MaterialRequest[], party: Party): number {
  const padded = (bytes: number): number => Math.ceil(bytes / 8) * 8;
  let bytes = 8;
  for (const request of requests) {
    const { count } = request;
    bytes += 8;
    if (request.kind === 'comparison') {
      const levels = request.bits - 1;
      const width = outputBytesOf(request);
      if (party === 'B') bytes += padded(maskBytesOf(request.bits) * count);
      if (party === 'B' && request.bits !== WHOLE_RING_BITS) bytes += padded(width * count);
      bytes += padded(width * levels * count) + padded(width * count) + 16 * levels * count;
      bytes += padded(Math.ceil((levels * count) / 4));
    } else if (party === 'B' && request.kind === 'edaBit') {
      bytes += edaBitsOf(request) * planeWords(count) * 4;
    } else if (party === 'B' && request.kind === 'bitCount') {
      bytes += 8;
    } else if (party === 'B' && request.kind === 'edaLift') {
      bytes += request.fields * edaBitsOf(request) * planeWords(count) * 4;
      bytes += (1 + request.fields) * padded(outputBytesOf(request) * count);
    } else if (party === 'B') {
      bytes += (request.kind === 'wideSquare' || request.kind === 'wideTriple' ? 16 : 8) * count;
    }
  }
  return bytes;
}

const edaBitsOf = (request: { bits?: number }): number => request.bits ?? 64;

/** A section header's bits field: a comparison's bits, an edaBit's or edaLift's bits, else 0. */
function sectionBitsOf(request: MaterialRequest): number {
  if (request.kind === 'comparison') return request.bits;
  return request.kind === 'edaBit' || request.kind === 'edaLift' ? edaBitsOf(request) : 0;
}

/** A section header's fields byte: an edaLift's edaBits per row, else 0. */
function sectionFieldsOf(request: MaterialRequest): number {
  return request.kind === 'edaLift' ? request.fields : 0;
}

/** A section header's output bits: those of a comparison, a bit select or an edaLift (default 64), else 0. */
function sectionOutputBitsOf(request: MaterialRequest): number {
  return request.kind === 'comparison' || request.kind === 'edaLift' ? outputBitsOf(request) : 0;
}

/** Whether a section made for `made` serves `wanted`: the same kind, count, bits and output bits. */
function sameRequest(made: MaterialRequest, wanted: MaterialRequest): boolean {
  return (
    made.kind === wanted.kind &&
    made.count === wanted.count &&
    sectionBitsOf(made) === sectionBitsOf(wanted) &&
    sectionOutputBitsOf(made) === sectionOutputBitsOf(wanted) &&
    sectionFieldsOf(made) === sectionFieldsOf(wanted)
  );
}

/** Bit 0 of each PRG word: a lift's mask bits. */
/** B's AND-triple share c_B = ((a_A ^ a_B) & (b_A ^ b_B)) ^ c_A, word by word into `out`. */
function andTripleShare(
  aA: Uint32Array,
  aB: Uint32Array,
  bA: Uint32Array,
  bB: Uint32Array,
  cA: Uint32Array,
  out: Uint32Array,
): void {
  for (let i = 0; i < out.length; i++) out[i] = ((aA[i]! ^ aB[i]!) & (bA[i]! ^ bB[i]!)) ^ cA[i]!;
}

function maskBits(words: RingVector): RingVector {
  for (let i = 0; i < words.length; i++) words[i] = words[i]! & 1n;
  return words;
}

type Section =
  | { kind: 'lift'; shares: LiftShares }
  | { kind: 'wideSquare'; shares: WideSquareShares }
  | { kind: 'wideTriple'; shares: WideTripleShares }
  | { kind: 'triple'; shares: TripleShares }
  | { kind: 'square'; shares: SquareShares }
  | { kind: 'comparison'; shares: ComparisonShares }
  | { kind: 'andTriple'; shares: AndTripleShares }
  | { kind: 'edaBit'; shares: EdaBitShares }
  | { kind: 'bitCount'; shares: BitCountShares }
  | { kind: 'edaLift'; shares: EdaLiftShares; bits: number; outputBits: number };

class BlobReader {
  private offset = 0;
  constructor(private readonly blob: Uint8Array) {}
  bytes(length: number): Uint8Array {
    if (this.offset + length > this.blob.byteLength)
      throw new MaterialShortfallError('dealer material is truncated');
    const out = this.blob.subarray(this.offset, this.offset + length);
    this.offset += length + ((8 - (length % 8)) % 8);
    return out;
  }
  words(count: number): RingVector {
    return wordsFromBytes(this.bytes(count * 8));
  }
  header(): { code: number; bits: number; outputBits: number; fields: number; count: number } {
    const bytes = this.bytes(8);
    const view = new DataView(bytes.buffer, bytes.byteOffset, 8);
    return {
      code: view.getUint8(0),
      bits: view.getUint8(1),
      outputBits: view.getUint8(2),
      fields: view.getUint8(3),
      count: view.getUint32(4, true),
    };
  }
  get done(): boolean {
    return this.offset === this.blob.byteLength;
  }
}

/** A party's edaLift section: its draws, and for B what it stores, in `writeEdaLift`'s order. */
function readEdaLift(
  reader: BlobReader,
  own: ReturnType<typeof drawEdaLift>,
  bits: number,
  outputBytes: number,
): EdaLiftShares {
  const isA = own.products.length > 0;
  const count = drawn(own.lift.mask).length;
  const narrow = (): RingVector => unpackLowBytes(reader.bytes(outputBytes * count), count, outputBytes);
  const edaBits = own.edaBits.map((shares) => ({
    arithmetic: drawn(shares.mask),
    bits: wordsAsPlanes(isA ? drawn(shares.planes) : reader.words((bits * planeWords(count)) / 2)),
  }));
  const lift = { maskBit: maskBits(drawn(own.lift.mask)), product: isA ? drawn(own.lift.c) : narrow() };
  const maskProducts = isA ? own.products : edaBits.map(() => narrow());
  return { edaBits, lift, maskProducts };
}

function readDcfKeys(
  reader: BlobReader,
  bits: number,
  count: number,
  rootSeeds: Uint8Array,
  outputBytes: number,
): DcfKeys {
  const levels = bits - 1;
  const valueCorrections = unpackLowBytes(
    reader.bytes(outputBytes * levels * count),
    levels * count,
    outputBytes,
  );
  const finalCorrections = unpackLowBytes(reader.bytes(outputBytes * count), count, outputBytes);
  // Viewed in place when 4-byte aligned (it is when the blob starts aligned): no copy of the largest part.
  const seedBytes = reader.bytes(levels * count * 16);
  const seedCorrections = seedBytes.byteOffset % 4 === 0 ? seedBytes : new Uint8Array(seedBytes);
  const controlCorrections = unpackControls(reader.bytes(Math.ceil((levels * count) / 4)), levels * count);
  return {
    bits: levels,
    count,
    rootSeeds,
    seedCorrections,
    valueCorrections,
    controlCorrections,
    finalCorrections,
  };
}

/**
 * One party's expanded material for one chunk, consumed strictly in program order. Any mismatch between what
 * the program asks for and what the dealer delivered is a `MaterialShortfallError`.
 */
export class ChunkMaterial {
  private readonly sections: Section[] = [];
  private next = 0;

  constructor(party: Party, seed: Uint8Array, chunk: number, blob: Uint8Array) {
    const reader = new BlobReader(blob);
    const top = reader.header();
    if (top.code !== FORMAT_VERSION)
      throw new MaterialShortfallError(`unknown dealer material version ${top.code}`);
    const stream = new PrgReader(seed, { stream: chunk, substream: SEED_SUBSTREAM });
    const isA = party === 'A';
    for (let section = 0; section < top.count; section++) {
      const { code, bits, outputBits, fields, count } = reader.header();
      const kind = KIND_OF_CODE.get(code);
      if (kind === undefined)
        throw new MaterialShortfallError(`unknown dealer material section kind ${code}`);
      if (kind === 'edaBit' && (bits < 1 || bits > 64))
        throw new MaterialShortfallError(`edaBits of ${bits} bits`);
      if (kind === 'comparison' && (outputBits < 1 || outputBits > 64))
        throw new MaterialShortfallError(`${kind} outputs of ${outputBits} bits`);
      if (kind === 'edaLift') {
        if (fields < 1 || bits < 1 || bits > 64 || outputBits < 1 || outputBits > 64)
          throw new MaterialShortfallError(
            `an edaLift of ${fields} ${bits}-bit edaBits, outputs of ${outputBits} bits`,
          );
        const own = drawEdaLift(stream, party, count, fields, bits);
        const shares = readEdaLift(reader, own, bits, Math.ceil(outputBits / 8));
        this.sections.push({ kind, shares, bits, outputBits });
        continue;
      }
      const own = drawShares(stream, party, kind, count, bits);
      // B's words stored in their low `width` bytes each.
      const narrow = (width: number): RingVector => unpackLowBytes(reader.bytes(width * count), count, width);
      if (kind === 'triple') {
        const c = isA ? drawn(own.c) : reader.words(count);
        this.sections.push({ kind, shares: { a: drawn(own.a), b: drawn(own.b), c } });
      } else if (kind === 'square') {
        const c = isA ? drawn(own.c) : reader.words(count);
        this.sections.push({ kind, shares: { a: drawn(own.a), c } });
      } else if (kind === 'lift') {
        const product = isA ? drawn(own.c) : reader.words(count);
        this.sections.push({ kind, shares: { maskBit: maskBits(drawn(own.mask)), product } });
      } else if (kind === 'wideSquare') {
        const c = isA ? drawn(own.c) : reader.words(2 * count);
        this.sections.push({ kind, shares: { a: drawn(own.a), c } });
      } else if (kind === 'wideTriple') {
        const c = isA ? drawn(own.c) : reader.words(2 * count);
        this.sections.push({ kind, shares: { a: drawn(own.a), b: drawn(own.b), c } });
      } else if (kind === 'andTriple') {
        const c = wordsAsPlanes(isA ? drawn(own.c) : reader.words(count));
        this.sections.push({
          kind,
          shares: { a: wordsAsPlanes(drawn(own.a)), b: wordsAsPlanes(drawn(own.b)), c },
        });
      } else if (kind === 'edaBit') {
        const planes = isA ? drawn(own.planes) : reader.words((bits * planeWords(count)) / 2);
        this.sections.push({ kind, shares: { arithmetic: drawn(own.mask), bits: wordsAsPlanes(planes) } });
      } else if (kind === 'bitCount') {
        const mask = drawn(isA ? own.a : own.b);
        const product = (isA ? drawn(own.c) : reader.words(1))[0]!;
        this.sections.push({ kind, shares: { mask, product } });
      } else {
        const mask = isA ? drawn(own.mask) : narrow(maskBytesOf(bits));
        const maskTopBit =
          bits === WHOLE_RING_BITS
            ? ringVector(count)
            : isA
              ? drawn(own.topBit)
              : narrow(Math.ceil(outputBits / 8));
        const dcf = readDcfKeys(reader, bits, count, drawn(own.rootSeeds), Math.ceil(outputBits / 8));
        this.sections.push({ kind, shares: { bits, outputBits, mask, maskTopBit, dcf } });
      }
    }
    if (!reader.done) throw new MaterialShortfallError('dealer material has trailing bytes');
  }

  private take(request: MaterialRequest): Section {
    const section = this.sections[this.next];
    const matches = section !== undefined && sameRequest(requestOf(section), request);
    if (!matches) {
      const found = section ? describeRequest(requestOf(section)) : 'nothing';
      throw new MaterialShortfallError(
        `dealer material shortfall: needed ${describeRequest(request)} at section ${this.next}, found ${found}`,
      );
    }
    this.next++;
    return section;
  }

  triples(count: number): TripleShares {
    return (this.take({ kind: 'triple', count }) as Extract<Section, { kind: 'triple' }>).shares;
  }
  squares(count: number): SquareShares {
    return (this.take({ kind: 'square', count }) as Extract<Section, { kind: 'square' }>).shares;
  }
  lifts(count: number): LiftShares {
    return (this.take({ kind: 'lift', count }) as Extract<Section, { kind: 'lift' }>).shares;
  }
  wideSquares(count: number): WideSquareShares {
    return (this.take({ kind: 'wideSquare', count }) as Extract<Section, { kind: 'wideSquare' }>).shares;
  }
  wideTriples(count: number): WideTripleShares {
    return (this.take({ kind: 'wideTriple', count }) as Extract<Section, { kind: 'wideTriple' }>).shares;
  }
  /** AND triples for `words` 64-bit words of gates. */
  andTriples(words: number): AndTripleShares {
    return (this.take({ kind: 'andTriple', count: words }) as Extract<Section, { kind: 'andTriple' }>).shares;
  }
  edaBits(count: number, bits = 64): EdaBitShares {
    return (this.take({ kind: 'edaBit', count, bits }) as Extract<Section, { kind: 'edaBit' }>).shares;
  }
  bitCounts(count: number): BitCountShares {
    return (this.take({ kind: 'bitCount', count }) as Extract<Section, { kind: 'bitCount' }>).shares;
  }
  /** `outputBits` as in the request: what is made from the lift and the products is exact mod 2^outputBits. */
  edaLifts(count: number, fields: number, bits = 64, outputBits = 64): EdaLiftShares {
    const request = { kind: 'edaLift', count, fields, bits, outputBits } as const;
    return (this.take(request) as Extract<Section, { kind: 'edaLift' }>).shares;
  }
  /** `outputBits` as in the request: the selects are exact mod 2^outputBits only. */
  /** `outputBits` as in the request: the outputs are exact mod 2^outputBits only. */
  comparisons(bits: number, count: number, outputBits = 64): ComparisonShares {
    const request = { kind: 'comparison', bits, count, outputBits } as const;
    return (this.take(request) as Extract<Section, { kind: 'comparison' }>).shares;
  }
  /** Throws unless every section was used: the dealer must send exactly what the program needs. */
  assertConsumed(): void {
    if (this.next !== this.sections.length) {
      throw new MaterialShortfallError(
        `dealer material has ${this.sections.length - this.next} unused sections`,
      );
    }
  }
}

function lengthOf(section: Section): number {
  if (section.kind === 'comparison') return section.shares.mask.length;
  if (section.kind === 'lift') return section.shares.product.length;
  if (section.kind === 'wideSquare' || section.kind === 'wideTriple') return section.shares.a.length / 2;
  if (section.kind === 'andTriple') return section.shares.c.length / 2;
  if (section.kind === 'edaBit') return section.shares.arithmetic.length;
  if (section.kind === 'bitCount') return section.shares.mask.length;
  if (section.kind === 'edaLift') return section.shares.lift.product.length;
  return section.shares.a.length;
}

/** Bits per edaBit of a section: its planes over the planes of its count. */
function edaBitCount(section: Extract<Section, { kind: 'edaBit' }>): number {
  return section.shares.bits.length / planeWords(section.shares.arithmetic.length);
}

function requestOf(section: Section): MaterialRequest {
  if (section.kind === 'edaBit')
    return { kind: 'edaBit', count: lengthOf(section), bits: edaBitCount(section) };
  if (section.kind === 'edaLift') {
    const { bits, outputBits } = section;
    return {
      kind: 'edaLift',
      count: lengthOf(section),
      fields: section.shares.edaBits.length,
      bits,
      outputBits,
    };
  }
  return section.kind === 'comparison'
    ? {
        kind: 'comparison',
        bits: section.shares.bits,
        count: section.shares.mask.length,
        outputBits: section.shares.outputBits,
      }
    : { kind: section.kind, count: lengthOf(section) };
}
