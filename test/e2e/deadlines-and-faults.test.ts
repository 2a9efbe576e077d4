import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateCollaborationRequest } from '../../client/sdk/api-models.ts';
import { fetchResult } from '../../client/sdk/fetch-result.ts';
import { verifyWebhookRequest } from '../../client/webhooks/verify.ts';
import { workflowPorts } from '../../lambdas/handlers/workflow/workflow-composition-root.ts';
import { storageLayout } from '../../contract/storage/storage-layout.ts';
import {
  createCollaboration,
  eventually,
  joinAs,
  keysUnder,
  startE2eSystem,
  upload,
  type E2eSystem,
} from '../../local/harness/whole-system.ts';

/** Seed 001's crash cases on the whole local system: deadlines, a silent client, killed servers and dealer. */
let e2e: E2eSystem;
beforeAll(async () => {
  e2e = await startE2eSystem();
}, 120_000);
afterAll(async () => {
  await e2e?.stop();
});

const inputSchema = {
  fields: [{ name: 'value', type: 'int', min: -1000, max: 1000 }],
} as CreateCollaborationRequest['inputSchema'];
const analyses: CreateCollaborationRequest['analyses'] = [
  { kind: 'count' },
  { kind: 'sum', field: 'value' },
  { kind: 'histogram', field: 'value', binEdges: [-500, 0, 500] },
  { kind: 'min', field: 'value' },
  { kind: 'max', field: 'value' },
];

const rowsOf = (seed: number, count: number): number[][] =>
  Array.from({ length: count }, (_, i) => [((seed * 7919 + i * 104729) % 2001) - 1000]);

function collaboration(name: string, deadlineInSeconds: number) {
  return {
    name,
    analyses,
    inputSchema,
    minParticipants: 2,
    maxParticipants: 3,
    deadlineInSeconds,
    resultRecipients: 'all-participants' as const,
  };
}

async function collaborationOf(collaborationId: string) {
  return e2e.client('owner').getCollaboration(collaborationId);
}

async function untilStatus(collaborationId: string, status: string, timeoutMs: number) {
  return eventually(
    () => collaborationOf(collaborationId),
    (c) => c.status === status,
    timeoutMs,
  );
}

function expectSumsOf(results: Awaited<ReturnType<typeof fetchResult>>, rows: number[][]): void {
  const values = rows.map((row) => row[0]!);
  const find = (kind: string) => results.find((r) => r.kind === kind)!;
  expect(find('count').value).toBe(values.length);
  expect(find('sum').value).toBe(values.reduce((a, b) => a + b, 0));
  expect(find('min').value).toBe(Math.min(...values));
  expect(find('max').value).toBe(Math.max(...values));
}

/** Kills server B processes as they appear (SIGKILL, as a lost Fargate task), `times` times or until stopped. */
function killServerB(options: { times: number; once?: () => Promise<boolean> }): {
  stop(): void;
  kills(): number;
} {
  return killTasks('serverB', options);
}

/** Kills the processes of one container as they appear, `times` times or until stopped. */
function killTasks(
  container: 'dealer' | 'serverA' | 'serverB',
  options: { times: number; once?: () => Promise<boolean> },
): {
  stop(): void;
  kills(): number;
} {
  const { launcher } = e2e.plugin.workflow();
  let killed = 0;
  let stopped = false;
  const seen = new Set<number>();
  void (async () => {
    while (!stopped && killed < options.times) {
      for (const { pid } of launcher.runningTasks(container)) {
        if (seen.has(pid) || (options.once && !(await options.once()))) continue;
        seen.add(pid);
        process.kill(pid, 'SIGKILL');
        killed++;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    stop: () => (stopped = true),
    kills: () => killed,
  };
}

describe('deadlines, silent clients and failures', () => {
  it('at the deadline: fewer than the minimum ends EXPIRED with everyone told; the minimum but not all computes', async () => {
    const [short, enough] = await Promise.all([
      createCollaboration(e2e, collaboration('e2e expires', 15)),
      createCollaboration(e2e, collaboration('e2e computes at deadline', 15)),
    ]);
    // `short`: one input and one participant that joined and crashed before uploading.
    const a = await joinAs(e2e, short, 'lab-a');
    const silent = await joinAs(e2e, short, 'lab-silent');
    await upload(a, short, rowsOf(1, 5));
    // `enough`: two of three places filled; the third participant never uploads.
    const members = [await joinAs(e2e, enough, 'lab-b'), await joinAs(e2e, enough, 'lab-c')];
    await joinAs(e2e, enough, 'lab-never-uploads');
    const rows = [rowsOf(2, 8), rowsOf(3, 6)];
    await Promise.all(members.map((member, index) => upload(member, enough, rows[index]!)));
    expect((await collaborationOf(enough)).status).toBe('OPEN');

    const expired = await untilStatus(short, 'EXPIRED', 60_000);
    expect(expired.statusReason).toContain('Only 1 of the minimum 2 inputs');
    for (const member of [a, silent]) {
      const hook = await e2e.hooks.next(
        (h) => h.clientId === member.clientId && h.body.includes('collaboration.expired'),
      );
      const event = verifyWebhookRequest<{ data: { status: string } }>(
        hook.headers as Record<string, string>,
        hook.body,
        member.participation.webhookSecret!,
      );
      expect(event.data.status).toBe('EXPIRED');
    }
    expect(await keysUnder(e2e, e2e.system.inputBucket, storageLayout.inputSharePrefix('B', short))).toEqual(
      [],
    );
    // The one uploaded input stays in B's own bucket until its lifecycle rule: the coordinator cannot delete there.
    expect(
      await keysUnder(e2e, e2e.system.serverInputBuckets.B, storageLayout.inputSharePrefix('B', short)),
    ).toHaveLength(1);

    await untilStatus(enough, 'RESULT_READY', 90_000);
    expectSumsOf(
      await fetchResult(members[0]!.client, e2e.keys, enough, { pinnedServerKeys: e2e.pins }),
      rows.flat(),
    );
  }, 180_000);

  it('a server killed mid-job is detected by the poll step and the computation is retried to success', async () => {
    const collaborationId = await createCollaboration(e2e, collaboration('e2e killed server', 3600));
    const members = await Promise.all(['x-1', 'x-2', 'x-3'].map((id) => joinAs(e2e, collaborationId, id)));
    const rows = [rowsOf(4, 3000), rowsOf(5, 3000), rowsOf(6, 3000)];
    // Kill B once both servers have reported RUNNING on the first attempt.
    const bothRunning = async (): Promise<boolean> => {
      const [attempt] = await workflowPorts(e2e.system.container).workflowState.listAttempts(collaborationId);
      if (!attempt) return false;
      const status = await workflowPorts(e2e.system.container).jobStatus.getJobStatus(attempt.jobId);
      return status.parties.A?.state === 'RUNNING' && status.parties.B?.state === 'RUNNING';
    };
    const killer = killServerB({ times: 1, once: bothRunning });
    await Promise.all(members.map((member, index) => upload(member, collaborationId, rows[index]!)));
    await untilStatus(collaborationId, 'RESULT_READY', 120_000);
    killer.stop();
    expect(killer.kills()).toBe(1);
    const attempts = await workflowPorts(e2e.system.container).workflowState.listAttempts(collaborationId);
    expect(attempts).toHaveLength(2);
    // A killed server reports nothing: the attempt names what the poll saw first, the stopped task, A losing
    // its peer, the dealer losing B's material stream, or A told so by the dealer before it reported.
    expect(attempts[0]!.reason).toMatch(/^(TASK_STOPPED|PEER_LOST|SERVER_LOST|DEALER_MATERIAL_MISSING):/);
    expect(attempts[1]!.reason).toBeUndefined();
    expectSumsOf(
      await fetchResult(members[1]!.client, e2e.keys, collaborationId, { pinnedServerKeys: e2e.pins }),
      rows.flat(),
    );
  }, 180_000);

  it('a dealer killed while the servers run beside it fails the attempt, naming the dealer; the retry computes', async () => {
    const collaborationId = await createCollaboration(e2e, collaboration('e2e killed dealer', 3600));
    const members = await Promise.all(['d-1', 'd-2', 'd-3'].map((id) => joinAs(e2e, collaborationId, id)));
    const rows = [rowsOf(11, 3000), rowsOf(12, 3000), rowsOf(13, 3000)];
    // Kill the dealer once it has started writing material on the first attempt.
    const dealerRunning = async (): Promise<boolean> => {
      const [attempt] = await workflowPorts(e2e.system.container).workflowState.listAttempts(collaborationId);
      if (!attempt) return false;
      const status = await workflowPorts(e2e.system.container).jobStatus.getJobStatus(attempt.jobId);
      return status.parties.DEALER?.state === 'RUNNING';
    };
    const killer = killTasks('dealer', { times: 1, once: dealerRunning });
    await Promise.all(members.map((member, index) => upload(member, collaborationId, rows[index]!)));
    await untilStatus(collaborationId, 'RESULT_READY', 120_000);
    killer.stop();
    expect(killer.kills()).toBe(1);
    const attempts = await workflowPorts(e2e.system.container).workflowState.listAttempts(collaborationId);
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.reason).toMatch(/^TASK_STOPPED: the dealer stopped before finishing/);
    expect(attempts[1]!.reason).toBeUndefined();
    expectSumsOf(
      await fetchResult(members[0]!.client, e2e.keys, collaborationId, { pinnedServerKeys: e2e.pins }),
      rows.flat(),
    );
  }, 180_000);

  it('a computation that keeps failing ends FAILED with the reason, everyone told, inputs intact until retention ends', async () => {
    const collaborationId = await createCollaboration(e2e, collaboration('e2e keeps failing', 3600));
    const members = await Promise.all(['y-1', 'y-2', 'y-3'].map((id) => joinAs(e2e, collaborationId, id)));
    const killer = killServerB({ times: 100 });
    await Promise.all(members.map((member, index) => upload(member, collaborationId, rowsOf(7 + index, 20))));
    const failed = await untilStatus(collaborationId, 'FAILED', 150_000);
    killer.stop();
    expect(failed.statusReason).toMatch(/TASK_STOPPED: server B stopped before finishing/);
    const attempts = await workflowPorts(e2e.system.container).workflowState.listAttempts(collaborationId);
    expect(attempts).toHaveLength(3);
    for (const attempt of attempts) expect(attempt.failedAt).toBeDefined();
    for (const party of ['A', 'B'] as const)
      expect(
        await keysUnder(
          e2e,
          e2e.system.serverInputBuckets[party],
          storageLayout.inputSharePrefix(party, collaborationId),
        ),
      ).toHaveLength(3);
    const hook = await e2e.hooks.next((h) => h.clientId === 'y-1' && h.body.includes('collaboration.failed'));
    expect(JSON.parse(hook.body)).toMatchObject({ data: { status: 'FAILED' } });
    expect(e2e.plugin.workflow().launcher.runningTasks()).toEqual([]);

    // Retention ends (locally at once, not after days): CleanUp deletes the shares, FAILED stays FAILED.
    const { runner } = e2e.plugin.workflow();
    expect(runner.execution(collaborationId)?.status).toBe('RUNNING');
    await eventually(
      async () => runner.endWaits(collaborationId),
      (ended) => ended > 0,
      30_000,
    );
    // The execution succeeds (its work is done) in a terminal state that names the outcome.
    await runner.execution(collaborationId)!.result;
    const { events } = runner.execution(collaborationId)!;
    // The event log trails the result a little.
    await eventually(
      async () => events.some((event) => event.type === 'ExecutionSucceeded'),
      (ended) => ended,
      10_000,
    );
    const entered = events.flatMap((event) => (event.type === 'StateEntered' ? [event.state.name] : []));
    expect(entered.at(-1)).toBe('FailedAndCleanedUp');
    expect((await collaborationOf(collaborationId)).status).toBe('FAILED');
    const inputBucket = e2e.system.inputBucket;
    for (const party of ['A', 'B'] as const) {
      const prefix = storageLayout.inputSharePrefix(party, collaborationId);
      expect(await keysUnder(e2e, inputBucket, prefix)).toEqual([]);
      // Input shares stay in each server's own bucket, which the coordinator may write but not delete from: its
      // lifecycle rule expires them (docs/deploy.md, "Three operators in three accounts").
      expect(await keysUnder(e2e, e2e.system.serverInputBuckets[party], prefix)).toHaveLength(3);
      for (const { jobId } of attempts)
        expect(await keysUnder(e2e, inputBucket, storageLayout.dealerMaterialPrefix(party, jobId))).toEqual(
          [],
        );
    }
    for (const { jobId } of attempts)
      expect(await keysUnder(e2e, inputBucket, storageLayout.jobDescription(jobId))).toEqual([]);
  }, 180_000);
});
