import { randomBytes } from 'node:crypto';
import {
  encodeManifest,
  programDigest,
  writeSealed,
  type MaterialScope,
} from '../runtime/dealer-envelope.ts';
import { asJobFailure } from '../runtime/failure.ts';
import { loadJob } from '../runtime/load-job.ts';
import type { JobStatusStore } from '../status/job-status.ts';
import type { ObjectStore } from '../storage/object-store.ts';
import type { Party } from '../transport/peer-channel.ts';
import { dealerChunks } from './dealer-plan.ts';

/**
 * The dealer's job: read the job description, compile the program, and write for each server its sealed
 * manifest (PRG seed, program digest, chunk count) and its sealed material chunk by chunk. Link keys are
 * never the dealer's business (see `PeerTls` in `server/run-server.ts`). One chunk is in memory at a time.
 * Reports progress and the outcome to the job status.
 */
export interface DealerDependencies {
  jobId: string;
  /** The bucket holding job descriptions and dealer material (the input bucket). */
  store: ObjectStore;
  status: JobStatusStore;
  log?: (message: string) => void;
}

export async function runDealer(deps: DealerDependencies): Promise<{ chunkCount: number; bytes: number }> {
  const { jobId, store, status } = deps;
  const log = deps.log ?? (() => undefined);
  try {
    await status.report(jobId, 'DEALER', { state: 'RUNNING', progress: 0 });
    const { job, program } = await loadJob(store, jobId);
    const seeds: Record<Party, Uint8Array> = { A: randomBytes(16), B: randomBytes(16) };
    const scope = (party: Party): MaterialScope => ({ collaborationId: job.collaborationId, jobId, party });
    const digest = programDigest(program);
    for (const party of ['A', 'B'] as const) {
      const manifest = encodeManifest({
        version: 1,
        jobId,
        programDigest: digest,
        chunkCount: program.chunkCount,
        seed: Buffer.from(seeds[party]).toString('base64'),
      });
      await writeSealed(store, scope(party), job.serverPublicKeys[party], 'manifest', manifest);
    }
    log(`dealer: ${program.chunkCount} chunks of ${program.chunkRows} rows for ${program.totalRows} rows`);
    let chunk = 0;
    let bytes = 0;
    for (const material of dealerChunks(program, seeds)) {
      for (const party of ['A', 'B'] as const) {
        bytes += material[party].byteLength;
        await writeSealed(store, scope(party), job.serverPublicKeys[party], chunk, material[party]);
      }
      chunk++;
      await status.report(jobId, 'DEALER', { state: 'RUNNING', progress: chunk / program.chunkCount });
    }
    await status.report(jobId, 'DEALER', { state: 'DONE' });
    return { chunkCount: program.chunkCount, bytes };
  } catch (error) {
    const failure = asJobFailure(error);
    await status
      .report(jobId, 'DEALER', { state: 'FAILED', reasonCode: failure.code, message: failure.message })
      .catch(() => undefined);
    throw failure;
  }
}
