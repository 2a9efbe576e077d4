import { randomBytes } from 'node:crypto';
import type { DealerManifest, MaterialScope } from '../runtime/dealer-envelope.ts';
import { DEALER_SILENCE_MS } from '../runtime/dealer-progress.ts';
import type { MaterialPath } from '../runtime/material-path.ts';
import type { MaterialSink } from '../runtime/material-source.ts';
import { StoredMaterialSink } from '../runtime/stored-material.ts';
import { StreamedMaterialSink } from '../runtime/streamed-material.ts';
import { stageChunkCount, stageDigest, stageRequests } from '../runtime/job-stage.ts';
import { asJobFailure, FINAL_REPORT_MS } from '../runtime/failure.ts';
import { loadJob } from '../runtime/load-job.ts';
import { settleWithin } from '../runtime/settle-within.ts';
import { Watchdog } from '../runtime/watchdog.ts';
import type { JobStatusStore } from '../../contract/job/job-status.ts';
import type { ObjectStore } from '../../contract/storage/object-store.ts';
import type { Party } from '../../contract/party.ts';
import { yieldToEventLoop } from '../transport/yield-to-event-loop.ts';
import { plannedChunksInParallel } from './dealer-plan.ts';

/**
 * The dealer's job: read the job description, compile the program, and deliver to each server its sealed
 * manifest (PRG seed, program digest, chunk count) and its sealed material chunk by chunk, streamed to the
 * server or through storage (`material.mode`, `runtime/material-source.ts`). Link keys are never the
 * dealer's business (see `PeerTls` in `server/run-server.ts`). Up to MPC_WORKER_THREADS worker threads make
 * chunks at once (`plannedChunksInParallel`), delivered in order: that many plus one in memory, plus the
 * stream's window per server. Reports progress and the outcome to the job status. A watchdog bounds every
 * step, so a dealer stuck on a store or on a server that does not read ends with NO_PROGRESS instead of
 * holding the workflow's RunDealer state until its timeout; a server whose stream breaks ends it with
 * SERVER_LOST.
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
  /** How material travels; default through storage (the entry point's default is the stream). */
  material?: MaterialPath;
  /** Stream only: the address servers are told to connect to (the task's private IP on ECS). */
  advertisedHost?: string;
  /** Stream only: how long the dealer waits for a server to take material. Default DEALER_SILENCE_MS. */
  serverWaitMs?: number;
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
  const delivery: { sink?: MaterialSink } = {};
  const work = dealerWork(deps, delivery, (step, bytes, allowMs) =>
    watchdog.progress(step, allowMs ?? allowance(bytes)),
  );
  work.catch(() => undefined); // a stalled step may settle after the watchdog fired
  try {
    return await Promise.race([work, watchdog.stalled]);
  } catch (error) {
    const failure = asJobFailure(error);
    // Servers connected to the stream learn why at once instead of waiting out their silence limit.
    if (delivery.sink)
      await settleWithin(
        delivery.sink.abort(`the dealer failed: ${failure.code}: ${failure.message}`),
        FINAL_REPORT_MS,
      );
    await settleWithin(
      status.report(jobId, 'DEALER', { state: 'FAILED', reasonCode: failure.code, message: failure.message }),
      FINAL_REPORT_MS,
    );
    throw failure;
  } finally {
    watchdog.stop();
  }
}

function materialSink(deps: DealerDependencies, collaborationId: string): MaterialSink {
  const scope = (party: Party): MaterialScope => ({ collaborationId, jobId: deps.jobId, party });
  const sealing = (party: Party) => ({
    dealerPrivateKey: deps.dealerPrivateKey,
    serverPublicKey: deps.serverPublicKeys[party],
  });
  const material = deps.material;
  if (material?.mode !== 'stream') return new StoredMaterialSink({ store: deps.store, scope, keys: sealing });
  const advertisedHost = deps.advertisedHost ?? '127.0.0.1';
  return new StreamedMaterialSink({
    jobId: deps.jobId,
    status: deps.status,
    scope,
    sealing,
    // Outside ECS (no private IP to advertise) the stream stays on loopback.
    listen: { host: material.host ?? (deps.advertisedHost ? '0.0.0.0' : '127.0.0.1'), port: material.port },
    advertisedHost,
    ...(material.windowBytes !== undefined && { windowBytes: material.windowBytes }),
    silenceMs: deps.serverWaitMs ?? DEALER_SILENCE_MS,
    ...(deps.log && { log: deps.log }),
  });
}

/** The dealer's steps; `step(what, bytes?, allowMs?)` announces each one to the watchdog before it starts. */
async function dealerWork(
  deps: DealerDependencies,
  delivery: { sink?: MaterialSink },
  step: (what: string, bytes?: number, allowMs?: number) => void,
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
  const sink = materialSink(deps, job.collaborationId);
  delivery.sink = sink;
  const seeds: Record<Party, Uint8Array> = { A: randomBytes(16), B: randomBytes(16) };
  const digest = stageDigest(stage);
  const chunkCount = stageChunkCount(stage);
  const manifestOf = (party: Party): DealerManifest => ({
    version: 1,
    jobId,
    programDigest: digest,
    chunkCount,
    seed: Buffer.from(seeds[party]).toString('base64'),
  });
  await sink.start({ A: manifestOf('A'), B: manifestOf('B') }, step);
  const serverWaitMs = deps.stallTimeoutMs ?? deps.serverWaitMs ?? DEALER_SILENCE_MS;
  log(
    `dealer: ${stage.kind} job, ${chunkCount} chunks of ${program.chunkRows} rows for ${program.totalRows} rows`,
  );
  const of = chunkCount;
  let chunk = 0;
  let bytes = 0;
  let lastReport = 0;
  step(`making chunk 1 of ${of}`);
  const requestsOf = (chunk: number) => stageRequests(stage, chunk);
  // The dealer's own seed for the comparison masks: secret, fresh per job, never written anywhere.
  for await (const material of plannedChunksInParallel(chunkCount, requestsOf, seeds, randomBytes(16))) {
    for (const party of ['A', 'B'] as const) {
      const size = material[party].byteLength;
      bytes += size;
      // A streamed chunk waits for the server to take it (backpressure): allowed as long as a server may.
      if (sink.reportsEachChunk)
        step(`writing chunk ${chunk + 1} of ${of} (${size} bytes) for server ${party}`, size);
      else step(`waiting for server ${party} to take chunk ${chunk + 1} of ${of}`, size, serverWaitMs);
      await sink.write(party, chunk, material[party]);
    }
    chunk++;
    // A window with room accepts at once: without a turn of the event loop here the servers' connections
    // and handshakes would wait until the window is full, and the servers with them.
    await yieldToEventLoop();
    // Servers reading from storage wait for each report; a stream needs them only to show progress.
    if (sink.reportsEachChunk || Date.now() - lastReport > 1_000 || chunk === of) {
      lastReport = Date.now();
      step('reporting progress to the job status');
      await status.report(jobId, 'DEALER', {
        state: 'RUNNING',
        progress: chunk / of,
        phase: `${sink.reportsEachChunk ? 'wrote' : 'sent'} dealer material chunk ${chunk} of ${of}`,
      });
    }
    step(`making chunk ${chunk + 1} of ${of}`);
  }
  step('waiting for both servers to read their last chunk', undefined, serverWaitMs);
  await sink.finish();
  step('reporting to the job status');
  await status.report(jobId, 'DEALER', { state: 'DONE' });
  return { chunkCount, bytes };
}
