import { checkComputable } from '../../contract/analysis/computability.ts';
import { rowCapOf } from '../../contract/input/row-cap.ts';
import { computationSpecOf, DRAFT_SPEC_PATHS, type CollaborationDraft } from './collaboration.ts';
import { DomainError } from './errors.ts';

/** The most rows a collaboration's job may hold: every participant sending as many rows as its cap allows. */
export function worstCaseRows(
  draft: Pick<CollaborationDraft, 'maxParticipants' | 'maxRowsPerParticipant'>,
): number {
  return draft.maxParticipants * rowCapOf(draft);
}

/**
 * The servers' own computability check (checkComputable) for the most rows the collaboration could
 * receive, so a spec they could not compute is refused at creation instead of failing after every upload.
 * Returns the `not-computable` refusal naming each field and what to declare, or undefined.
 */
export function notComputable(draft: CollaborationDraft): DomainError | undefined {
  const rows = worstCaseRows(draft);
  const rowsPerParticipant = rowCapOf(draft);
  const computability = checkComputable(computationSpecOf(draft), rows, {
    paths: DRAFT_SPEC_PATHS,
    rowsPerParticipant,
  });
  if (computability.computable) return undefined;
  const detail =
    `Not computable for up to ${draft.maxParticipants} participants of at most ${rowsPerParticipant} rows ` +
    `each: ${computability.reasons.join('; ')}`;
  return new DomainError('not-computable', detail, computability.violations);
}
