import { randomBytes } from 'node:crypto';
import { encodeManifest, writeSealed, type MaterialScope } from '../runtime/dealer-envelope.ts';
import { stageChunkCount, stageDigest, stageRequests } from '../runtime/job-stage.ts';
import { asJobFailure, FINAL_REPORT_MS } from '../runtime/failure.ts';
import { loadJob } from '../runtime/load-job.ts';
import { settleWithin } from '../runtime/settle-within.ts';
import { Watchdog } from '../runtime/watchdog.ts';
import type { JobStatusStore } from '../../contract/job/job-status.ts';
import type { ObjectStore } from '../../contract/storage/object-store.ts';
import type { Party } from '../../contract/party.ts';
import { plannedChunksInParallel } from './dealer-plan.ts';

/**
 * The dealer's job: read the job description, compile the program, and write for each server its sealed
 * manifest (PRG seed, program digest, chunk count) and its sealed material chunk by chunk. Link keys are
 * never the dealer's business (see `PeerTls` in `server/run-server.ts`). Up to MPC_WORKER_THREADS worker
 * threads make chunks at once (`plannedChunksInParallel`), written in order: that many plus one in memory.
 * Reports progress and the outcome to the job status. A watchdog bounds every step, so a dealer stuck on a
 * store ends with NO_PROGRESS instead of holding the workflow's RunDealer state until its timeout.
 */
export interface DealerDependencies {
  jobId: string;
  /** The bucket holding job descriptions and dealer material (the input bucket). */
  store: ObjectStore;
  /**
   * The dealer's own HPKE private key (material is sealed in Auth mode with it, servers pin its public key)
   * and the servers' public keys, both from the dealer's configuration, never from the job description.
   */
  dealerPrivateKey: Uint8Array;
  serverPublicKeys: Record<Party, string>;
  status: JobStatusStore;
  /**
   * How long one step (reading the job, making a chunk, writing an object, reporting) may take before the
   * dealer gives up with NO_PROGRESS. Default: sized per step, see `dealerStepAllowanceMs`.
   */
  stallTimeoutMs?: number;
  log?: (message: string) => void;
}

/** Any step: an S3 or DynamoDB request that times out once and is retried, or making one chunk. */
export const DEALER_STEP_BASE_MS = 120_000;
/** Writing `bytes` adds their transfer at a floor of 256 KiB/s (a 16 MiB chunk: 64 s more). */
const FLOOR_BYTES_PER_MS = 256;

/** The default time the dealer allows a step that moves `bytes` (0 for the others). */
export function dealerStepAllowanceMs(bytes = 0): number {
  return DEALER_STEP_BASE_MS + Math.ceil(bytes / FLOOR_BYTES_PER_MS);
}

export async function runDealer(deps: DealerDependencies): Promise<{ chunkCount: number; bytes: number }> {
  const { jobId, status } = deps;
  const watchdog = new Watchdog('the dealer');
  const allowance = (bytes?: number): number => deps.stallTimeoutMs ?? dealerStepAllowanceMs(bytes);
  const work = dealerWork(deps, (step, bytes) => watchdog.progress(step, allowance(bytes)));
  work.catch(() => undefined); // a stalled step may settle after the watchdog fired
  try {
    return await Promise.race([work, watchdog.stalled]);
  } catch (error) {
    const failure = asJobFailure(error);
    await settleWithin(
      status.report(jobId, 'DEALER', { state: 'FAILED', reasonCode: failure.code, message: failure.message }),
      FINAL_REPORT_MS,
    );
    throw failure;
  } finally {
    watchdog.stop();
  }
}

/** The dealer's steps; `step(what, bytes?)` announces each one to the watchdog before it starts. */
async function dealerWork(
  deps: DealerDependencies,
  step: (what: string, bytes?: number) => void,
): Promise<{ chunkCount: number; bytes: number }> {
  const { jobId, store, status } = deps;
  const log = deps.log ?? (() => undefined);
  step('reporting to the job status');
  await status.report(jobId, 'DEALER', {
    state: 'RUNNING',
    progress: 0,
    phase: 'reading the job description',
  });
  step('reading the job description');
  const { job, program, stage } = await loadJob(store, jobId);
  const seeds: Record<Party, Uint8Array> = { A: randomBytes(16), B: randomBytes(16) };
  const scope = (party: Party): MaterialScope => ({ collaborationId: job.collaborationId, jobId, party });
  const keys = (party: Party) => ({
    dealerPrivateKey: deps.dealerPrivateKey,
    serverPublicKey: deps.serverPublicKeys[party],
  });
  const digest = stageDigest(stage);
  const chunkCount = stageChunkCount(stage);
  for (const party of ['A', 'B'] as const) {
    const manifest = encodeManifest({
      version: 1,
      jobId,
      programDigest: digest,
      chunkCount,
      seed: Buffer.from(seeds[party]).toString('base64'),
    });
    step(`writing the manifest for server ${party}`);
    await writeSealed(store, scope(party), keys(party), 'manifest', manifest);
  }
  log(
    `dealer: ${stage.kind} job, ${chunkCount} chunks of ${program.chunkRows} rows for ${program.totalRows} rows`,
  );
  const of = chunkCount;
  let chunk = 0;
  let bytes = 0;
  step(`making chunk 1 of ${of}`);
  const requestsOf = (chunk: number) => stageRequests(stage, chunk);
  // The dealer's own seed for the comparison masks: secret, fresh per job, never written anywhere.
  for await (const material of plannedChunksInParallel(chunkCount, requestsOf, seeds, randomBytes(16))) {
    for (const party of ['A', 'B'] as const) {
      const size = material[party].byteLength;
      bytes += size;
      step(`writing chunk ${chunk + 1} of ${of} (${size} bytes) for server ${party}`, size);
      await writeSealed(store, scope(party), keys(party), chunk, material[party]);
    }
    chunk++;
    step('reporting progress to the job status');
    await status.report(jobId, 'DEALER', {
      state: 'RUNNING',
      progress: chunk / of,
      phase: `wrote dealer material chunk ${chunk} of ${of}`,
    });
    step(`making chunk ${chunk + 1} of ${of}`);
  }
  step('reporting to the job status');
  await status.report(jobId, 'DEALER', { state: 'DONE' });
  return { chunkCount, bytes };
}
