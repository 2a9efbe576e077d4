import { describe, expect, it } from 'vitest';
import type { ComputationSpec } from '../../../../contract/analysis/analysis-spec.ts';
import { MAX_INPUT_ROWS } from '../../../../contract/input/input-limits.ts';
import {
  declarationDigest,
  type CollaborationDeclaration,
} from '../../../../contract/job/collaboration-declaration.ts';

/** The digest every input is sealed under covers the declared row cap: a coordinator cannot change it. */
const spec: ComputationSpec = {
  fields: [{ name: 'x', type: 'int', min: 0, max: 9 }],
  analyses: [{ kind: 'count' }],
  privacy: { epsilon: 1, delta: 0 },
};
const declared = (extra: Partial<ComputationSpec>): CollaborationDeclaration => ({
  spec: { ...spec, ...extra },
  minParticipants: 2,
  resultRecipients: 'all-participants',
});

describe('declaration digest and the row cap', () => {
  it('differs for another cap, and with a cap from without one', () => {
    const digests = [undefined, 100, 101, 1].map((cap) =>
      declarationDigest(declared(cap === undefined ? {} : { maxRowsPerParticipant: cap })),
    );
    expect(new Set(digests).size).toBe(4);
  });

  it('declaring the system cap is declaring none; key order does not matter', () => {
    expect(declarationDigest(declared({ maxRowsPerParticipant: MAX_INPUT_ROWS }))).toBe(
      declarationDigest(declared({})),
    );
    const reordered: CollaborationDeclaration = {
      resultRecipients: 'all-participants',
      minParticipants: 2,
      spec: {
        maxRowsPerParticipant: 100,
        privacy: spec.privacy,
        analyses: spec.analyses,
        fields: spec.fields,
      },
    };
    expect(declarationDigest(reordered)).toBe(declarationDigest(declared({ maxRowsPerParticipant: 100 })));
  });
});
