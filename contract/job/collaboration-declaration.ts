import { createHash } from 'node:crypto';
import type { ComputationSpec } from '../analysis/analysis-spec.ts';
import { fractionalBitsOf } from '../analysis/field-encoding.ts';
import { MAX_INPUT_ROWS } from '../input/input-limits.ts';

/**
 * What a collaboration declares and every participant agrees to by sealing its input: the computation (spec,
 * with what it releases and the most rows each participant may send), the fewest inputs it may run over, and
 * who receives the result. Clients bind its digest into the AAD of
 * their input shares (`contract/crypto/aad.ts`), so a job description that states another declaration than
 * the one participants sealed under opens none of their shares: the servers check the job against what the
 * clients sealed, not against what the coordinator says.
 *
 * API: `declarationDigest(declaration)`: SHA-256 (hex) of a canonical encoding (keys sorted, defaults filled
 * in, recipients as a sorted set), so the client (from the API's collaboration) and the servers (from the
 * job description) compute the same digest whatever order or optional fields each representation has.
 */
export type ResultRecipientsDeclaration = 'all-participants' | readonly string[];

export interface CollaborationDeclaration {
  spec: ComputationSpec;
  minParticipants: number;
  resultRecipients: ResultRecipientsDeclaration;
}

const LABEL = 'mpc-coordination/declaration/v1';

export function declarationDigest(declaration: CollaborationDeclaration): string {
  const { spec, minParticipants, resultRecipients } = declaration;
  const canonical = canonicalJson({
    label: LABEL,
    fields: spec.fields.map((field) => ({ ...field, fractionalBits: fractionalBitsOf(field) })),
    analyses: spec.analyses,
    // What the result may release; absent members drop out, so specs without them keep their digest.
    minCellSize: spec.minCellSize,
    privacy: spec.privacy,
    // The row cap the noise is scaled to and inputs are held to; the system cap is the default, so declaring
    // it is the same declaration as declaring none.
    maxRowsPerParticipant:
      spec.maxRowsPerParticipant === MAX_INPUT_ROWS ? undefined : spec.maxRowsPerParticipant,
    minParticipants,
    resultRecipients:
      resultRecipients === 'all-participants' ? resultRecipients : [...new Set(resultRecipients)].sort(),
  });
  return createHash('sha256').update(canonical).digest('hex');
}

/** JSON with object keys sorted and undefined members dropped, arrays kept in order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
