import type { ComputationSpec } from '../analysis/analysis-spec.ts';
import type { ResultRecipientsDeclaration } from './collaboration-declaration.ts';

/**
 * What one computation job runs, written by the workflow to `storageLayout.jobDescription(jobId)` (JSON)
 * and read by the dealer and both servers. Inputs are processed in the listed order (the union of their
 * rows); `rowCount` is what the participant declared, and a share whose decoded row count differs is a bad
 * input.
 */
export interface JobInput {
  inputId: string;
  participantId: string;
  rowCount: number;
}

export interface ResultRecipient {
  recipientId: string;
  /** HPKE public key (base64url, raw X25519) the result shares are sealed to. */
  publicKey: string;
}

export interface JobDescription {
  jobId: string;
  collaborationId: string;
  /** 1 for the first run; the workflow increments it on retry. */
  attempt: number;
  spec: ComputationSpec;
  inputs: JobInput[];
  /**
   * Fewest distinct participants with a valid input the job computes over; with fewer (after the servers
   * excluded bad inputs) it fails with TOO_FEW_VALID_INPUTS and writes no result share.
   */
  minParticipants: number;
  /**
   * Who the collaboration declares receives the result. With `spec` and `minParticipants` it is the
   * declaration whose digest the clients sealed their shares under, so the servers check `recipients`
   * against it: all-participants means exactly the participants of `inputs`, a list exactly that list.
   */
  resultRecipients: ResultRecipientsDeclaration;
  recipients: ResultRecipient[];
  /** Where A reaches B: B listens on this port (on all interfaces or `host` locally). */
  peer: { host: string; port: number };
  /** Absent for a job run by one pair of servers; see `shard-plan.ts`. */
  shard?: JobShard;
}

/**
 * A sharded job's stage. Both stages carry the whole job's inputs, declaration and recipients, so each server
 * checks the whole job (`check-job.ts`) and derives the shard's inputs itself (`assignInputsToShards`).
 * - part: shard `index` of `count` runs the program over its inputs and seals its partial figures to its own
 *   domain's key, for the combine job `combineJobId`;
 * - combine: reads the `count` partials of its domain, joins them with the peer and seals the result shares.
 */
export type JobShard =
  { stage: 'part'; index: number; count: number; combineJobId: string } | { stage: 'combine'; count: number };

export class JobDescriptionError extends Error {
  override readonly name = 'JobDescriptionError';
}

/** Parses and checks the shape of a job description; throws JobDescriptionError with the first problem. */
export function parseJobDescription(text: string): JobDescription {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new JobDescriptionError('job description is not JSON');
  }
  const job = value as Partial<JobDescription>;
  const fail = (what: string): never => {
    throw new JobDescriptionError(`job description: ${what}`);
  };
  if (typeof job !== 'object' || job === null) fail('not an object');
  if (typeof job.jobId !== 'string' || job.jobId === '') fail('jobId missing');
  if (typeof job.collaborationId !== 'string' || job.collaborationId === '') fail('collaborationId missing');
  if (!Number.isInteger(job.attempt)) fail('attempt missing');
  if (!job.spec || !Array.isArray(job.spec.fields) || !Array.isArray(job.spec.analyses)) fail('spec missing');
  if (!Array.isArray(job.inputs)) fail('inputs missing');
  for (const input of job.inputs ?? []) {
    if (typeof input.inputId !== 'string' || typeof input.participantId !== 'string')
      fail('input without ids');
    if (!Number.isInteger(input.rowCount) || input.rowCount < 0)
      fail(`input ${input.inputId} has no rowCount`);
  }
  if (!Number.isInteger(job.minParticipants) || (job.minParticipants ?? 0) < 1)
    fail('minParticipants missing');
  if (!Array.isArray(job.recipients) || job.recipients.length === 0) fail('no result recipients');
  if (!job.peer || typeof job.peer.host !== 'string' || !Number.isInteger(job.peer.port))
    fail('peer endpoint missing');
  const declared = job.resultRecipients;
  if (
    declared !== 'all-participants' &&
    !(Array.isArray(declared) && declared.every((id) => typeof id === 'string' && id !== ''))
  )
    fail('resultRecipients missing');
  if (job.shard !== undefined) checkShard(job.shard, job.inputs?.length ?? 0, fail);
  return job as JobDescription;
}

function checkShard(shard: Partial<JobShard>, inputCount: number, fail: (what: string) => never): void {
  const count = shard.count;
  if (!Number.isInteger(count) || count! < 1) fail('shard count missing');
  if (count! > Math.max(1, inputCount)) fail(`${count} shards for ${inputCount} inputs`);
  if (shard.stage === 'part') {
    const { index, combineJobId } = shard;
    if (!Number.isInteger(index) || index! < 0 || index! >= count!) fail('shard index outside the count');
    if (typeof combineJobId !== 'string' || combineJobId === '') fail('shard combineJobId missing');
  } else if (shard.stage !== 'combine') fail('shard stage must be part or combine');
}
