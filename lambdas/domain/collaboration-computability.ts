import { checkComputable } from '../../contract/analysis/computability.ts';
import { MAX_INPUT_ROWS } from '../../contract/input/input-limits.ts';
import { computationSpecOf, DRAFT_SPEC_PATHS, type CollaborationDraft } from './collaboration.ts';
import { DomainError } from './errors.ts';

/** The most rows a collaboration's job may hold: every participant sending the most rows an input may hold. */
export function worstCaseRows(maxParticipants: number): number {
  return maxParticipants * MAX_INPUT_ROWS;
}

/**
 * The servers' own computability check (checkComputable) for the most rows the collaboration could
 * receive, so a spec they could not compute is refused at creation instead of failing after every upload.
 * Returns the `not-computable` refusal naming each field and what to declare, or undefined.
 */
export function notComputable(draft: CollaborationDraft): DomainError | undefined {
  const rows = worstCaseRows(draft.maxParticipants);
  const computability = checkComputable(computationSpecOf(draft), rows, {
    paths: DRAFT_SPEC_PATHS,
    rowsPerParticipant: MAX_INPUT_ROWS,
  });
  if (computability.computable) return undefined;
  const detail =
    `Not computable for up to ${draft.maxParticipants} participants of at most ${MAX_INPUT_ROWS} rows ` +
    `each: ${computability.reasons.join('; ')}`;
  return new DomainError('not-computable', detail, computability.violations);
}
