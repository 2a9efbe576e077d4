import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComputationSpec } from '../../../../contract/analysis/analysis-spec.ts';
import type { JobDescription } from '../../../../contract/job/job-description.ts';
import { storageLayout } from '../../../../contract/storage/storage-layout.ts';
import { createDealerKeyMaterial } from '../../../../mpc-servers/keys/dealer-keys.ts';
import { writeSecretFile } from '../../../../mpc-servers/keys/file-secret-provider.ts';
import { generateKeyPair } from '../../../../contract/crypto/hpke.ts';
import {
  prepareJob,
  serverEnvironment,
  startEntry,
  startHarness,
  type Harness,
} from '../../../../local/harness/computation-processes.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The servers trust nothing the coordinator wrote beyond what participants sealed: the real dealer and server
 * entry points as processes, a job description tampered with the way whoever can write the input bucket
 * could, and each run ending with a named reason on both servers and no result share written.
 */
let harness: Harness;
let directory: string;
beforeAll(async () => {
  harness = await startHarness();
  directory = await mkdtemp(join(tmpdir(), 'mpc-untrusted-'));
}, 120_000);
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
  await harness?.stop();
});

const spec: ComputationSpec = {
  fields: [{ name: 'v', type: 'int', min: 0, max: 100 }],
  analyses: [{ kind: 'count' }, { kind: 'sum' }],
};
const rows = (seed: number) => Array.from({ length: 8 }, (_, i) => [(seed * 13 + i * 7) % 101]);

/** Material made ahead through storage: the dealer finishes before the servers refuse the job. */
const STORED = { MPC_MATERIAL_PATH: 's3' };

/** Dealer, then B and A; both servers must exit 1 with `code` in the status, and no result share exists. */
async function expectRefused(job: JobDescription, code: string, dealerEnv: NodeJS.ProcessEnv = {}) {
  const dealer = await startEntry(harness, 'mpc-dealer', ['--job', job.jobId], { ...dealerEnv, ...STORED })
    .exited;
  expect(dealer.code, dealer.output).toBe(0);
  const runs = await Promise.all(
    (['B', 'A'] as const).map(
      (party) =>
        startEntry(harness, 'mpc-server', ['--party', party, '--job', job.jobId], {
          ...serverEnvironment(harness, party),
          ...STORED,
        }).exited,
    ),
  );
  for (const run of runs) expect(run.code, run.output).toBe(1);
  const status = await harness.status.getJobStatus(job.jobId);
  expect(status.overall).toBe('FAILED');
  for (const party of ['A', 'B'] as const)
    expect(status.parties[party], runs.map((run) => run.output).join('\n')).toMatchObject({
      state: 'FAILED',
      reasonCode: code,
    });
  for (const party of ['A', 'B'] as const)
    expect(
      await harness.resultStore.listKeys(storageLayout.resultShare(party, job.collaborationId, '')),
    ).toEqual([]);
  expect(await harness.resultStore.listKeys('')).toEqual([]);
}

describe('servers refuse a job the coordinator tampered with', () => {
  it('dealer material sealed by anyone but the pinned dealer: DEALER_NOT_AUTHENTIC', async () => {
    const { job } = await prepareJob(harness, spec, [rows(1)], 'untrusted-dealer');
    // A substitute dealer with its own key pair seals to the servers' public keys, which anyone can do.
    const forged = await createDealerKeyMaterial();
    const forgedFile = join(directory, 'forged-dealer.json');
    await writeSecretFile(forgedFile, forged.secretText);
    expect(forged.hpkePublicKey).not.toBe(harness.dealerPublicKey);
    await expectRefused(job, 'DEALER_NOT_AUTHENTIC', { MPC_DEALER_KEY_FILE: forgedFile });
  }, 120_000);

  it('a job that lists an input twice: DUPLICATE_INPUT', async () => {
    const { job } = await prepareJob(harness, spec, [rows(1), rows(2)], 'untrusted-twice', {
      tamper: (honest) => ({ ...honest, inputs: [...honest.inputs, honest.inputs[0]!] }),
    });
    await expectRefused(job, 'DUPLICATE_INPUT');
  }, 120_000);

  it('a job naming a recipient the collaboration does not declare: UNDECLARED_RECIPIENT', async () => {
    const mallory = await generateKeyPair();
    const { job } = await prepareJob(harness, spec, [rows(1), rows(2)], 'untrusted-recipient', {
      tamper: (honest) => ({
        ...honest,
        recipients: [...honest.recipients, { recipientId: 'mallory', publicKey: mallory.publicKey }],
      }),
    });
    await expectRefused(job, 'UNDECLARED_RECIPIENT');
  }, 120_000);

  it('a job with fewer inputs than minParticipants: TOO_FEW_INPUTS', async () => {
    const { job } = await prepareJob(harness, spec, [rows(1), rows(2)], 'untrusted-few', {
      declared: { minParticipants: 2, resultRecipients: ['participant-0'] },
      // One participant's rows alone would be the whole result.
      tamper: (honest) => ({ ...honest, inputs: honest.inputs.slice(0, 1) }),
    });
    await expectRefused(job, 'TOO_FEW_INPUTS');
  }, 120_000);

  it('a job that misstates the declaration participants sealed under: SPEC_DIGEST_MISMATCH', async () => {
    const mallory = await generateKeyPair();
    // The coordinator adds itself to the declared list and lowers the minimum so that its checks pass.
    const { job } = await prepareJob(harness, spec, [rows(1), rows(2)], 'untrusted-declaration', {
      declared: { minParticipants: 2, resultRecipients: ['participant-0'] },
      tamper: (honest) => ({
        ...honest,
        minParticipants: 1,
        resultRecipients: ['participant-0', 'mallory'],
        recipients: [...honest.recipients, { recipientId: 'mallory', publicKey: mallory.publicKey }],
      }),
    });
    await expectRefused(job, 'SPEC_DIGEST_MISMATCH');
  }, 120_000);
});
