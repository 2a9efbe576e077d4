import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldSpec } from '../../../../contract/analysis/analysis-spec.ts';
import { shareRows } from '../../../../contract/input/input-codec.ts';
import { sealedInputShareBytes } from '../../../../contract/input/input-share-size.ts';
import { generateKeyPair, seal } from '../../../../contract/crypto/hpke.ts';

describe('sealed input share size', () => {
  it('equals the size of a real sealed share for any row and field count', async () => {
    const { publicKey } = await generateKeyPair();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 40 }),
        async (fieldCount, rowCount) => {
          const fields: FieldSpec[] = Array.from({ length: fieldCount }, (_, i) => ({
            name: `f${i}`,
            type: 'int',
          }));
          const rows = Array.from({ length: rowCount }, (_, r) => fields.map((_, i) => r - i));
          const payloads = shareRows(rows, fields);
          for (const party of ['A', 'B'] as const) {
            const sealed = await seal({
              recipientPublicKey: publicKey,
              plaintext: payloads[party],
              aad: new Uint8Array(3),
            });
            expect(sealed.byteLength).toBe(sealedInputShareBytes(party, fieldCount, rowCount));
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
