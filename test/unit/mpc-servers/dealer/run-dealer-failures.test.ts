import { describe, expect, it } from 'vitest';
import type { ComputationSpec } from '../../../../contract/analysis/analysis-spec.ts';
import type { JobDescription } from '../../../../contract/job/job-description.ts';
import { storageLayout } from '../../../../contract/storage/storage-layout.ts';
import { generateKeyPair } from '../../../../contract/crypto/hpke.ts';
import { dealerStepAllowanceMs, runDealer } from '../../../../mpc-servers/dealer/run-dealer.ts';
import { JobFailure } from '../../../../mpc-servers/runtime/failure.ts';
import { InMemoryJobStatusStore } from '../../../../contract/job/in-memory-job-status-store.ts';
import { InMemoryObjectStore } from '../../../../contract/storage/in-memory-object-store.ts';

/** The dealer's failures that used to say little or last long: a store that hangs, a missing job. */
const spec: ComputationSpec = {
  fields: [{ name: 'v', type: 'int', min: 0, max: 100 }],
  analyses: [{ kind: 'sum' }],
};

/** A store whose writes of keys matching `hangOn` never complete (a socket that went silent). */
class HangingStore extends InMemoryObjectStore {
  constructor(private readonly hangOn: RegExp) {
    super();
  }

  override async putObject(key: string, body: Uint8Array): Promise<void> {
    if (this.hangOn.test(key)) return new Promise(() => undefined);
    return super.putObject(key, body);
  }
}

const keys = async () => ({
  dealerPrivateKey: (await generateKeyPair()).privateKey,
  serverPublicKeys: { A: (await generateKeyPair()).publicKey, B: (await generateKeyPair()).publicKey },
});

async function writeJob(store: InMemoryObjectStore, jobId: string): Promise<void> {
  const servers = { A: await generateKeyPair(), B: await generateKeyPair() };
  const job: JobDescription = {
    jobId,
    collaborationId: 'c1',
    attempt: 1,
    spec,
    inputs: [{ inputId: 'i1', participantId: 'p1', rowCount: 10 }],
    minParticipants: 1,
    resultRecipients: 'all-participants',
    recipients: [{ recipientId: 'p1', publicKey: servers.A.publicKey }],
    peer: { host: '127.0.0.1', port: 1 },
  };
  await store.putObject(storageLayout.jobDescription(jobId), new TextEncoder().encode(JSON.stringify(job)));
}

describe('dealer failures', () => {
  it('a dealer whose store hangs ends with NO_PROGRESS naming the step, in its status and its error', async () => {
    const store = new HangingStore(/manifest/);
    const status = new InMemoryJobStatusStore();
    await writeJob(store, 'j-hang');
    const error = await runDealer({
      jobId: 'j-hang',
      store,
      status,
      stallTimeoutMs: 200,
      ...(await keys()),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(JobFailure);
    const expected = {
      reasonCode: 'NO_PROGRESS',
      message: 'the dealer made no progress for 200 ms while writing the manifest for server A',
    };
    expect(error).toMatchObject({ code: expected.reasonCode, message: expected.message });
    expect((await status.getJobStatus('j-hang')).parties.DEALER).toMatchObject({
      state: 'FAILED',
      ...expected,
    });
  });

  it('a missing job description is named as such, not as missing dealer material', async () => {
    const status = new InMemoryJobStatusStore();
    await expect(
      runDealer({ jobId: 'j-none', store: new InMemoryObjectStore(), status, ...(await keys()) }),
    ).rejects.toThrow(JobFailure);
    expect((await status.getJobStatus('j-none')).parties.DEALER).toMatchObject({
      state: 'FAILED',
      reasonCode: 'JOB_DESCRIPTION_MISSING',
      message: `the job description ${storageLayout.jobDescription('j-none')} does not exist`,
    });
  });

  it('allows each step two minutes, and a write its bytes at 256 KiB/s on top', () => {
    expect(dealerStepAllowanceMs()).toBe(120_000);
    expect(dealerStepAllowanceMs(16 << 20)).toBe(120_000 + 65_536);
  });
});
