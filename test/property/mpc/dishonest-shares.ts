import type { FieldSpec } from '../../../contract/analysis/analysis-spec.ts';
import { encodedBounds, fractionalBitsOf } from '../../../contract/analysis/field-encoding.ts';
import { HEADER_BYTES, encodeColumns, shareRows } from '../../../contract/input/input-codec.ts';

/** What a dishonest participant can send: shares of any 64-bit words, built without the client's checks. */

/** The value an encoded word stands for in a field (rows handed to the codec are numbers). */
export function decode(encoded: bigint, field: FieldSpec): number {
  return Number(encoded) / 2 ** fractionalBitsOf(field);
}

export function decodeRows(
  fields: readonly FieldSpec[],
  encoded: readonly (readonly bigint[])[],
): number[][] {
  return encoded.map((row) => row.map((value, f) => decode(value, fields[f]!)));
}

/** A row of 64-bit words counts only when every word, read as signed, lies within its field's bounds. */
export function isValidWordRow(fields: readonly FieldSpec[], row: readonly bigint[]): boolean {
  return row.every((word, f) => {
    const { low, high } = encodedBounds(fields[f]!);
    const signed = BigInt.asIntN(64, word);
    return signed >= low && signed <= high;
  });
}

/**
 * Shares of `words` (rows of any 64-bit words): honest shares of the in-bounds `base` rows, then B's words
 * moved by (word - base), which the sealed share format cannot tell from honest ones.
 */
export function sharesOfWords(
  fields: readonly FieldSpec[],
  base: readonly (readonly bigint[])[],
  words: readonly (readonly bigint[])[],
): { A: Uint8Array; B: Uint8Array } {
  const payloads = shareRows(decodeRows(fields, base), fields);
  const encoded = encodeColumns(decodeRows(fields, base), fields);
  const view = new DataView(payloads.B.buffer, payloads.B.byteOffset);
  fields.forEach((_, f) =>
    words.forEach((row, r) => {
      const offset = HEADER_BYTES + (f * words.length + r) * 8;
      const moved = view.getBigUint64(offset, true) + row[f]! - encoded[f]![r]!;
      view.setBigUint64(offset, BigInt.asUintN(64, moved), true);
    }),
  );
  return payloads;
}
