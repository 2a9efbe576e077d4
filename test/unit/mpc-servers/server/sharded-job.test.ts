import { describe, expect, it } from 'vitest';
import type { ComputationSpec } from '../../../../contract/analysis/analysis-spec.ts';
import { bindingAad } from '../../../../contract/crypto/aad.ts';
import { generateKeyPair, open, seal } from '../../../../contract/crypto/hpke.ts';
import { shareRows } from '../../../../contract/input/input-codec.ts';
import { declarationDigest } from '../../../../contract/job/collaboration-declaration.ts';
import { InMemoryJobStatusStore } from '../../../../contract/job/in-memory-job-status-store.ts';
import type { JobDescription } from '../../../../contract/job/job-description.ts';
import {
  assignInputsToShards,
  combineJobDescription,
  shardJobDescription,
} from '../../../../contract/job/shard-plan.ts';
import { decodeResultDetails, type DecodedResult } from '../../../../contract/result/result-codec.ts';
import { InMemoryObjectStore } from '../../../../contract/storage/in-memory-object-store.ts';
import { storageLayout } from '../../../../contract/storage/storage-layout.ts';
import { freePort } from '../../../../local/emulators/free-port.ts';
import { runDealer } from '../../../../mpc-servers/dealer/run-dealer.ts';
import { runServer } from '../../../../mpc-servers/server/run-server.ts';

/**
 * Shards and the combine job in one process (in-memory store and status, plaintext loopback TCP): the
 * finishing steps run once after the combine (a minimum cell size suppresses the same bins as unsharded),
 * a shard whose only input has no rows contributes neutral extremes, and a spec with a quantile is refused.
 */
const spec: ComputationSpec = {
  fields: [
    { name: 'v', type: 'int', min: -100, max: 100 },
    { name: 'w', type: 'fixed', fractionalBits: 4, min: 0, max: 50 },
  ],
  analyses: [
    { kind: 'count' },
    { kind: 'mean' },
    { kind: 'variance', field: 'w' },
    { kind: 'histogram', field: 'v', binEdges: [-90, 0, 95] },
    { kind: 'countAbove', field: 'w', threshold: 25 },
    { kind: 'min' },
    { kind: 'max' },
  ],
  minCellSize: 4,
};
const rowsOf = (seed: number, count: number) =>
  Array.from({ length: count }, (_, i) => [
    ((seed * 31 + i * 17) % 81) - 90,
    5 + ((seed + i * 7) % 641) / 16,
  ]);
// 30, 25 and 0 rows: three shards, the last one empty. v in [-90, -10] and w in [5, 45], so an empty shard
// whose extremes were 0 would win max v and min w. No row lands below -90 or at 0 and above: those bins hold
// fewer than 4 rows and are suppressed.
const participants = [rowsOf(1, 30), rowsOf(2, 25), []];

async function setUp(
  jobSpec: ComputationSpec,
  extend: (row: number[], index: number) => number[] = (row) => row,
) {
  const store = new InMemoryObjectStore();
  const results = new InMemoryObjectStore();
  const status = new InMemoryJobStatusStore();
  const servers = { A: await generateKeyPair(), B: await generateKeyPair() };
  const dealer = await generateKeyPair();
  const recipient = await generateKeyPair();
  const declared = { minParticipants: 2, resultRecipients: 'all-participants' as const };
  const collaborationId = 'c';
  for (const [index, rows] of participants.entries()) {
    const payloads = shareRows(
      rows.map((row, i) => extend(row, i)),
      jobSpec.fields,
    );
    for (const party of ['A', 'B'] as const) {
      const aad = bindingAad({
        purpose: 'input-share',
        collaborationId,
        inputId: `p${index}`,
        party,
        declarationDigest: declarationDigest({ spec: jobSpec, ...declared }),
      });
      await store.putObject(
        storageLayout.inputShare(party, collaborationId, `i${index}`),
        await seal({ recipientPublicKey: servers[party].publicKey, plaintext: payloads[party], aad }),
      );
    }
  }
  const whole = async (jobId: string): Promise<JobDescription> => ({
    jobId,
    collaborationId,
    attempt: 1,
    spec: jobSpec,
    inputs: participants.map((rows, i) => ({
      inputId: `i${i}`,
      participantId: `p${i}`,
      rowCount: rows.length,
    })),
    ...declared,
    recipients: participants.map((_, i) => ({ recipientId: `p${i}`, publicKey: recipient.publicKey })),
    peer: { host: '127.0.0.1', port: await freePort() },
  });
  const write = (job: JobDescription) =>
    store.putObject(storageLayout.jobDescription(job.jobId), new TextEncoder().encode(JSON.stringify(job)));
  const runJob = async (jobId: string) => {
    await runDealer({
      jobId,
      store,
      status,
      dealerPrivateKey: dealer.privateKey,
      serverPublicKeys: { A: servers.A.publicKey, B: servers.B.publicKey },
    });
    // Both servers are awaited even when one fails, so none is left retrying its link after the test.
    const outcomes = await Promise.allSettled(
      (['B', 'A'] as const).map((party) =>
        runServer({
          party,
          jobId,
          inputStore: store,
          resultStore: results,
          status,
          privateKey: servers[party].privateKey,
          dealerPublicKey: dealer.publicKey,
          peerHost: '127.0.0.1',
          allowPlaintext: true,
          linkTimeoutMs: 10_000,
        }),
      ),
    );
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  };
  const readResult = async (job: JobDescription, recipientId: string): Promise<DecodedResult> => {
    const [a, b] = await Promise.all(
      (['A', 'B'] as const).map(async (party) =>
        open({
          privateKey: recipient.privateKey,
          senderPublicKey: servers[party].publicKey,
          sealed: await results.getObject(storageLayout.resultShare(party, collaborationId, recipientId)),
          aad: bindingAad({ purpose: 'result-share', collaborationId, jobId: job.jobId, party, recipientId }),
        }),
      ),
    );
    return decodeResultDetails(jobSpec, a!, b!);
  };
  return { whole, write, runJob, readResult, status, store, results };
}

describe('a sharded job in one process', () => {
  it('suppresses small cells once, after the combine, and an empty shard changes no extreme', async () => {
    const { whole, write, runJob, readResult } = await setUp(spec);
    const unsharded = await whole('whole');
    await write(unsharded);
    await runJob('whole');
    // Read before the sharded job writes its result shares in the same places.
    const expected = await Promise.all(['p0', 'p1', 'p2'].map((id) => readResult(unsharded, id)));
    expect(expected[0]!.analyses.find((a) => a.kind === 'histogram')!.suppressed).toContain(true);

    const job = await whole('sharded');
    expect(assignInputsToShards(job.inputs, 3)).toEqual([[0], [1], [2]]);
    for (let index = 0; index < 3; index++) {
      await write(shardJobDescription(job, index, 3, { host: '127.0.0.1', port: await freePort() }));
      await runJob(`sharded-shard-${index}`);
    }
    await write(combineJobDescription(job, 3));
    await runJob('sharded');
    for (const [i, recipientId] of ['p0', 'p1', 'p2'].entries())
      expect(await readResult(job, recipientId)).toEqual(expected[i]);
    const values = participants.flat().map((row) => row[0]!);
    const result = await readResult(job, 'p0');
    expect(result.analyses.find((a) => a.kind === 'min' && a.field === 'v')!.value).toBe(Math.min(...values));
    expect(result.analyses.find((a) => a.kind === 'max' && a.field === 'v')!.value).toBe(Math.max(...values));
    const w = participants.flat().map((row) => row[1]!);
    expect(result.analyses.find((a) => a.kind === 'min' && a.field === 'w')!.value).toBe(Math.min(...w));
  }, 120_000);

  it('adds group-by cells across shards, small cells suppressed after the combine', async () => {
    const grouped: ComputationSpec = {
      fields: [...spec.fields, { name: 'ward', type: 'category', categories: ['a', 'b', 'c'] }],
      analyses: [
        { kind: 'count', groupBy: 'ward' },
        { kind: 'mean', field: 'w', groupBy: 'ward' },
        { kind: 'variance', field: 'v', groupBy: 'ward' },
        { kind: 'max', field: 'v' },
      ],
      minCellSize: 4,
    };
    // Ward c holds 3 rows in all: suppressed.
    const { whole, write, runJob, readResult } = await setUp(grouped, (row, i) => [
      ...row,
      i % 29 === 0 ? 2 : i % 2,
    ]);
    const unsharded = await whole('g-whole');
    await write(unsharded);
    await runJob('g-whole');
    const expected = await readResult(unsharded, 'p1');
    const count = expected.analyses.find((a) => a.kind === 'count')!;
    expect(count.groups!.map((g) => g.value)).toEqual([expect.any(Number), expect.any(Number), null]);
    const job = await whole('g');
    for (let index = 0; index < 2; index++) {
      await write(shardJobDescription(job, index, 2, { host: '127.0.0.1', port: await freePort() }));
      await runJob(`g-shard-${index}`);
    }
    await write(combineJobDescription(job, 2));
    await runJob('g');
    expect(await readResult(job, 'p1')).toEqual(expected);
  }, 120_000);

  it('checks minParticipants over every shard: exclusions that each shard survives fail the combine', async () => {
    const { whole, write, runJob, status, store, results } = await setUp(spec);
    // Inputs 0 and 1 do not open on B; each shard alone leaves 2 participants (the minimum), both leave 1.
    for (const inputId of ['i0', 'i1']) {
      const key = storageLayout.inputShare('B', 'c', inputId);
      const sealed = await store.getObject(key);
      sealed[sealed.length - 1] = sealed[sealed.length - 1]! ^ 1;
      await store.putObject(key, sealed);
    }
    const job = await whole('few');
    for (let index = 0; index < 3; index++) {
      await write(shardJobDescription(job, index, 3, { host: '127.0.0.1', port: await freePort() }));
      await runJob(`few-shard-${index}`);
    }
    expect((await status.getJobStatus('few-shard-0')).parties.A).toMatchObject({
      state: 'DONE',
      excludedInputs: [{ inputId: 'i0' }],
    });
    await write(combineJobDescription(job, 3));
    await expect(runJob('few')).rejects.toMatchObject({ code: 'TOO_FEW_VALID_INPUTS' });
    for (const party of ['A', 'B'] as const)
      expect((await status.getJobStatus('few')).parties[party]).toMatchObject({
        state: 'FAILED',
        reasonCode: 'TOO_FEW_VALID_INPUTS',
        failedInputIds: ['i0', 'i1'],
      });
    expect(await results.exists(storageLayout.resultShare('A', 'c', 'p2'))).toBe(false);
  }, 120_000);

  it('a job none of whose shares opens on B fails the combine with SPEC_DIGEST_MISMATCH, not a shard', async () => {
    const { whole, write, runJob, status, store } = await setUp(spec);
    for (const inputId of ['i0', 'i1', 'i2']) {
      const key = storageLayout.inputShare('B', 'c', inputId);
      const sealed = await store.getObject(key);
      sealed[sealed.length - 1] = sealed[sealed.length - 1]! ^ 1;
      await store.putObject(key, sealed);
    }
    const job = await whole('none');
    for (let index = 0; index < 3; index++) {
      await write(shardJobDescription(job, index, 3, { host: '127.0.0.1', port: await freePort() }));
      // A shard holds one input: it cannot tell a misstated declaration from a bad share, and excludes it.
      await runJob(`none-shard-${index}`);
    }
    await write(combineJobDescription(job, 3));
    await expect(runJob('none')).rejects.toBeDefined();
    expect((await status.getJobStatus('none')).parties.B).toMatchObject({
      state: 'FAILED',
      reasonCode: 'SPEC_DIGEST_MISMATCH',
      failedInputIds: ['i0', 'i1', 'i2'],
    });
  }, 120_000);

  it('refuses to run a spec with a quantile in shards: PROGRAM_INVALID', async () => {
    const quantile: ComputationSpec = {
      fields: spec.fields,
      analyses: [{ kind: 'quantile', field: 'v', p: 0.5 }],
    };
    const { whole, write, runJob, status } = await setUp(quantile);
    const job = await whole('q');
    await write(shardJobDescription(job, 0, 2, { host: '127.0.0.1', port: await freePort() }));
    await expect(runJob('q-shard-0')).rejects.toMatchObject({ code: 'PROGRAM_INVALID' });
    expect((await status.getJobStatus('q-shard-0')).parties.DEALER).toMatchObject({
      state: 'FAILED',
      reasonCode: 'PROGRAM_INVALID',
      message: expect.stringMatching(/quantiles do not combine/),
    });
  }, 60_000);
});
