import { createHash, randomBytes } from 'node:crypto';
import { prgWords, SEED_BYTES } from '../sharing/prg.ts';
import { ringVector, sub, wordsFromBytes, type RingVector } from '../sharing/ring.ts';
import type { Party } from '../party.ts';
import type { FieldSpec } from '../analysis/analysis-spec.ts';
import { encodedBounds, fractionalBitsOf } from '../analysis/field-encoding.ts';
import { encodeFixed } from '../analysis/fixed-point.ts';
import { MAX_INPUT_ROWS } from './input-limits.ts';

/**
 * Input sharing, done by the client: rows are encoded as fixed point per field, the client draws a 16-byte
 * seed s, A's share is PRG(s) (AES-128-CTR, one stream per field) and B's share is x - PRG(s). A's payload
 * carries only s; B's carries the words. Each payload is then HPKE-sealed to its server (not here).
 *
 * Payload v1 (little-endian): "MPCI", version 1, party (0 = A, 1 = B), u16 field count, u32 row count,
 * 4 zero bytes, 8-byte schema digest (SHA-256 of the field list, so a share built for another schema is
 * rejected), then A: the 16-byte seed; B: row count * field count u64 words, field-major.
 */
const MAGIC = [0x4d, 0x50, 0x43, 0x49];
const VERSION = 1;
export const HEADER_BYTES = 24;
const INPUT_STREAM = 0x494e5054; // "INPT": separates input streams from dealer streams

export class InputShareError extends Error {
  override readonly name = 'InputShareError';
}

export type Row = readonly number[] | Readonly<Record<string, number>>;

export function schemaDigest(fields: readonly FieldSpec[]): Uint8Array {
  const canonical = JSON.stringify(
    fields.map((f) => [f.name, f.type, fractionalBitsOf(f), f.min ?? null, f.max ?? null]),
  );
  return createHash('sha256').update(canonical).digest().subarray(0, 8);
}

/** Encodes rows column by column, rejecting values outside a field's declared bounds. */
export function encodeColumns(rows: readonly Row[], fields: readonly FieldSpec[]): RingVector[] {
  return fields.map((field, index) => {
    const column = ringVector(rows.length);
    const { low, high } = encodedBounds(field);
    const f = fractionalBitsOf(field);
    rows.forEach((row, r) => {
      const value = Array.isArray(row)
        ? (row as readonly number[])[index]
        : (row as Record<string, number>)[field.name];
      if (typeof value !== 'number') throw new InputShareError(`row ${r}: field "${field.name}" is missing`);
      if (field.type === 'int' && !Number.isInteger(value))
        throw new InputShareError(`row ${r}: field "${field.name}" must be an integer`);
      const outside =
        (field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max);
      const encoded = encodeFixed(value, f);
      const signed = BigInt.asIntN(64, encoded);
      if (outside || signed < low || signed > high) {
        throw new InputShareError(`row ${r}: field "${field.name}" value ${value} is outside its bounds`);
      }
      column[r] = encoded;
    });
    return column;
  });
}

function header(party: Party, fields: readonly FieldSpec[], rowCount: number): Uint8Array {
  const out = new Uint8Array(HEADER_BYTES);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  out[4] = VERSION;
  out[5] = party === 'A' ? 0 : 1;
  view.setUint16(6, fields.length, true);
  view.setUint32(8, rowCount, true);
  out.set(schemaDigest(fields), 16);
  return out;
}

const seedColumn = (seed: Uint8Array, field: number, rowCount: number): RingVector =>
  prgWords(seed, { stream: INPUT_STREAM, substream: field }, rowCount);

/** The two plaintext payloads a client produces for its rows: A gets a seed, B gets x - PRG(seed). */
export function shareRows(
  rows: readonly Row[],
  fields: readonly FieldSpec[],
): { A: Uint8Array; B: Uint8Array } {
  if (rows.length > MAX_INPUT_ROWS)
    throw new InputShareError(`${rows.length} rows: an input may hold at most ${MAX_INPUT_ROWS}`);
  const columns = encodeColumns(rows, fields);
  const seed = randomBytes(SEED_BYTES);
  const A = new Uint8Array(HEADER_BYTES + SEED_BYTES);
  A.set(header('A', fields, rows.length));
  A.set(seed, HEADER_BYTES);
  const B = new Uint8Array(HEADER_BYTES + rows.length * fields.length * 8);
  B.set(header('B', fields, rows.length));
  columns.forEach((column, index) => {
    const share = sub(column, seedColumn(seed, index, rows.length));
    B.set(new Uint8Array(share.buffer), HEADER_BYTES + index * rows.length * 8);
  });
  return { A, B };
}

/** Plaintext size of a party's input share payload (header plus A's seed or B's words), for size checks. */
export function inputSharePayloadBytes(party: Party, fieldCount: number, rowCount: number): number {
  return HEADER_BYTES + (party === 'A' ? SEED_BYTES : rowCount * fieldCount * 8);
}

export interface DecodedInputShare {
  rowCount: number;
  /** One share column per field. */
  columns: RingVector[];
}

/** A server's decoder: checks the header against the job's schema and returns share columns. */
export function decodeInputShare(
  party: Party,
  payload: Uint8Array,
  fields: readonly FieldSpec[],
): DecodedInputShare {
  const rowCount = checkInputShare(party, payload, fields);
  const body = payload.subarray(HEADER_BYTES);
  if (party === 'A') {
    const seed = new Uint8Array(body);
    return { rowCount, columns: fields.map((_, index) => seedColumn(seed, index, rowCount)) };
  }
  const words = wordsFromBytes(body);
  return {
    rowCount,
    columns: fields.map((_, index) => words.slice(index * rowCount, (index + 1) * rowCount)),
  };
}

/**
 * Every check `decodeInputShare` makes (header, party, schema, body size) without building the columns: its
 * row count, or an `InputShareError`. A server checks all shares this way before loading any.
 */
export function checkInputShare(party: Party, payload: Uint8Array, fields: readonly FieldSpec[]): number {
  if (payload.byteLength < HEADER_BYTES || MAGIC.some((byte, i) => payload[i] !== byte)) {
    throw new InputShareError('not an input share (bad magic)');
  }
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  if (payload[4] !== VERSION) throw new InputShareError(`unsupported input share version ${payload[4]}`);
  if (payload[5] !== (party === 'A' ? 0 : 1))
    throw new InputShareError(`input share is not for server ${party}`);
  if (view.getUint16(6, true) !== fields.length)
    throw new InputShareError('input share has the wrong number of fields');
  const digest = schemaDigest(fields);
  if (digest.some((byte, i) => payload[16 + i] !== byte))
    throw new InputShareError('schema digest differs (made for another schema)');
  const rowCount = view.getUint32(8, true);
  if (rowCount > MAX_INPUT_ROWS)
    throw new InputShareError(
      `input share has ${rowCount} rows, more than the ${MAX_INPUT_ROWS} an input may hold`,
    );
  const bodyBytes = payload.byteLength - HEADER_BYTES;
  if (party === 'A') {
    if (bodyBytes !== SEED_BYTES)
      throw new InputShareError('input share A must carry exactly a 16-byte seed');
    return rowCount;
  }
  if (bodyBytes !== rowCount * fields.length * 8) {
    throw new InputShareError(
      `input share B has ${bodyBytes} bytes, ${rowCount} rows need ${rowCount * fields.length * 8}`,
    );
  }
  return rowCount;
}
