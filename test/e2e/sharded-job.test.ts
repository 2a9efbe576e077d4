import { afterAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../contract/result/result-codec.ts';
import type { AttemptRecord } from '../../lambdas/ports/workflow-repository.ts';
import { workflowPorts } from '../../lambdas/handlers/workflow/workflow-composition-root.ts';
import type { CreateCollaborationRequest } from '../../client/sdk/api-models.ts';
import { fetchResult } from '../../client/sdk/fetch-result.ts';
import {
  AGE_INCOME_ANALYSES,
  AGE_INCOME_FIELDS,
  ageIncomeRows,
  expectCleartextAnswers,
} from '../support/age-income-fixture.ts';
import {
  createCollaboration,
  eventually,
  joinAs,
  startE2eSystem,
  upload,
  type E2eSystem,
  type Member,
} from '../../local/harness/whole-system.ts';
import { uploadWithWrongAad } from './support/wrong-aad-upload.ts';

/**
 * One collaboration run twice through the local runtime, the same definition as on AWS: once with rows per
 * shard set so that it runs as K = 3 part jobs (each with its own dealer and pair of server processes) and a
 * combine job, once unsharded. Four honest participants and one whose share no server opens. In the sharded
 * run the first server B to start (a part's) is killed: that shard fails, its tasks are stopped, the attempt
 * is retried with new job ids, and the other parts' tasks of the failed attempt end by themselves.
 */
const ROWS = [ageIncomeRows(41, 12), ageIncomeRows(42, 20), ageIncomeRows(43, 18), ageIncomeRows(44, 10)];
// 60 honest rows and the liar's 5: ceil(65 / 25) = 3 shards.
const ROWS_PER_SHARD = 25;

let e2e: E2eSystem | undefined;
afterAll(async () => {
  await e2e?.stop();
});

interface Run {
  results: AnalysisResult[];
  excludedInputCount: number | undefined;
  liarReason: string | undefined;
  attempts: AttemptRecord[];
  statesEntered: string[];
}

/** Kills the first server B process the launcher starts; resolves once it did. */
async function killFirstServerB(system: E2eSystem): Promise<void> {
  const { launcher } = system.plugin.workflow();
  for (;;) {
    const [task] = launcher.runningTasks('serverB');
    if (task) return void process.kill(task.pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function runCollaboration(system: E2eSystem, fault?: () => Promise<void>): Promise<Run> {
  const collaborationId = await createCollaboration(system, {
    name: 'e2e sharded job',
    analyses: AGE_INCOME_ANALYSES,
    inputSchema: { fields: AGE_INCOME_FIELDS } as CreateCollaborationRequest['inputSchema'],
    deadlineInSeconds: 3600,
    resultRecipients: 'all-participants',
    minParticipants: 4,
    maxParticipants: 5,
  });
  const members: Member[] = [];
  for (const name of ['clinic-a', 'clinic-b', 'clinic-c', 'clinic-d'])
    members.push(await joinAs(system, collaborationId, name));
  const liar = await joinAs(system, collaborationId, 'clinic-liar');
  const faulted = fault?.();
  for (const [index, member] of members.entries()) await upload(member, collaborationId, ROWS[index]!);
  await uploadWithWrongAad(liar, collaborationId);

  const finished = await eventually(
    () => members[0]!.client.getCollaboration(collaborationId),
    (c) => c.status !== 'OPEN' && c.status !== 'COMPUTING',
    120_000,
    250,
  );
  expect(finished.status, finished.statusReason).toBe('RESULT_READY');
  await faulted;
  const results = await fetchResult(members[0]!.client, system.keys, collaborationId, {
    pinnedServerKeys: system.pins,
  });
  // Every recipient reads the same result.
  expect(
    await fetchResult(members[3]!.client, system.keys, collaborationId, { pinnedServerKeys: system.pins }),
  ).toEqual(results);
  const attempts = await workflowPorts(system.system.container).workflowState.listAttempts(collaborationId);
  const execution = system.plugin.workflow().runner.execution(collaborationId);
  return {
    results,
    excludedInputCount: finished.excludedInputCount,
    liarReason: (await liar.client.getMyParticipation(collaborationId)).input?.exclusionReason,
    attempts,
    statesEntered: (execution?.events ?? []).flatMap((event) =>
      event.type === 'StateEntered' ? [event.state.name] : [],
    ),
  };
}

describe('a job in K = 3 shards through the whole local system', () => {
  it('gives the result of the unsharded run, the bad input excluded in both, after a failed shard', async () => {
    e2e = await startE2eSystem({ settings: { rowsPerShard: ROWS_PER_SHARD } });
    const sharded = await runCollaboration(e2e, () => killFirstServerB(e2e!));
    // Nothing stopped the failed attempt's other parts: they finish (or lose their peer) and exit.
    const { launcher } = e2e.plugin.workflow();
    await eventually(
      async () => launcher.runningTasks(),
      (running) => running.length === 0,
      60_000,
    );
    await e2e.stop();

    e2e = await startE2eSystem();
    const unsharded = await runCollaboration(e2e);

    expect(sharded.attempts).toMatchObject([
      { shards: 3, reason: expect.stringMatching(/^ShardFailed: shard \d \(.+-shard-\d\): \w+: /) },
      { shards: 3 },
    ]);
    expect(sharded.attempts[1]).not.toHaveProperty('reason');
    // Both attempts started all three parts; the second's all finished, and the combine job ran once.
    expect(sharded.statesEntered.filter((name) => name === 'RunShardDealer')).toHaveLength(6);
    expect(sharded.statesEntered.filter((name) => name === 'StopShard')).toHaveLength(1);
    expect(sharded.statesEntered.filter((name) => name === 'RunDealer')).toHaveLength(1);
    expect(unsharded.attempts).toHaveLength(1);
    expect(unsharded.attempts[0]).not.toHaveProperty('shards');
    expect(unsharded.statesEntered).not.toContain('RunShards');

    expect(sharded.results).toEqual(unsharded.results);
    expectCleartextAnswers(sharded.results, ROWS.flat());
    for (const run of [sharded, unsharded]) {
      expect(run.excludedInputCount).toBe(1);
      expect(run.liarReason).toEqual(expect.any(String));
    }
    expect(sharded.liarReason).toBe(unsharded.liarReason);
  }, 240_000);
});
