import { chmod, copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobFailureReason } from '../../../../lambdas/use-cases/workflow/check-job.ts';
import { freePort } from '../../../../local/emulators/free-port.ts';
import { writeSecretFile } from '../../../../mpc-servers/keys/file-secret-provider.ts';
import {
  serverEnvironment,
  startEntry,
  startHarness,
  type Harness,
} from '../../../../local/harness/computation-processes.ts';

/**
 * The entry points failing before their work starts (keys, configuration, task metadata): once the job id
 * and the status table are known the failure is in the job status with a reason naming the cause (what the
 * workflow's FAILED reason shows), and every failure prints one readable line on stderr. Key material never
 * appears in either.
 */
let harness: Harness;
let directory: string;
beforeAll(async () => {
  harness = await startHarness();
  directory = await mkdtemp(join(tmpdir(), 'mpc-early-'));
}, 120_000);
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
  await harness?.stop();
});

async function failedWith(jobId: string, reason: string): Promise<void> {
  const status = await harness.status.getJobStatus(jobId);
  expect(status.overall).toBe('FAILED');
  expect(jobFailureReason(status)).toBe(reason);
}

describe('entry points failing before their work starts', () => {
  it('server A whose key file others may read: CONFIGURATION naming the key file, in the status and on stderr', async () => {
    const keyFile = join(directory, 'a-open.json');
    await copyFile(harness.keyFiles.A, keyFile);
    await chmod(keyFile, 0o644);
    const run = await startEntry(harness, 'mpc-server', ['--party', 'A', '--job', 'early-key-mode'], {
      ...serverEnvironment(harness, 'A'),
      MPC_KEY_FILE: keyFile,
    }).exited;
    expect(run.code, run.output).toBe(1);
    const message = `cannot load its HPKE and TLS keys: key file ${keyFile} is readable by group or others (mode 644); chmod 600 it`;
    await failedWith('early-key-mode', `CONFIGURATION: A: ${message}`);
    expect(run.output).toContain(
      `mpc-server (server-A of job early-key-mode): FAILED CONFIGURATION: ${message}\n`,
    );
  });

  it('server A whose key file is not a key document: the reason says so without quoting the file', async () => {
    const keyFile = join(directory, 'a-garbage.json');
    const secretLooking = 'hpkePrivateKey=c2VjcmV0LWtleS1tYXRlcmlhbC1kby1ub3QtbG9n';
    await writeSecretFile(keyFile, `{${secretLooking}`);
    const run = await startEntry(harness, 'mpc-server', ['--party', 'A', '--job', 'early-key-text'], {
      ...serverEnvironment(harness, 'A'),
      MPC_KEY_FILE: keyFile,
    }).exited;
    expect(run.code, run.output).toBe(1);
    await failedWith(
      'early-key-text',
      `CONFIGURATION: A: cannot load its HPKE and TLS keys: key material in file ${keyFile} is not JSON`,
    );
    expect(run.output).not.toContain('c2VjcmV0');
    expect(JSON.stringify(await harness.status.getJobStatus('early-key-text'))).not.toContain('c2VjcmV0');
  });

  it('server B without task metadata: TASK_METADATA_UNAVAILABLE (a rerun may fix it)', async () => {
    const run = await startEntry(harness, 'mpc-server', ['--party', 'B', '--job', 'early-metadata'], {
      ...serverEnvironment(harness, 'B'),
      ECS_CONTAINER_METADATA_URI_V4: `http://127.0.0.1:${await freePort()}/v4/task-id`,
    }).exited;
    expect(run.code, run.output).toBe(1);
    await failedWith(
      'early-metadata',
      'TASK_METADATA_UNAVAILABLE: B: cannot read the ECS task metadata: fetch failed',
    );
  });

  it('a server without its peer fingerprint and a dealer without its bucket: CONFIGURATION naming the variable', async () => {
    const { PEER_TLS_FINGERPRINT: _, ...withoutFingerprint } = serverEnvironment(harness, 'B');
    const [server, dealer] = await Promise.all([
      startEntry(harness, 'mpc-server', ['--party', 'B', '--job', 'early-fingerprint'], withoutFingerprint)
        .exited,
      startEntry(harness, 'mpc-dealer', ['--job', 'early-bucket'], { INPUT_BUCKET: '' }).exited,
    ]);
    expect(server.code, server.output).toBe(1);
    expect(dealer.code, dealer.output).toBe(1);
    await failedWith(
      'early-fingerprint',
      'CONFIGURATION: B: bad configuration: environment variable PEER_TLS_FINGERPRINT is not set',
    );
    await failedWith(
      'early-bucket',
      'CONFIGURATION: DEALER: bad configuration: environment variable INPUT_BUCKET is not set',
    );
    expect(dealer.output).toContain(
      'mpc-dealer (dealer of job early-bucket): FAILED CONFIGURATION: bad configuration: environment variable INPUT_BUCKET is not set\n',
    );
  });

  it('a dealer with a stall bound that is not positive: CONFIGURATION naming the variable', async () => {
    const run = await startEntry(harness, 'mpc-dealer', ['--job', 'early-stall'], {
      MPC_DEALER_STALL_MS: '0',
    }).exited;
    expect(run.code, run.output).toBe(1);
    await failedWith(
      'early-stall',
      'CONFIGURATION: DEALER: bad configuration: environment variable MPC_DEALER_STALL_MS must be positive',
    );
  });

  it('a server with a chunk window that is not a whole number: CONFIGURATION before it loads the job', async () => {
    const run = await startEntry(harness, 'mpc-server', ['--party', 'A', '--job', 'early-window'], {
      ...serverEnvironment(harness, 'A'),
      MPC_CHUNK_WINDOW: 'many',
    }).exited;
    expect(run.code, run.output).toBe(1);
    const message = 'bad configuration: MPC_CHUNK_WINDOW must be a whole number from 1 to 256, got "many"';
    await failedWith('early-window', `CONFIGURATION: A: ${message}`);
    expect(run.output).toContain(
      `mpc-server (server-A of job early-window): FAILED CONFIGURATION: ${message}\n`,
    );
  });

  it('without the status table only stderr can tell, in one line', async () => {
    const run = await startEntry(harness, 'mpc-dealer', ['--job', 'early-table'], { TABLE_NAME: '' }).exited;
    expect(run.code, run.output).toBe(1);
    expect(run.output).toContain(
      'mpc-dealer (dealer of job early-table): FAILED CONFIGURATION: bad configuration: environment variable TABLE_NAME is not set\n',
    );
    expect((await harness.status.getJobStatus('early-table')).overall).toBe('PENDING');
  });
});
