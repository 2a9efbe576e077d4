import { describe, expect, it } from 'vitest';
import type { FieldSpec } from '../../../contract/analysis/analysis-spec.ts';
import {
  checkInputShare,
  decodeInputShare,
  InputShareError,
  shareRows,
} from '../../../contract/input/input-codec.ts';
import { parseJobDescription } from '../../../contract/job/job-description.ts';
import {
  decodeResult,
  decodeResultDetails,
  encodeResultShare,
  ResultDecodeError,
} from '../../../contract/result/result-codec.ts';
import { add } from '../../../contract/sharing/ring.ts';

const fields: FieldSpec[] = [
  { name: 'age', type: 'int', min: 0, max: 120 },
  { name: 'score', type: 'fixed', fractionalBits: 4, min: -10, max: 10 },
];

describe('input sharing codec', () => {
  it('A gets a 16-byte seed, B the masked words, and the decoded shares add up to the encoded rows', () => {
    const { A, B } = shareRows([{ age: 30, score: -1.5 }, [99, 2.0625]], fields);
    expect(A.byteLength).toBe(24 + 16);
    expect(B.byteLength).toBe(24 + 2 * 2 * 8);
    const a = decodeInputShare('A', A, fields);
    const b = decodeInputShare('B', B, fields);
    expect(a.rowCount).toBe(2);
    expect([...add(a.columns[0]!, b.columns[0]!)]).toEqual([30n, 99n]);
    expect([...add(a.columns[1]!, b.columns[1]!)].map((v) => BigInt.asIntN(64, v))).toEqual([-24n, 33n]);
  });

  it('the client rejects rows outside the declared bounds or with missing fields', () => {
    expect(() => shareRows([[121, 0]], fields)).toThrow(/row 0: field "age" value 121 is outside its bounds/);
    expect(() => shareRows([{ age: 1 }], fields)).toThrow(/row 0: field "score" is missing/);
    expect(() => shareRows([[1.5, 0]], fields)).toThrow(/must be an integer/);
  });

  it('the server rejects a share for the other server, another schema, or with the wrong length', () => {
    const { A, B } = shareRows([[1, 1]], fields);
    expect(() => decodeInputShare('B', A, fields)).toThrow(InputShareError);
    expect(() =>
      decodeInputShare('A', A, [fields[0]!, { ...fields[1]!, fractionalBits: 5 } as FieldSpec]),
    ).toThrow(/number of fields|another schema/);
    expect(() => decodeInputShare('B', B.subarray(0, B.byteLength - 8), fields)).toThrow(/1 rows need 16/);
    expect(() => decodeInputShare('A', new Uint8Array(10), fields)).toThrow(/bad magic/);
  });

  it('the server checks a share exactly as decoding it would, without building its columns', () => {
    const { A, B } = shareRows(
      [
        [1, 1],
        [2, 2],
        [3, 3],
      ],
      fields,
    );
    expect(checkInputShare('A', A, fields)).toBe(3);
    expect(checkInputShare('B', B, fields)).toBe(3);
    const otherSchema = [fields[0]!, { ...fields[1]!, fractionalBits: 5 } as FieldSpec];
    for (const [party, payload, schema] of [
      ['B', A, fields],
      ['A', A, otherSchema],
      ['B', B.subarray(0, B.byteLength - 8), fields],
      ['A', A.subarray(0, A.byteLength - 1), fields],
      ['A', new Uint8Array(10), fields],
    ] as const) {
      const decoding = (() => {
        try {
          decodeInputShare(party, payload, schema);
        } catch (error) {
          return (error as Error).message;
        }
        return 'decoded';
      })();
      expect(decoding).not.toBe('decoded');
      expect(() => checkInputShare(party, payload, schema)).toThrow(new InputShareError(decoding));
    }
  });
});

describe('result codec', () => {
  const spec = { fields: [fields[1]!], analyses: [{ kind: 'variance' as const }, { kind: 'min' as const }] };
  it('adds the two shares and derives mean and population variance exactly', () => {
    // Values -1, 1, 3 at f = 4: count 3, sum 3 * 16 and sum of squares 11 * 256 (two words each, in
    // Z_2^128), then the min's count and value; then the validity words: 2 rows dropped in all, 1 of them the
    // recipient's. The masks make the low limbs carry into the high ones.
    const values = [3n, 48n, 2816n, 3n, -16n, 2n, 1n];
    const masks = [5n, 2n ** 128n - 1n, 2n ** 64n + 77n, 1n, 9n, 2n ** 64n - 1n, 3n];
    const widths = [1, 2, 2, 1, 1, 1, 1];
    const split = (share: (i: number) => bigint): BigUint64Array =>
      BigUint64Array.from(
        widths.flatMap((width, i) =>
          width === 2
            ? [BigInt.asUintN(64, share(i)), BigInt.asUintN(64, share(i) >> 64n)]
            : [BigInt.asUintN(64, share(i))],
        ),
      );
    const shareA = encodeResultShare(split((i) => masks[i]!));
    const shareB = encodeResultShare(split((i) => BigInt.asUintN(128, values[i]! - masks[i]!)));
    const [variance, min] = decodeResult(spec, shareA, shareB);
    expect(variance).toMatchObject({ kind: 'variance', field: 'score', count: 3, mean: 1, value: 8 / 3 });
    expect(min).toMatchObject({ kind: 'min', count: 3, value: -1 });
    expect(decodeResultDetails(spec, shareA, shareB)).toMatchObject({ droppedRows: 2, ownDroppedRows: 1 });
  });

  it('rejects shares of the wrong length', () => {
    const short = encodeResultShare(new BigUint64Array(2));
    expect(() => decodeResult(spec, short, short)).toThrow(ResultDecodeError);
  });
});

describe('job description', () => {
  it('names the first missing piece', () => {
    expect(() => parseJobDescription('{')).toThrow(/not JSON/);
    expect(() => parseJobDescription(JSON.stringify({ jobId: 'j' }))).toThrow(/collaborationId missing/);
  });
});

describe('bounds that are not on the 2^-f grid', () => {
  it('accept every value inside the declared bounds and reject values outside', () => {
    const field: FieldSpec[] = [{ name: 'v', type: 'fixed', fractionalBits: 0, min: 0.3, max: 2.6 }];
    // 0.4 encodes to 0 and 2.55 to 3: both inside the declared real bounds, so both must be accepted.
    const { A, B } = shareRows([[0.4], [2.55]], field);
    const a = decodeInputShare('A', A, field);
    const b = decodeInputShare('B', B, field);
    expect([...add(a.columns[0]!, b.columns[0]!)]).toEqual([0n, 3n]);
    expect(() => shareRows([[0.2]], field)).toThrow(/outside its bounds/);
    expect(() => shareRows([[2.7]], field)).toThrow(/outside its bounds/);
  });
});
