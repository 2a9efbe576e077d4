import { MAX_INPUT_ROWS } from '../../contract/input/input-limits.ts';
import { sealedInputShareBytes } from '../../contract/input/input-share-size.ts';
import type { Party } from '../../contract/party.ts';
import type { RuleViolation } from './errors.ts';
import type { InputStatus } from './participation.ts';

export const PARTIES: readonly Party[] = ['A', 'B'];

/** What the client declares about one sealed share before uploading it. */
export interface ShareDeclaration {
  sizeBytes: number;
  /** base64 SHA-256 of the share, as S3 carries it in x-amz-checksum-sha256. */
  sha256: string;
}

export interface Input {
  collaborationId: string;
  inputId: string;
  clientId: string;
  status: InputStatus;
  shares: Record<Party, ShareDeclaration>;
  createdAt: string;
  completedAt?: string;
  /** Declared by the participant: what the dealer plans with and the share sizes must match. */
  rowCount?: number;
  /** Why the servers excluded this input from the computation (set by the workflow). */
  exclusionReason?: string;
}

/**
 * The declared sizes must be exactly what sealed shares of `rowCount` rows of `fieldCount` fields take, and
 * the rows at most the collaboration's per-participant cap (`rowCapOf`, at most MAX_INPUT_ROWS).
 */
export function rowCountViolations(
  rowCount: number | undefined,
  shares: Record<Party, ShareDeclaration>,
  fieldCount: number,
  rowCap: number = MAX_INPUT_ROWS,
): RuleViolation[] {
  if (rowCount === undefined) return [];
  if (!Number.isSafeInteger(rowCount) || rowCount < 1 || rowCount > MAX_INPUT_ROWS)
    return [{ path: '/rowCount', message: `must be an integer 1..${MAX_INPUT_ROWS}` }];
  if (rowCount > rowCap) return [{ path: '/rowCount', message: overRowCap(rowCount, rowCap) }];
  return PARTIES.flatMap((party) => {
    const expected = sealedInputShareBytes(party, fieldCount, rowCount);
    return shares[party].sizeBytes === expected
      ? []
      : [
          {
            path: `/shares/${party}/sizeBytes`,
            message: `must be ${expected} bytes for ${rowCount} rows of ${fieldCount} fields (sealed share of server ${party})`,
          },
        ];
  });
}

export function shareViolations(
  shares: Record<Party, ShareDeclaration>,
  maxShareBytes: number,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  for (const party of PARTIES) {
    const share = shares[party];
    if (!Number.isSafeInteger(share.sizeBytes) || share.sizeBytes < 1 || share.sizeBytes > maxShareBytes)
      violations.push({ path: `/shares/${party}/sizeBytes`, message: `must be 1..${maxShareBytes} bytes` });
    if (Buffer.from(share.sha256, 'base64').length !== 32)
      violations.push({ path: `/shares/${party}/sha256`, message: 'must be a base64 SHA-256 digest' });
  }
  return violations;
}

/** Why an input of `rows` rows is refused by a collaboration that declares at most `rowCap` per participant. */
export function overRowCap(rows: number, rowCap: number): string {
  return `${rows} rows is over the collaboration's maxRowsPerParticipant of ${rowCap}`;
}
