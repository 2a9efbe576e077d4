import { PeerLinkError } from '../transport/peer-channel.ts';
import { HpkeOpenError } from '../../contract/crypto/hpke.ts';
import { MaterialShortfallError } from '../engine/material.ts';
import { JobDescriptionError } from '../../contract/job/job-description.ts';
import { ProgramError } from '../analyses/program.ts';
import { ObjectNotFoundError } from '../../contract/storage/object-store.ts';

/**
 * Why a job ended badly, as the stable reason code written to the job status (UPPER_SNAKE_CASE) and a
 * message for people. Components throw `JobFailure` where they know the reason; anything else is mapped
 * from its error type.
 */
export type FailureCode =
  | 'JOB_DESCRIPTION_INVALID'
  | 'JOB_DESCRIPTION_MISSING'
  | 'PROGRAM_INVALID'
  | 'BAD_INPUT'
  | 'TOO_FEW_VALID_INPUTS'
  | 'DEALER_MATERIAL_MISSING'
  | 'DEALER_MATERIAL_INVALID'
  | 'DEALER_SHORTFALL'
  | 'DEALER_NOT_AUTHENTIC'
  /** The dealer's material stream to a server broke (the server died or went away): the dealer ends. */
  | 'SERVER_LOST'
  | 'SHARD_PARTIAL_MISSING'
  | 'SHARD_PARTIAL_INVALID'
  | 'DUPLICATE_INPUT'
  | 'DUPLICATE_PARTICIPANT'
  | 'TOO_FEW_INPUTS'
  | 'UNDECLARED_RECIPIENT'
  | 'DUPLICATE_RECIPIENT'
  | 'MISSING_RECIPIENT'
  | 'SPEC_DIGEST_MISMATCH'
  | 'PEER_LOST'
  | 'PEER_DISAGREES'
  | 'CONFIGURATION'
  | 'TASK_METADATA_UNAVAILABLE'
  | 'NO_PROGRESS'
  | 'INTERNAL';

/** A last FAILED report gets this long: a process whose status store hangs must still end. */
export const FINAL_REPORT_MS = 15_000;

export class JobFailure extends Error {
  override readonly name = 'JobFailure';
  constructor(
    readonly code: FailureCode,
    message: string,
    readonly failedInputIds: string[] = [],
  ) {
    super(message);
  }
}

export function asJobFailure(error: unknown): JobFailure {
  if (error instanceof JobFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof PeerLinkError) return new JobFailure('PEER_LOST', `peer link lost: ${message}`);
  if (error instanceof MaterialShortfallError) return new JobFailure('DEALER_SHORTFALL', message);
  if (error instanceof JobDescriptionError) return new JobFailure('JOB_DESCRIPTION_INVALID', message);
  if (error instanceof ProgramError) return new JobFailure('PROGRAM_INVALID', message);
  if (error instanceof HpkeOpenError) return new JobFailure('DEALER_MATERIAL_INVALID', message);
  if (error instanceof ObjectNotFoundError) return new JobFailure('DEALER_MATERIAL_MISSING', message);
  return new JobFailure('INTERNAL', message);
}
