import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComputationSpec } from '../../../../mpc-servers/contract/analysis-spec.ts';
import { storageLayout } from '../../../../mpc-servers/contract/storage-layout.ts';
import {
  prepareJob,
  readResults,
  serverEnvironment,
  startEntry,
  startHarness,
  type Harness,
} from './job-harness.ts';

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

const spec: ComputationSpec = {
  fields: [
    { name: 'age', type: 'int', min: 0, max: 120 },
    { name: 'income', type: 'fixed', fractionalBits: 8, min: -1000, max: 100000 },
  ],
  analyses: [
    { kind: 'count' },
    { kind: 'sum', field: 'income' },
    { kind: 'mean' },
    { kind: 'variance', field: 'income' },
    { kind: 'stddev', field: 'age' },
    { kind: 'histogram', field: 'age', binEdges: [18, 40, 65] },
    { kind: 'countAbove', field: 'income', threshold: 50000 },
    { kind: 'countBelow', field: 'age', threshold: 30 },
    { kind: 'min' },
    { kind: 'max' },
  ],
};

function participantRows(seed: number, count: number): number[][] {
  return Array.from({ length: count }, (_, i) => {
    const x = (seed * 7919 + i * 104729) % 100_003;
    return [x % 121, ((x * 37) % 101_000) - 1000 + (x % 256) / 256];
  });
}

async function runJob(
  jobId: string,
): Promise<Record<'dealer' | 'A' | 'B', { code: number | null; output: string; ms: number }>> {
  const dealer = await startEntry(harness, 'mpc-dealer', ['--job', jobId]).exited;
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
  const [A, B] = await Promise.all([a.exited, b.exited]);
  return { dealer, A, B };
}

describe('dealer, B and A as three processes on loopback TCP', () => {
  it('computes every analysis over two participants and reconstructs the cleartext answers', async () => {
    const participants = [participantRows(1, 37), participantRows(2, 25)];
    const prepared = await prepareJob(harness, spec, participants, 'job-all');
    const runs = await runJob('job-all');
    expect(runs.dealer.code, runs.dealer.output).toBe(0);
    expect(runs.A.code, runs.A.output).toBe(0);
    expect(runs.B.code, runs.B.output).toBe(0);
    expect((await harness.status.getJobStatus('job-all')).overall).toBe('DONE');

    const rows = participants.flat();
    const ages = rows.map((row) => row[0]!);
    const incomes = rows.map((row) => row[1]!);
    const n = rows.length;
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = (xs: number[]): number => mean(xs.map((x) => (x - mean(xs)) ** 2));
    const results = await readResults(harness, prepared);
    const find = (kind: string, field?: string) => results.find((r) => r.kind === kind && r.field === field)!;
    expect(find('count').value).toBe(n);
    expect(find('sum', 'income').value).toBeCloseTo(
      incomes.reduce((a, b) => a + b, 0),
      6,
    );
    expect(find('mean', 'age').value).toBeCloseTo(mean(ages), 9);
    expect(find('mean', 'income').value).toBeCloseTo(mean(incomes), 6);
    expect(find('variance', 'income').value).toBeCloseTo(variance(incomes), 3);
    expect(find('stddev', 'age').value).toBeCloseTo(Math.sqrt(variance(ages)), 9);
    expect(find('histogram', 'age').bins).toEqual([
      ages.filter((x) => x < 18).length,
      ages.filter((x) => x >= 18 && x < 40).length,
      ages.filter((x) => x >= 40 && x < 65).length,
      ages.filter((x) => x >= 65).length,
    ]);
    expect(find('countAbove', 'income').value).toBe(incomes.filter((x) => x > 50000).length);
    expect(find('countBelow', 'age').value).toBe(ages.filter((x) => x < 30).length);
    expect(find('min', 'age').value).toBe(Math.min(...ages));
    expect(find('max', 'age').value).toBe(Math.max(...ages));
    expect(find('min', 'income').value).toBe(Math.min(...incomes));
    expect(find('max', 'income').value).toBe(Math.max(...incomes));
  }, 120_000);

  it('fails the job with BAD_INPUT against the input whose share does not open, on both servers', async () => {
    const prepared = await prepareJob(
      harness,
      spec,
      [participantRows(3, 10), participantRows(4, 10)],
      'job-bad-input',
    );
    const key = storageLayout.inputShare('B', prepared.job.collaborationId, 'input-1');
    const sealed = await harness.inputStore.getObject(key);
    sealed[sealed.length - 1] = sealed[sealed.length - 1]! ^ 1;
    await harness.inputStore.putObject(key, sealed);
    const runs = await runJob('job-bad-input');
    expect(runs.A.code).toBe(1);
    expect(runs.B.code).toBe(1);
    const status = await harness.status.getJobStatus('job-bad-input');
    expect(status.overall).toBe('FAILED');
    for (const party of ['A', 'B'] as const) {
      const report = status.parties[party]!;
      expect(report.state).toBe('FAILED');
      if (report.state !== 'FAILED') continue;
      expect(report.reasonCode).toBe('BAD_INPUT');
      expect(report.failedInputIds).toEqual(['input-1']);
      expect(report.message).toContain('input-1 (server B): share does not open');
    }
  }, 120_000);

  it('when B is killed mid-job, A fails with PEER_LOST within a bounded time', async () => {
    const big: ComputationSpec = {
      fields: [spec.fields[0]!],
      analyses: [{ kind: 'min' }, { kind: 'max' }, { kind: 'histogram', binEdges: [10, 20, 30, 40, 50, 60] }],
    };
    const rows = Array.from({ length: 40_000 }, (_, i) => [(i * 7) % 121]);
    await prepareJob(harness, big, [rows], 'job-kill');
    expect((await startEntry(harness, 'mpc-dealer', ['--job', 'job-kill']).exited).code).toBe(0);
    const b = startEntry(
      harness,
      'mpc-server',
      ['--party', 'B', '--job', 'job-kill'],
      serverEnvironment(harness, 'B'),
    );
    const a = startEntry(
      harness,
      'mpc-server',
      ['--party', 'A', '--job', 'job-kill'],
      serverEnvironment(harness, 'A'),
    );
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
});
