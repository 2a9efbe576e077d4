import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComputationSpec } from '../../../../contract/analysis/analysis-spec.ts';
import { bindingAad } from '../../../../contract/crypto/aad.ts';
import { open, seal } from '../../../../contract/crypto/hpke.ts';
import { HEADER_BYTES, shareRows } from '../../../../contract/input/input-codec.ts';
import { declarationDigest } from '../../../../contract/job/collaboration-declaration.ts';
import type { JobDescription } from '../../../../contract/job/job-description.ts';
import {
  assignInputsToShards,
  combineJobDescription,
  shardJobDescription,
} from '../../../../contract/job/shard-plan.ts';
import { decodeResultDetails, type DecodedResult } from '../../../../contract/result/result-codec.ts';
import { storageLayout } from '../../../../contract/storage/storage-layout.ts';
import { freePort } from '../../../../local/emulators/free-port.ts';
import {
  AGE_INCOME_ANALYSES,
  AGE_INCOME_FIELDS,
  ageIncomeRows,
  expectCleartextAnswers,
} from '../../../support/age-income-fixture.ts';
import {
  prepareJob,
  serverEnvironment,
  startEntry,
  startHarness,
  type Harness,
  type PreparedJob,
} from '../../../../local/harness/computation-processes.ts';

/**
 * A job run as K = 3 shards, each by its own dealer, B and A processes over loopback TLS, then the combine
 * job's dealer, B and A: the result equals the unsharded run of the same inputs, with an input excluded (its
 * share for B does not open) and a row dropped (a value outside its bounds) in the shard that holds the
 * recipient's input, so exclusions and dropped-row counts must survive the split.
 */
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
}, 120_000);
afterAll(async () => {
  await harness?.stop();
});

const spec: ComputationSpec = { fields: AGE_INCOME_FIELDS, analyses: AGE_INCOME_ANALYSES };
// Balanced by rows, 3 shards take [input-1], [input-2] and [input-0, input-3].
const participants = [ageIncomeRows(1, 10), ageIncomeRows(2, 30), ageIncomeRows(3, 25), ageIncomeRows(4, 20)];
const BAD_ROW = 4;

type Run = { code: number | null; output: string; ms: number };

/** Material made ahead through storage (the stream: material-stream.test.ts). */
const STORED = { MPC_MATERIAL_PATH: 's3' };

/** Dealer, then B and A of one job; resolves with the three exits. */
async function runPair(jobId: string): Promise<Run[]> {
  const dealer = await startEntry(harness, 'mpc-dealer', ['--job', jobId], STORED).exited;
  if (dealer.code !== 0) return [dealer];
  const servers = (['B', 'A'] as const).map(
    (party) =>
      startEntry(harness, 'mpc-server', ['--party', party, '--job', jobId], {
        ...serverEnvironment(harness, party),
        ...STORED,
      }).exited,
  );
  return [dealer, ...(await Promise.all(servers))];
}

const expectAllExitZero = (runs: Run[]): void => {
  for (const run of runs) expect(run.code, run.output).toBe(0);
};

/**
 * Uploads the shares as `prepareJob` does, then puts a hand-made share for B in place of participant 0's:
 * row BAD_ROW's age is 2^40 above its bound, which only the servers' validity check catches. And input 3's
 * share for B is altered, so it does not open.
 */
async function prepare(jobId: string): Promise<PreparedJob> {
  const prepared = await prepareJob(harness, spec, participants, jobId);
  const { collaborationId } = prepared.job;
  const declared = {
    minParticipants: prepared.job.minParticipants,
    resultRecipients: prepared.job.resultRecipients,
  };
  const payloads = shareRows(participants[0]!, spec.fields);
  const view = new DataView(payloads.B.buffer, payloads.B.byteOffset);
  const at = HEADER_BYTES + BAD_ROW * 8;
  view.setBigUint64(at, BigInt.asUintN(64, view.getBigUint64(at, true) + 2n ** 40n), true);
  for (const party of ['A', 'B'] as const) {
    const aad = bindingAad({
      purpose: 'input-share',
      collaborationId,
      inputId: 'participant-0',
      party,
      declarationDigest: declarationDigest({ spec, ...declared }),
    });
    const sealed = await seal({
      recipientPublicKey: harness.serverPublicKeys[party],
      plaintext: payloads[party],
      aad,
    });
    await harness.inputStore.putObject(storageLayout.inputShare(party, collaborationId, 'input-0'), sealed);
  }
  const key = storageLayout.inputShare('B', collaborationId, 'input-3');
  const sealed = await harness.inputStore.getObject(key);
  sealed[sealed.length - 1] = sealed[sealed.length - 1]! ^ 1;
  await harness.inputStore.putObject(key, sealed);
  return prepared;
}

async function writeJob(job: JobDescription): Promise<void> {
  await harness.inputStore.putObject(
    storageLayout.jobDescription(job.jobId),
    new TextEncoder().encode(JSON.stringify(job)),
  );
}

async function readDetails(prepared: PreparedJob): Promise<DecodedResult> {
  const { job } = prepared;
  const recipientId = job.recipients[0]!.recipientId;
  const [a, b] = await Promise.all(
    (['A', 'B'] as const).map(async (party) =>
      open({
        privateKey: prepared.recipientPrivateKey,
        senderPublicKey: harness.serverPublicKeys[party],
        sealed: await harness.resultStore.getObject(
          storageLayout.resultShare(party, job.collaborationId, recipientId),
        ),
        aad: bindingAad({
          purpose: 'result-share',
          collaborationId: job.collaborationId,
          jobId: job.jobId,
          party,
          recipientId,
        }),
      }),
    ),
  );
  return decodeResultDetails(job.spec, a!, b!);
}

const EXCLUDED = [{ inputId: 'input-3', reason: 'share for B does not open (wrong AAD or key)' }];

describe('a job in K = 3 shards, each on its own pair of server processes, plus the combine pair', () => {
  it('gives the result of the unsharded run, exclusions and dropped rows included', async () => {
    const whole = await prepare('job-whole');
    expectAllExitZero(await runPair('job-whole'));
    const unsharded = await readDetails(whole);

    const sharded = await prepare('job-sharded');
    const count = 3;
    expect(assignInputsToShards(sharded.job.inputs, count)).toEqual([[1], [2], [0, 3]]);
    for (let index = 0; index < count; index++)
      await writeJob(
        shardJobDescription(sharded.job, index, count, { host: '127.0.0.1', port: await freePort() }),
      );
    await writeJob(combineJobDescription(sharded.job, count));
    const shards = await Promise.all(
      Array.from({ length: count }, (_, index) => runPair(`job-sharded-shard-${index}`)),
    );
    shards.forEach(expectAllExitZero);
    for (let index = 0; index < count; index++) {
      const status = await harness.status.getJobStatus(`job-sharded-shard-${index}`);
      expect(status.overall).toBe('DONE');
      if (index === 2) expect(status.parties.A).toMatchObject({ state: 'DONE', excludedInputs: EXCLUDED });
    }
    // A shard writes no result share: only its partial, sealed to its own domain.
    await expect(
      harness.resultStore.exists(
        storageLayout.resultShare('A', sharded.job.collaborationId, 'participant-0'),
      ),
    ).resolves.toBe(false);
    expectAllExitZero(await runPair('job-sharded'));
    const status = await harness.status.getJobStatus('job-sharded');
    expect(status.overall).toBe('DONE');
    for (const party of ['A', 'B'] as const)
      expect(status.parties[party]).toMatchObject({ state: 'DONE', excludedInputs: EXCLUDED });

    const result = await readDetails(sharded);
    expect(result).toEqual(unsharded);
    expect(result.droppedRows).toBe(1 + participants[3]!.length);
    expect(result.ownDroppedRows).toBe(1);
    const valid = [participants[0]!.filter((_, row) => row !== BAD_ROW), participants[1]!, participants[2]!];
    expectCleartextAnswers(result.analyses, valid.flat());
  }, 300_000);

  it("refuses to combine when a shard's partial is missing or was made for another shard", async () => {
    const count = 2;
    const missing = await prepareJob(harness, spec, participants, 'job-missing');
    await writeJob(combineJobDescription(missing.job, count));
    const missingRuns = await runPair('job-missing');
    expect(missingRuns.slice(1).map((run) => run.code)).toEqual([1, 1]);
    const missingStatus = await harness.status.getJobStatus('job-missing');
    for (const party of ['A', 'B'] as const)
      expect(missingStatus.parties[party]).toMatchObject({
        state: 'FAILED',
        reasonCode: 'SHARD_PARTIAL_MISSING',
      });

    // Shard 0's partial copied into shard 1's place (whoever writes the bucket could) does not open.
    const moved = await prepareJob(harness, spec, participants, 'job-moved');
    await writeJob(shardJobDescription(moved.job, 0, count, { host: '127.0.0.1', port: await freePort() }));
    await writeJob(combineJobDescription(moved.job, count));
    expectAllExitZero(await runPair('job-moved-shard-0'));
    const { collaborationId } = moved.job;
    for (const party of ['A', 'B'] as const) {
      const partial = await harness.inputStore.getObject(
        storageLayout.shardPartial(party, collaborationId, 'job-moved', 0),
      );
      await harness.inputStore.putObject(
        storageLayout.shardPartial(party, collaborationId, 'job-moved', 1),
        partial,
      );
    }
    const movedRuns = await runPair('job-moved');
    expect(movedRuns.slice(1).map((run) => run.code)).toEqual([1, 1]);
    const movedStatus = await harness.status.getJobStatus('job-moved');
    for (const party of ['A', 'B'] as const)
      expect(movedStatus.parties[party]).toMatchObject({
        state: 'FAILED',
        reasonCode: 'SHARD_PARTIAL_INVALID',
      });
    for (const collaboration of [missing.job.collaborationId, collaborationId])
      await expect(
        harness.resultStore.exists(storageLayout.resultShare('A', collaboration, 'participant-0')),
      ).resolves.toBe(false);
  }, 300_000);
});
