import type { JobDescription } from '../../contract/job/job-description.ts';
import { MAX_EXCLUDED_INPUTS, type ExcludedInput } from '../../contract/job/job-status.ts';
import type { Party } from '../../contract/party.ts';
import { JobFailure } from '../runtime/failure.ts';

/**
 * The inputs both servers leave out of a job: each server finds its own bad shares (missing, not opening,
 * wrong schema digest, wrong row count, over the row cap); the two exchange their findings over the peer
 * link and both take the union, so both compute on the same rows and report the same list. An excluded
 * input's rows stay in the program (the dealer made material for the declared rows) but count as invalid.
 */
export interface ServerFindings {
  party: Party;
  /** Parallel lists: the bad input ids and why each is bad on this server. */
  failedInputIds: string[];
  reasons: string[];
}

/** The union of both servers' findings in job order, each with A's reason then B's: the same on both. */
export function combineExclusions(job: JobDescription, findings: readonly ServerFindings[]): ExcludedInput[] {
  const byInput = new Map<string, string[]>();
  for (const party of ['A', 'B'] as const) {
    for (const found of findings.filter((candidate) => candidate.party === party)) {
      found.failedInputIds.forEach((inputId, i) => {
        const reasons = byInput.get(inputId) ?? [];
        reasons.push(found.reasons[i] ?? `share for ${party} is bad`);
        byInput.set(inputId, reasons);
      });
    }
  }
  return job.inputs
    .filter((input) => byInput.has(input.inputId))
    .slice(0, MAX_EXCLUDED_INPUTS)
    .map((input) => ({ inputId: input.inputId, reason: joinReasons(byInput.get(input.inputId)!) }));
}

/** "share for A is X" and "share for B is X" read as "shares for A and B are X". */
function joinReasons(reasons: readonly string[]): string {
  const [a, b] = reasons;
  if (
    reasons.length === 2 &&
    a?.startsWith('share for A is ') &&
    b === a.replace('share for A ', 'share for B ')
  )
    return `shares for A and B are ${a.slice('share for A is '.length)}`;
  return reasons.join('; ');
}

/** Fails with TOO_FEW_VALID_INPUTS when fewer than `minParticipants` participants keep a valid input. */
export function requireEnoughValidInputs(job: JobDescription, excluded: readonly ExcludedInput[]): void {
  const excludedIds = new Set(excluded.map((input) => input.inputId));
  const participants = new Set(
    job.inputs.filter((input) => !excludedIds.has(input.inputId)).map((input) => input.participantId),
  );
  if (participants.size < job.minParticipants) {
    throw new JobFailure(
      'TOO_FEW_VALID_INPUTS',
      `${participants.size} participants have a valid input, the minimum is ${job.minParticipants}: ` +
        excluded.map((input) => `${input.inputId}: ${input.reason}`).join('; '),
      [...excludedIds],
    );
  }
}

/** Indexes of the inputs a recipient owns: its dropped-row count is sealed only in its result share. */
export function inputsOwnedBy(job: JobDescription, recipientId: string): number[] {
  return job.inputs.flatMap((input, index) => (input.participantId === recipientId ? [index] : []));
}
