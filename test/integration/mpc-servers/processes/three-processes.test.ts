import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComputationSpec } from '../../../../contract/analysis/analysis-spec.ts';
import { storageLayout } from '../../../../contract/storage/storage-layout.ts';
import {
  AGE_INCOME_ANALYSES,
  AGE_INCOME_FIELDS,
  ageIncomeRows,
  expectCleartextAnswers,
} from '../../../support/age-income-fixture.ts';
import {
  prepareJob,
  readResults,
  serverEnvironment,
  startEntry,
  startHarness,
  type Harness,
} from '../../../../local/harness/computation-processes.ts';

/**
 * Dealer, B and A as three separate processes (the real entry points) over loopback TCP, with s3rver and
 * DynamoDB Local behind the real S3 and DynamoDB adapters; the peer link is pinned TLS 1.3.
 */
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
}, 120_000);
afterAll(async () => {
  await harness?.stop();
});

const spec: ComputationSpec = { fields: AGE_INCOME_FIELDS, analyses: AGE_INCOME_ANALYSES };

async function runJob(
  jobId: string,
): Promise<Record<'dealer' | 'A' | 'B', { code: number | null; output: string; ms: number }>> {
  // Started at once, as the workflow starts them: the dealer streams the material (the default path).
  const dealer = startEntry(harness, 'mpc-dealer', ['--job', jobId]).exited;
  const b = startEntry(
    harness,
    'mpc-server',
    ['--party', 'B', '--job', jobId],
    serverEnvironment(harness, 'B'),
  );
  const a = startEntry(
    harness,
    'mpc-server',
    ['--party', 'A', '--job', jobId],
    serverEnvironment(harness, 'A'),
  );
  const [D, A, B] = await Promise.all([dealer, a.exited, b.exited]);
  return { dealer: D, A, B };
}

describe('dealer, B and A as three processes on loopback TCP', () => {
  it('computes every analysis over two participants and reconstructs the cleartext answers', async () => {
    const participants = [ageIncomeRows(1, 37), ageIncomeRows(2, 25)];
    const prepared = await prepareJob(harness, spec, participants, 'job-all');
    const runs = await runJob('job-all');
    expect(runs.dealer.code, runs.dealer.output).toBe(0);
    expect(runs.A.code, runs.A.output).toBe(0);
    expect(runs.B.code, runs.B.output).toBe(0);
    expect((await harness.status.getJobStatus('job-all')).overall).toBe('DONE');

    expectCleartextAnswers(await readResults(harness, prepared), participants.flat());
  }, 120_000);

  it('excludes the input whose share does not open on B: DONE on both servers, results over the other', async () => {
    const participants = [ageIncomeRows(3, 10), ageIncomeRows(4, 10)];
    const prepared = await prepareJob(harness, spec, participants, 'job-bad-input');
    const key = storageLayout.inputShare('B', prepared.job.collaborationId, 'input-1');
    const sealed = await harness.inputStore.getObject(key);
    sealed[sealed.length - 1] = sealed[sealed.length - 1]! ^ 1;
    await harness.inputStore.putObject(key, sealed);
    const runs = await runJob('job-bad-input');
    expect(runs.A.code, runs.A.output).toBe(0);
    expect(runs.B.code, runs.B.output).toBe(0);
    const status = await harness.status.getJobStatus('job-bad-input');
    expect(status.overall).toBe('DONE');
    for (const party of ['A', 'B'] as const) {
      expect(status.parties[party]).toMatchObject({
        state: 'DONE',
        excludedInputs: [{ inputId: 'input-1', reason: 'share for B does not open (wrong AAD or key)' }],
      });
    }
    expectCleartextAnswers(await readResults(harness, prepared), participants[0]!);
  }, 120_000);

  it('when B is killed mid-job, A fails with PEER_LOST within a bounded time', async () => {
    const big: ComputationSpec = {
      fields: [spec.fields[0]!],
      analyses: [{ kind: 'min' }, { kind: 'max' }, { kind: 'histogram', binEdges: [10, 20, 30, 40, 50, 60] }],
    };
    const rows = Array.from({ length: 40_000 }, (_, i) => [(i * 7) % 121]);
    await prepareJob(harness, big, [rows], 'job-kill');
    // Material made ahead through storage, so that only the peer link can fail (the stream's own failures:
    // material-stream.test.ts).
    const stored = { MPC_MATERIAL_PATH: 's3' };
    expect((await startEntry(harness, 'mpc-dealer', ['--job', 'job-kill'], stored).exited).code).toBe(0);
    const b = startEntry(harness, 'mpc-server', ['--party', 'B', '--job', 'job-kill'], {
      ...serverEnvironment(harness, 'B'),
      ...stored,
    });
    const a = startEntry(harness, 'mpc-server', ['--party', 'A', '--job', 'job-kill'], {
      ...serverEnvironment(harness, 'A'),
      ...stored,
    });
    await b.printed('linked to peer');
    b.child.kill('SIGKILL');
    const killedAt = Date.now();
    const outcome = await a.exited;
    const secondsToFail = (Date.now() - killedAt) / 1000;
    expect(outcome.code, outcome.output).toBe(1);
    // The silence timeout is 10 s; a reset connection fails at once. Either way well under 15 s.
    expect(secondsToFail).toBeLessThan(15);
    const report = (await harness.status.getJobStatus('job-kill')).parties.A!;
    expect(report.state).toBe('FAILED');
    if (report.state === 'FAILED') {
      expect(report.reasonCode).toBe('PEER_LOST');
      expect(report.message).toMatch(/peer/i);
    }
  }, 120_000);

  it('the dealer and the servers started without a job exit 1 with reason CONFIGURATION', async () => {
    const runs = [
      await startEntry(harness, 'mpc-dealer', []).exited,
      await startEntry(harness, 'mpc-server', ['--party', 'A']).exited,
    ];
    for (const run of runs) {
      expect(run.code, run.output).toBe(1);
      expect(run.output).toContain('"reasonCode":"CONFIGURATION"');
      expect(run.output).toMatch(/usage: mpc-(dealer|server)/);
    }
  }, 60_000);
});
