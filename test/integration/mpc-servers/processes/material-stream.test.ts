import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComputationSpec } from '../../../../contract/analysis/analysis-spec.ts';
import { storageLayout } from '../../../../contract/storage/storage-layout.ts';
import { createDealerKeyMaterial } from '../../../../mpc-servers/keys/dealer-keys.ts';
import { writeSecretFile } from '../../../../mpc-servers/keys/file-secret-provider.ts';
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
 * The dealer streaming material to both servers (MPC_MATERIAL_PATH=stream, the default) as three real
 * processes over loopback TCP, against the same job through storage (MPC_MATERIAL_PATH=s3).
 */
let harness: Harness;
let directory: string;
beforeAll(async () => {
  harness = await startHarness();
  directory = await mkdtemp(join(tmpdir(), 'mpc-stream-'));
}, 120_000);
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
  await harness?.stop();
});

type Exit = { code: number | null; output: string; ms: number };

/** Dealer, B and A started at once, as the workflow starts them. */
function startJob(jobId: string, env: NodeJS.ProcessEnv = {}, dealerEnv: NodeJS.ProcessEnv = {}) {
  const dealer = startEntry(harness, 'mpc-dealer', ['--job', jobId], { ...env, ...dealerEnv });
  const servers = (['B', 'A'] as const).map((party) =>
    startEntry(harness, 'mpc-server', ['--party', party, '--job', jobId], {
      ...serverEnvironment(harness, party),
      ...env,
    }),
  );
  return { dealer, B: servers[0]!, A: servers[1]! };
}

async function runJob(jobId: string, env: NodeJS.ProcessEnv = {}, dealerEnv: NodeJS.ProcessEnv = {}) {
  const { dealer, A, B } = startJob(jobId, env, dealerEnv);
  const [d, a, b] = await Promise.all([dealer.exited, A.exited, B.exited]);
  return { dealer: d, A: a, B: b } as Record<'dealer' | 'A' | 'B', Exit>;
}

const spec: ComputationSpec = { fields: AGE_INCOME_FIELDS, analyses: AGE_INCOME_ANALYSES };

describe('dealer material streamed to the servers', () => {
  it('gives the same results as through storage, and writes no material object', async () => {
    const participants = [ageIncomeRows(11, 40), ageIncomeRows(12, 30)];
    const results = [];
    for (const mode of ['stream', 's3'] as const) {
      const jobId = `job-${mode}`;
      const prepared = await prepareJob(harness, spec, participants, jobId);
      const runs = await runJob(jobId, { MPC_MATERIAL_PATH: mode });
      for (const run of Object.values(runs)) expect(run.code, run.output).toBe(0);
      const material = await harness.inputStore.listKeys(storageLayout.dealerMaterialPrefix('B', jobId));
      expect(material.length > 0).toBe(mode === 's3');
      const result = await readResults(harness, prepared);
      expectCleartextAnswers(result, participants.flat());
      results.push(result);
    }
    expect(results[0]).toEqual(results[1]);
  }, 180_000);

  it('refuses a dealer whose key is not the pinned one (DEALER_NOT_AUTHENTIC), and the dealer ends', async () => {
    const forged = await createDealerKeyMaterial();
    const forgedFile = join(directory, 'forged-dealer.json');
    await writeSecretFile(forgedFile, forged.secretText);
    await prepareJob(harness, spec, [ageIncomeRows(13, 10)], 'job-forged');
    const runs = await runJob('job-forged', {}, { MPC_DEALER_KEY_FILE: forgedFile });
    const status = await harness.status.getJobStatus('job-forged');
    // The first server to open the manifest refuses it; the dealer then ends, and a server that had not
    // reached it yet fails on the dealer's failure instead.
    const codes = (['A', 'B'] as const).map((party) => {
      expect(runs[party].code, runs[party].output).toBe(1);
      const report = status.parties[party];
      return report?.state === 'FAILED' ? report.reasonCode : report?.state;
    });
    expect(codes).toContain('DEALER_NOT_AUTHENTIC');
    for (const code of codes) expect(['DEALER_NOT_AUTHENTIC', 'DEALER_MATERIAL_MISSING']).toContain(code);
    expect(runs.dealer.code, runs.dealer.output).toBe(1);
    expect(status.parties.DEALER).toMatchObject({ state: 'FAILED', reasonCode: 'SERVER_LOST' });
    // Each refusal is logged with its reason, never with key material.
    expect(runs.dealer.output).toContain('refused a connection from');
    expect(runs.dealer.output).not.toContain(forged.secretText);
  }, 120_000);

  it('a dealer killed mid-job makes both servers fail with DEALER_MATERIAL_MISSING', async () => {
    const big: ComputationSpec = {
      fields: [spec.fields[0]!],
      analyses: [{ kind: 'min' }, { kind: 'max' }, { kind: 'histogram', binEdges: [10, 20, 30, 40, 50, 60] }],
    };
    const rows = Array.from({ length: 400_000 }, (_, i) => [(i * 7) % 121]);
    await prepareJob(harness, big, [rows], 'job-dealer-killed');
    // A small window keeps the dealer behind the servers, so material is still to come when it dies.
    const { dealer, A, B } = startJob('job-dealer-killed', { MPC_MATERIAL_WINDOW_MIB: '1' });
    await A.printed('linked to peer');
    dealer.child.kill('SIGKILL');
    const [a, b] = await Promise.all([A.exited, B.exited]);
    const status = await harness.status.getJobStatus('job-dealer-killed');
    for (const [party, run] of [
      ['A', a],
      ['B', b],
    ] as const) {
      expect(run.code, run.output).toBe(1);
      expect(status.parties[party], run.output).toMatchObject({
        state: 'FAILED',
        reasonCode: 'DEALER_MATERIAL_MISSING',
      });
    }
  }, 180_000);

  it('a server killed mid-job ends the dealer with SERVER_LOST', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [(i * 7) % 121, (i * 13) % 100_000]);
    await prepareJob(harness, spec, [rows], 'job-server-killed');
    const { dealer, A, B } = startJob('job-server-killed', { MPC_MATERIAL_WINDOW_MIB: '1' });
    await B.printed('linked to peer');
    B.child.kill('SIGKILL');
    const [d] = await Promise.all([dealer.exited, A.exited]);
    expect(d.code, d.output).toBe(1);
    expect((await harness.status.getJobStatus('job-server-killed')).parties.DEALER).toMatchObject({
      state: 'FAILED',
      reasonCode: 'SERVER_LOST',
    });
  }, 180_000);
});
