import { resultShareFor, runProgram, type ProgramOutput } from '../analyses/run-program.ts';
import type { JobDescription } from '../../contract/job/job-description.ts';
import { PEER_HOST_PUBLISHED_BY_B, type PeerEndpoint } from '../../contract/job/peer-endpoint.ts';
import { encodeResultShare } from '../../contract/result/result-codec.ts';
import { storageLayout } from '../../contract/storage/storage-layout.ts';
import { ChunkMaterial } from '../engine/material.ts';
import type { MaterialScope } from '../runtime/dealer-envelope.ts';
import { stageChunkCount, stageDigest } from '../runtime/job-stage.ts';
import { asJobFailure, JobFailure } from '../runtime/failure.ts';
import { loadJob } from '../runtime/load-job.ts';
import type { MaterialPath } from '../runtime/material-path.ts';
import type { MaterialSource } from '../runtime/material-source.ts';
import { prefetching } from '../runtime/prefetch.ts';
import { StoredMaterialSource } from '../runtime/stored-material.ts';
import { StreamedMaterialSource } from '../runtime/streamed-material.ts';
import type { ExcludedInput, JobStatusStore } from '../../contract/job/job-status.ts';
import type { ObjectStore } from '../../contract/storage/object-store.ts';
import { putSealed } from '../storage/sealed-objects.ts';
import { connectToPeer } from '../transport/connect-to-peer.ts';
import { listenForPeer } from '../transport/listen-for-peer.ts';
import type { Party } from '../../contract/party.ts';
import type { PeerChannel } from '../transport/peer-channel.ts';
import { checkJob } from './check-job.ts';
import { InputShares } from './input-shares.ts';
import { combineExclusions, inputsOwnedBy, requireEnoughValidInputs } from './input-exclusions.ts';
import {
  combineOutput,
  partialExclusions,
  readShardPartials,
  runShardRows,
  writeShardPartial,
} from './shard-stages.ts';
import { emptyTimings, roundedTimings, timed, type ServerTimings } from './server-timings.ts';

/**
 * One server's job (`--party A|B --job ID`): load the job and its sealed dealer manifest, open and decode
 * every input share to check it (keeping its digest, not its columns), link to the peer (B listens, A
 * connects with bounded retry), agree with the peer on the inputs and the program, run it chunk by chunk with
 * streamed dealer material and inputs loaded again one at a time (`input-shares.ts`), seal the result share
 * for each recipient, and report progress and outcome. Any failure ends the job with a reason code.
 *
 * Bad inputs: a share that is missing, does not open, or decodes badly (wrong schema, wrong row count, over
 * the row cap) is excluded with a reason: the servers exchange their findings over the link, both exclude
 * the union (its rows count as invalid, `input-exclusions.ts`) and report it with DONE. With fewer than
 * `minParticipants` participants left the job fails with TOO_FEW_VALID_INPUTS and writes no result share.
 */
export interface ServerDependencies {
  party: Party;
  jobId: string;
  /** Bucket with job descriptions, input shares and dealer material. */
  inputStore: ObjectStore;
  resultStore: ObjectStore;
  status: JobStatusStore;
  /** This server's HPKE private key: opens input shares and dealer material, authenticates result shares. */
  privateKey: Uint8Array;
  /** The dealer's HPKE public key, pinned from this server's own configuration (MPC_DEALER_PUBLIC_KEY). */
  dealerPublicKey: string;
  /** B: where to listen (host defaults to 0.0.0.0, port to the job's peer port). A: override of B's host. */
  peerHost?: string;
  peerPort?: number;
  /** B: the address A should use, published in the job status (the task's private IP on Fargate). */
  advertisedHost?: string;
  /**
   * The peer link's TLS: this server's long-lived identity (from its key secret) and the peer's certificate
   * fingerprint from this server's own configuration. Nobody on the path (coordinator, dealer, job
   * description) supplies link keys: the dealer knows every mask, so a dealer able to sit in the middle of the
   * link could unmask the opened values.
   */
  tls?: PeerTls;
  /** Local development only: plain TCP instead of pinned TLS. */
  allowPlaintext?: boolean;
  /** The peer link fails when the peer is silent this long (default 60 s). */
  silenceTimeoutMs?: number;
  /** How long B waits for A and A keeps trying to reach B (default 300 s and 120 s). */
  linkTimeoutMs?: number;
  /** How dealer material arrives: streamed from the dealer or through storage (default storage). */
  material?: MaterialPath;
  /** Row chunks in flight at once (MPC_CHUNK_WINDOW, checked at start-up); default `chunkWindowSetting()`. */
  chunkWindow?: number;
  log?: (message: string) => void;
}

const HEARTBEAT_MS = 15_000;

export interface PeerTls {
  keyPem: string;
  certPem: string;
  /** SHA-256 of the peer's certificate (hex), configured out of band (PEER_TLS_FINGERPRINT). */
  peerFingerprint: string;
}

export async function runServer(deps: ServerDependencies): Promise<ServerTimings> {
  const { party, jobId, status } = deps;
  const timings = emptyTimings();
  const log = deps.log ?? (() => undefined);
  let channel: PeerChannel | undefined;
  let source: MaterialSource | undefined;
  // Every RUNNING report names the phase, so a job that takes long shows where each server is.
  let phase = 'loading the job, the dealer manifest and the inputs';
  let progress = 0;
  const running = (next: { phase?: string; progress?: number }): Promise<unknown> => {
    phase = next.phase ?? phase;
    progress = next.progress ?? progress;
    return status.report(jobId, party, { state: 'RUNNING', progress, phase });
  };
  const heartbeat = setInterval(
    () => void status.heartbeat(jobId, party).catch(() => undefined),
    HEARTBEAT_MS,
  );
  try {
    await running({});
    if (!deps.allowPlaintext) requirePeerTls(deps); // a misconfigured server fails before any work
    const loadStarted = performance.now();
    const { job, program, stage } = await loadJob(deps.inputStore, jobId);
    checkJob(job); // before any work: a job that misstates what participants agreed to ends here
    const scope: MaterialScope = { collaborationId: job.collaborationId, jobId, party };
    const dealer = { privateKey: deps.privateKey, dealerPublicKey: deps.dealerPublicKey };
    const chunkCount = stageChunkCount(stage);
    // The dealer runs beside this server: its manifest arrives while the inputs are checked.
    const delivered = materialSource(deps, scope, dealer, chunkCount);
    source = delivered;
    const manifestRead = delivered.manifest();
    manifestRead.catch(() => undefined); // awaited after the inputs' check; must not go unhandled before
    // The inputs this server reads: the job's, or a shard's; the combine step reads its domain's partials.
    const own = stage.kind === 'part' ? stage.shardJob : job;
    const inputShares = new InputShares({
      party,
      job: own,
      store: deps.inputStore,
      privateKey: deps.privateKey,
    });
    const partials =
      stage.kind === 'combine'
        ? await readShardPartials(deps.inputStore, job, stage, party, deps.privateKey)
        : undefined;
    const { failedInputIds, reasons, unopenedInputIds } = partials
      ? { failedInputIds: [], reasons: [], unopenedInputIds: partials.flatMap((p) => p.unopenedInputIds) }
      : await inputShares.validate();
    // A shard holds some of the inputs: whether none opens is the combine job's question, over all of them.
    if (stage.kind !== 'part' && job.inputs.length > 0 && unopenedInputIds.length === job.inputs.length)
      throw new JobFailure(
        'SPEC_DIGEST_MISMATCH',
        'no input share opens under the declaration this job states (spec, minParticipants, resultRecipients): the job is not what participants sealed their inputs for',
        unopenedInputIds,
      );
    const digest = stageDigest(stage);
    const manifest = await manifestRead;
    if (manifest.programDigest !== digest || manifest.chunkCount !== chunkCount) {
      throw new JobFailure(
        'DEALER_MATERIAL_INVALID',
        'dealer material was made for another program or row count',
      );
    }
    timings.loadMs = performance.now() - loadStarted;
    channel = await timed(timings, 'linkMs', () =>
      linkToPeer(deps, job, (linking) => running({ phase: linking })),
    );
    log(`server ${party}: linked to peer`);
    await running({ phase: 'computing' });
    const computeStarted = performance.now();
    const excluded = await agreeWithPeer(
      channel,
      party,
      { own, whole: job, digest },
      failedInputIds,
      reasons,
      partials && stage.kind === 'combine' ? partialExclusions(job, stage, partials) : undefined,
    );
    const seed = new Uint8Array(Buffer.from(manifest.seed, 'base64'));
    let lastReport = 0;
    const excludedIds = new Set(excluded.map((input) => input.inputId));
    const material = prefetching(async (chunk) => {
      return timed(timings, 'materialReadMs', async () => {
        const blob = await delivered.chunk(chunk);
        timings.materialBytes += blob.byteLength;
        return new ChunkMaterial(party, seed, chunk, blob);
      });
    }, chunkCount);
    const context = { party, channel };
    const options = {
      inputRowCounts: own.inputs.map((input) => input.rowCount),
      window: deps.chunkWindow,
      material: (chunk: number) => timed(timings, 'materialWaitMs', () => material(chunk)),
      onChunkDone: async (done: number, count: number) => {
        if (Date.now() - lastReport > 1_000 || done === count) {
          lastReport = Date.now();
          await running({ progress: (0.95 * done) / count });
        }
      },
    };
    if (stage.kind === 'part') {
      // A shard seals its figures for the combine job, to this domain's own key; no result share.
      const figures = await runShardRows(context, program, inputShares.rows(excludedIds), options);
      timings.computeMs = performance.now() - computeStarted;
      await running({ phase: 'writing the shard partial' });
      await writeShardPartial(deps.inputStore, job, stage, party, deps.privateKey, figures, {
        excludedInputs: excluded,
        unopenedInputIds,
      });
      await status.report(jobId, party, {
        state: 'DONE',
        ...(excluded.length > 0 && { excludedInputs: excluded }),
      });
      log(
        `server ${party}: shard ${stage.index + 1} of ${stage.count} done, ${channel.bytesSent} bytes sent`,
      );
      return roundedTimings(timings);
    }
    const output: ProgramOutput =
      stage.kind === 'combine'
        ? await combineOutput(context, job, stage, partials!, options.material)
        : await runProgram(context, program, inputShares.rows(excludedIds), options);
    timings.computeMs = performance.now() - computeStarted;
    await running({ phase: 'writing the result shares' });
    const resultStarted = performance.now();
    for (const recipient of job.recipients) {
      const plaintext = encodeResultShare(resultShareFor(output, inputsOwnedBy(job, recipient.recipientId)));
      await putSealed(
        deps.resultStore,
        storageLayout.resultShare(party, job.collaborationId, recipient.recipientId),
        plaintext,
        {
          recipientPublicKey: recipient.publicKey,
          // Auth mode: the recipient opens it only as coming from this server's pinned key.
          senderPrivateKey: deps.privateKey,
          binding: {
            purpose: 'result-share',
            collaborationId: job.collaborationId,
            jobId,
            party,
            recipientId: recipient.recipientId,
          },
        },
      );
    }
    timings.resultMs = performance.now() - resultStarted;
    await status.report(jobId, party, {
      state: 'DONE',
      ...(excluded.length > 0 && { excludedInputs: excluded }),
    });
    log(`server ${party}: done, ${channel.bytesSent} bytes sent`);
    return roundedTimings(timings);
  } catch (error) {
    const failure = asJobFailure(error);
    await status
      .report(jobId, party, {
        state: 'FAILED',
        reasonCode: failure.code,
        message: failure.message,
        ...(failure.failedInputIds.length > 0 && { failedInputIds: failure.failedInputIds }),
      })
      .catch(() => undefined);
    throw failure;
  } finally {
    clearInterval(heartbeat);
    await channel?.close().catch(() => undefined);
    await source?.close();
  }
}

function materialSource(
  deps: ServerDependencies,
  scope: MaterialScope,
  keys: { privateKey: Uint8Array; dealerPublicKey: string },
  chunkCount: number,
): MaterialSource {
  const common = { status: deps.status, scope, keys, chunkCount };
  return deps.material?.mode === 'stream'
    ? new StreamedMaterialSource({ ...common, connectTimeoutMs: deps.linkTimeoutMs ?? 120_000 })
    : new StoredMaterialSource({ ...common, store: deps.inputStore });
}

async function linkToPeer(
  deps: ServerDependencies,
  job: JobDescription,
  phase: (what: string) => Promise<unknown>,
): Promise<PeerChannel> {
  const link = {
    jobId: deps.jobId,
    ...(deps.allowPlaintext ? { allowPlaintext: true } : { tls: requirePeerTls(deps) }),
    silenceTimeoutMs: deps.silenceTimeoutMs ?? 60_000,
  };
  const port = deps.peerPort ?? job.peer.port;
  if (deps.party === 'B') {
    const listener = await listenForPeer({ ...link, host: deps.peerHost ?? '0.0.0.0', port });
    // The listener stops listening by itself once A is accepted; close it only when A never came (closing
    // it after acceptance would also end the accepted link).
    try {
      await phase(`waiting for peer A on port ${listener.port}`);
      if (deps.advertisedHost)
        await deps.status.publishEndpoint(deps.jobId, 'B', {
          host: deps.advertisedHost,
          port: listener.port,
        });
      return await listener.accept({ timeoutMs: deps.linkTimeoutMs ?? 300_000 });
    } catch (error) {
      await listener.close();
      throw error;
    }
  }
  const published = deps.peerHost === undefined && job.peer.host === PEER_HOST_PUBLISHED_BY_B;
  if (published) await phase('waiting for server B to publish its address');
  const peer =
    deps.peerHost !== undefined
      ? { host: deps.peerHost, port }
      : published
        ? await publishedEndpointOfB(deps, deps.linkTimeoutMs ?? 120_000)
        : { host: job.peer.host, port };
  const target = { host: peer.host, port: deps.peerPort ?? peer.port };
  // Phases can reach the collaboration's statusReason, which participants read: no private address in it.
  await phase(`connecting to peer B on port ${target.port}`);
  return connectToPeer({
    ...link,
    ...target,
    connectTimeoutMs: deps.linkTimeoutMs ?? 120_000,
  });
}

/** A on Fargate: B's address appears in the job status once B listens. */
async function publishedEndpointOfB(deps: ServerDependencies, timeoutMs: number): Promise<PeerEndpoint> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const endpoint = await deps.status.getEndpoint(deps.jobId, 'B');
    if (endpoint) return endpoint;
    if (Date.now() > deadline)
      throw new JobFailure('PEER_LOST', `server B did not publish its endpoint within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * One round before computing: both servers must hold the same program (and shard stage); the inputs either
 * found bad among `own` (the job's, or a shard's) are excluded on both, provided enough participants of the
 * whole job remain. The combine step brings the shards' exclusions instead (`agreed`): both servers must
 * read the same from their partials.
 */
async function agreeWithPeer(
  channel: PeerChannel,
  party: Party,
  jobs: { own: JobDescription; whole: JobDescription; digest: string },
  failedInputIds: string[],
  reasons: string[],
  agreed?: ExcludedInput[],
): Promise<ExcludedInput[]> {
  const mine = { digest: jobs.digest, failedInputIds, reasons, agreed };
  const theirs = JSON.parse(
    new TextDecoder().decode(await channel.exchange(new TextEncoder().encode(JSON.stringify(mine)))),
  ) as typeof mine;
  if (theirs.digest !== mine.digest)
    throw new JobFailure('PEER_DISAGREES', 'the peer runs another program or row count');
  if (JSON.stringify(theirs.agreed) !== JSON.stringify(mine.agreed))
    throw new JobFailure('PEER_DISAGREES', 'the peer read other exclusions from its shard partials');
  const excluded =
    agreed ??
    combineExclusions(jobs.own, [
      { party, failedInputIds, reasons },
      { party: party === 'A' ? 'B' : 'A', failedInputIds: theirs.failedInputIds, reasons: theirs.reasons },
    ]);
  requireEnoughValidInputs(jobs.whole, excluded);
  return excluded;
}

function requirePeerTls(deps: ServerDependencies): PeerTls {
  if (!deps.tls)
    throw new JobFailure(
      'CONFIGURATION',
      'the peer link needs TLS (the peer fingerprint PEER_TLS_FINGERPRINT); plaintext only with MPC_PEER_PLAINTEXT=1',
    );
  return deps.tls;
}
