import { describe, expect, it, vi } from 'vitest';
import { parseJobDescription } from '../../../../contract/job/job-description.ts';
import { sealedInputShareBytes } from '../../../../contract/input/input-share-size.ts';
import { storageLayout } from '../../../../contract/storage/storage-layout.ts';
import { cancelCollaboration } from '../../../../lambdas/use-cases/cancel-collaboration.ts';
import { checkJob } from '../../../../lambdas/use-cases/workflow/check-job.ts';
import { checkMinimum } from '../../../../lambdas/use-cases/workflow/check-minimum.ts';
import { cleanUp } from '../../../../lambdas/use-cases/workflow/clean-up.ts';
import { cleanUpCancelled } from '../../../../lambdas/use-cases/workflow/clean-up-cancelled.ts';
import { closeInputs, rowCountOfShareB } from '../../../../lambdas/use-cases/workflow/close-inputs.ts';
import { expire } from '../../../../lambdas/use-cases/workflow/expire.ts';
import { markFailed } from '../../../../lambdas/use-cases/workflow/mark-failed.ts';
import { notifyParticipants } from '../../../../lambdas/use-cases/workflow/notify-participants.ts';
import {
  prepareAttempt,
  type PreparedAttempt,
} from '../../../../lambdas/use-cases/workflow/prepare-attempt.ts';
import { publishResult } from '../../../../lambdas/use-cases/workflow/publish-result.ts';
import { recordAttemptFailure } from '../../../../lambdas/use-cases/workflow/record-attempt-failure.ts';
import { storeFinishToken } from '../../../../lambdas/use-cases/workflow/store-finish-token.ts';
import { storeInputToken } from '../../../../lambdas/use-cases/workflow/store-input-token.ts';
import { contribute, createWith, joinWith } from './support/collaboration-setup.ts';
import { inMemoryWorkflow } from './support/in-memory-workflow.ts';

type World = ReturnType<typeof inMemoryWorkflow>;

/** A collaboration with three participants of whom `inputs` completed an input (3, 4, 5 ... rows). */
async function collaborationWith(world: World, inputs: number, overrides = {}): Promise<string> {
  const id = await createWith(world, overrides);
  for (const [index, member] of ['a', 'b', 'c'].entries()) {
    await joinWith(world, id, member, member !== 'c');
    if (index < inputs) await (await contribute(world, id, member, 3 + index)).complete();
  }
  return id;
}

async function computing(world: World, inputs = 3, overrides = {}) {
  const id = await collaborationWith(world, inputs, overrides);
  await closeInputs(world.ports, { collaborationId: id });
  const job = await prepareAttempt(world.ports, { collaborationId: id, attemptsLeft: 3 });
  return { id, job };
}

const put = (world: World, key: string) => world.jobStore.putObject(key, new Uint8Array([1, 2, 3]));

describe('workflow steps', () => {
  it('CheckMinimum: enough with minParticipants completed inputs, not with fewer', async () => {
    const world = inMemoryWorkflow();
    const one = await collaborationWith(world, 1);
    const two = await collaborationWith(world, 2);
    expect(await checkMinimum(world.ports, { collaborationId: one })).toMatchObject({
      enough: false,
      completedInputCount: 1,
    });
    expect(await checkMinimum(world.ports, { collaborationId: two })).toMatchObject({
      enough: true,
      completedInputCount: 2,
    });
  });

  it('Expire: EXPIRED with the reason, uploaded shares deleted, every participant with a webhook told', async () => {
    const world = inMemoryWorkflow();
    const id = await collaborationWith(world, 1);
    await put(world, storageLayout.inputShare('B', id, 'x'));
    const answer = await expire(world.ports, { collaborationId: id });
    expect(answer).toMatchObject({ status: 'EXPIRED', notified: { delivered: 2, failed: 0, skipped: 1 } });
    expect(world.collaborations.get(id)!.statusReason).toBe(
      'Only 1 of the minimum 2 inputs by the deadline.',
    );
    expect(await world.jobStore.listKeys(storageLayout.inputSharePrefix('B', id))).toEqual([]);
    expect(world.notifier.sent.map((sent) => sent.message.event)).toEqual([
      'collaboration.expired',
      'collaboration.expired',
    ]);
    expect(world.events.of(id).map((event) => event.status)).toEqual(['OPEN', 'EXPIRED']);
  });

  it('CloseInputs: COMPUTING and a snapshot of the counted inputs with their row counts; refuses twice-closed', async () => {
    const world = inMemoryWorkflow();
    const id = await collaborationWith(world, 2);
    expect(await closeInputs(world.ports, { collaborationId: id })).toEqual({ inputCount: 2 });
    expect(world.collaborations.get(id)!.status).toBe('COMPUTING');
    const snapshot = await world.ports.workflowState.readInputSnapshot(id);
    expect(snapshot?.map((input) => [input.clientId, input.rowCount]).sort()).toEqual([
      ['a', 3],
      ['b', 4],
    ]);
    // A Lambda retry after the transition still answers (idempotent).
    expect(await closeInputs(world.ports, { collaborationId: id })).toEqual({ inputCount: 2 });
  });

  it('CloseInputs, Expire and MarkFailed hand a collaboration the owner cancelled to CleanUpCancelled', async () => {
    const world = inMemoryWorkflow();
    const id = await collaborationWith(world, 2);
    await cancelCollaboration(world.coordinator, { callerId: 'owner', collaborationId: id });
    for (const step of [closeInputs, expire, markFailed])
      await expect(step(world.ports, { collaborationId: id })).rejects.toMatchObject({
        name: 'CollaborationCancelled',
      });
    expect(world.collaborations.get(id)!.status).toBe('CANCELLED');
    expect(world.notifier.sent).toEqual([]);
  });

  it('derives the row count of an input registered without one from the size of B share', () => {
    expect(rowCountOfShareB(sealedInputShareBytes('B', 2, 17), 2)).toBe(17);
    expect(rowCountOfShareB(sealedInputShareBytes('B', 2, 17) + 3, 2)).toBe(0);
  });

  it('PrepareAttempt: a new job per attempt with the snapshot, recipients keys, server keys and commands', async () => {
    const world = inMemoryWorkflow();
    const { id, job } = await computing(world, 3, { resultRecipients: ['a', 'c'] });
    expect(job).toEqual({
      jobId: 'job-1',
      attempt: 1,
      networks: {
        dealer: { SecurityGroups: ['sg-dealer'] },
        serverB: { SecurityGroups: ['sg-b'] },
        serverA: { SecurityGroups: ['sg-a'] },
      },
      dealerCommand: ['--job', 'job-1'],
      serverBCommand: ['--party', 'B', '--job', 'job-1'],
      serverACommand: ['--party', 'A', '--job', 'job-1'],
      poll: { waitSeconds: 5, pollsLeft: 10 },
    });
    const description = parseJobDescription(
      new TextDecoder().decode(await world.jobStore.getObject(storageLayout.jobDescription('job-1'))),
    );
    expect(description.collaborationId).toBe(id);
    expect(description.inputs.map((input) => input.rowCount).sort()).toEqual([3, 4, 5]);
    expect(description.recipients.map((r) => r.recipientId).sort()).toEqual(['a', 'c']);
    expect(description.peer).toEqual({ host: '127.0.0.1', port: 40_000 });
    // The declaration the servers check recipients against; no server keys (each party pins its own).
    expect(description.resultRecipients).toEqual(['a', 'c']);
    expect(description).not.toHaveProperty('serverPublicKeys');
    const second = await prepareAttempt(world.ports, { collaborationId: id, attemptsLeft: 2 });
    expect(second).toMatchObject({ jobId: 'job-2', attempt: 2 });
  });

  it('PrepareAttempt reads the collaboration item once and appends its attempt without reading again', async () => {
    const world = inMemoryWorkflow();
    const id = await collaborationWith(world, 2);
    await closeInputs(world.ports, { collaborationId: id });
    const state = world.ports.workflowState;
    const itemReads = [
      vi.spyOn(world.ports.collaborations, 'get'),
      vi.spyOn(state, 'readCollaborationRecord'),
      vi.spyOn(state, 'readInputSnapshot'),
      vi.spyOn(state, 'listAttempts'),
      vi.spyOn(state, 'readTaskToken'),
    ];
    const writes = [vi.spyOn(state, 'appendAttempt'), vi.spyOn(state, 'recordAttempt')];
    await prepareAttempt(world.ports, { collaborationId: id, attemptsLeft: 3 });
    expect(itemReads.map((read) => read.mock.calls.length)).toEqual([0, 1, 0, 0, 0]);
    expect(writes.map((write) => write.mock.calls.length)).toEqual([1, 0]);
  });

  /** 12 rows in three inputs (3, 4, 5) and at most `rowsPerShard` rows per pair of servers. */
  async function sharded(rowsPerShard: number) {
    const world = inMemoryWorkflow();
    world.ports.settings.rowsPerShard = rowsPerShard;
    const ports = new Map<string, number>();
    world.ports.peerEndpoints = {
      forJob: async (jobId) => ({ host: '127.0.0.1', port: 40_000 + ports.set(jobId, ports.size).size - 1 }),
    };
    const { id, job } = await computing(world);
    const description = async (jobId: string) =>
      parseJobDescription(
        new TextDecoder().decode(await world.jobStore.getObject(storageLayout.jobDescription(jobId))),
      );
    return { world, id, job, description };
  }

  it('PrepareAttempt: K part jobs with their own ids and peer ports, and the combine job under the attempt', async () => {
    const { world, id, job, description } = await sharded(5);
    expect(job).toMatchObject({ jobId: 'job-1', dealerCommand: ['--job', 'job-1'] });
    expect(job).not.toHaveProperty('shardLimit');
    expect(job.shards).toEqual(
      [0, 1, 2].map((index) => ({
        jobId: `job-1-shard-${index}`,
        dealerCommand: ['--job', `job-1-shard-${index}`],
        serverBCommand: ['--party', 'B', '--job', `job-1-shard-${index}`],
        serverACommand: ['--party', 'A', '--job', `job-1-shard-${index}`],
      })),
    );
    const combine = await description('job-1');
    expect(combine.shard).toEqual({ stage: 'combine', count: 3 });
    expect(combine.peer.port).toBe(40_000);
    for (const index of [0, 1, 2]) {
      const part = await description(`job-1-shard-${index}`);
      expect(part.shard).toEqual({ stage: 'part', index, count: 3, combineJobId: 'job-1' });
      expect(part.peer).toEqual({ host: '127.0.0.1', port: 40_001 + index });
      // Every part carries the whole job's inputs: the servers derive which are theirs.
      expect(part.inputs).toEqual(combine.inputs);
    }
    expect(await world.ports.workflowState.listAttempts(id)).toMatchObject([{ jobId: 'job-1', shards: 3 }]);
  });

  it('PrepareAttempt: one shard per input at most, saying why; one job as before when the rows fit', async () => {
    const limited = await sharded(1);
    expect(limited.job.shards).toHaveLength(3);
    expect(limited.job.shardLimit).toBe('12 shards wanted, but inputs are assigned whole and the job has 3');
    const whole = await sharded(12);
    expect(whole.job).not.toHaveProperty('shards');
    expect((await whole.description('job-1')).shard).toBeUndefined();
    expect((await whole.world.ports.workflowState.listAttempts(whole.id))[0]).not.toHaveProperty('shards');
  });

  it("RecordAttemptFailure of a shard stops its tasks only; the attempt's names the shard and keeps K", async () => {
    const { world, id, job } = await sharded(5);
    const part = { ...job.shards![1]!, networks: job.networks, poll: job.poll };
    const inShard = await recordAttemptFailure(world.ports, {
      collaborationId: id,
      job: { value: part },
      tasks: { dealer: { taskArn: 'd-1' }, serverA: { taskArn: 'a-1' }, serverB: { taskArn: 'b-1' } },
      check: { value: { state: 'FAILED', reason: 'PEER_LOST: A: peer link lost' } },
    });
    expect(inShard).toEqual({ retryable: true, reason: 'PEER_LOST: A: peer link lost' });
    expect(world.computeTasks.stopRequests).toEqual([['d-1', 'a-1', 'b-1']]);
    expect((await world.ports.workflowState.listAttempts(id))[0]).not.toHaveProperty('failedAt');

    const cause = 'shard 1 (job-1-shard-1): PEER_LOST: A: peer link lost';
    const attempt = await recordAttemptFailure(world.ports, {
      collaborationId: id,
      job: { value: job },
      error: { Error: 'ShardFailed', Cause: cause },
    });
    expect(attempt).toEqual({ retryable: true, reason: `ShardFailed: ${cause}`, attempt: 1 });
    expect((await world.ports.workflowState.listAttempts(id))[0]).toMatchObject({
      shards: 3,
      reason: `ShardFailed: ${cause}`,
    });
  });

  it('RecordAttemptFailure finds the failed shard when the map does not say which (Distributed Map)', async () => {
    const { world, id, job } = await sharded(5);
    await world.jobStatus.report('job-1-shard-2', 'B', {
      state: 'FAILED',
      reasonCode: 'PROGRAM_INVALID',
      message: 'the sum may overflow 64 bits',
    });
    const answer = await recordAttemptFailure(world.ports, {
      collaborationId: id,
      job: { value: job },
      error: {
        Error: 'States.ExceedToleratedFailureThreshold',
        Cause: 'tolerated failure threshold exceeded',
      },
    });
    expect(answer).toEqual({
      retryable: false,
      reason: 'ShardFailed: shard 2 (job-1-shard-2): PROGRAM_INVALID: B: the sum may overflow 64 bits',
      attempt: 1,
    });
  });

  describe('CheckJob', () => {
    async function running(world: World) {
      const { id, job } = await computing(world);
      const tasks = {
        dealer: { taskArn: 'task-dealer' },
        serverA: { taskArn: 'task-a' },
        serverB: { taskArn: 'task-b' },
      };
      world.computeTasks.running.set('task-dealer', true).set('task-a', true).set('task-b', true);
      for (const party of ['DEALER', 'A', 'B'] as const)
        await world.jobStatus.report(job.jobId, party, { state: 'RUNNING', progress: 0.5 });
      return { id, job, tasks };
    }

    it('RUNNING while both tasks run, doubling the wait up to the maximum', async () => {
      const world = inMemoryWorkflow();
      const { id, job, tasks } = await running(world);
      expect(await checkJob(world.ports, { collaborationId: id, job, tasks })).toMatchObject({
        state: 'RUNNING',
        nextWaitSeconds: 10,
        detail: expect.stringMatching(/^DEALER: running \(50%, .*; B: running \(50%, .*; A: running \(50%/),
      });
      const late: PreparedAttempt = { ...job, poll: { waitSeconds: 20, pollsLeft: 3 } };
      expect((await checkJob(world.ports, { collaborationId: id, job: late, tasks })).nextWaitSeconds).toBe(
        30,
      );
    });

    it('DONE when every party reported DONE, even if the tasks already exited', async () => {
      const world = inMemoryWorkflow();
      const { id, job, tasks } = await running(world);
      for (const party of ['DEALER', 'A', 'B'] as const)
        await world.jobStatus.report(job.jobId, party, { state: 'DONE' });
      world.computeTasks.running.set('task-dealer', false).set('task-a', false).set('task-b', false);
      expect(await checkJob(world.ports, { collaborationId: id, job, tasks })).toMatchObject({
        state: 'DONE',
      });
    });

    it('FAILED with the servers reason codes', async () => {
      const world = inMemoryWorkflow();
      const { id, job, tasks } = await running(world);
      await world.jobStatus.report(job.jobId, 'A', {
        state: 'FAILED',
        reasonCode: 'PEER_LOST',
        message: 'peer link lost',
      });
      expect(await checkJob(world.ports, { collaborationId: id, job, tasks })).toMatchObject({
        state: 'FAILED',
        reason: 'PEER_LOST: A: peer link lost',
      });
    });

    it('FAILED when a server task stopped before its party finished (killed, crashed)', async () => {
      const world = inMemoryWorkflow();
      const { id, job, tasks } = await running(world);
      world.computeTasks.running.set('task-b', false);
      expect(await checkJob(world.ports, { collaborationId: id, job, tasks })).toMatchObject({
        state: 'FAILED',
        reason: 'TASK_STOPPED: server B stopped before finishing (exit code 137)',
      });
    });

    it('FAILED when the dealer task, which runs beside the servers, stopped before the dealer finished', async () => {
      const world = inMemoryWorkflow();
      const { id, job, tasks } = await running(world);
      world.computeTasks.running.set('task-dealer', false);
      expect(await checkJob(world.ports, { collaborationId: id, job, tasks })).toMatchObject({
        state: 'FAILED',
        reason: 'TASK_STOPPED: the dealer stopped before finishing (exit code 137)',
      });
      // Once it reported DONE, its exit is the normal end of its work.
      await world.jobStatus.report(job.jobId, 'DEALER', { state: 'DONE' });
      expect(await checkJob(world.ports, { collaborationId: id, job, tasks })).toMatchObject({
        state: 'RUNNING',
      });
    });
  });

  it('RecordAttemptFailure: stops the attempt tasks, records the reason; bad inputs are not retried', async () => {
    const world = inMemoryWorkflow();
    const { id, job } = await computing(world);
    const state = {
      collaborationId: id,
      job: { value: job },
      tasks: {
        dealer: { taskArn: 'task-dealer' },
        serverA: { taskArn: 'task-a' },
        serverB: { taskArn: 'task-b' },
      },
      check: {
        value: { state: 'FAILED', reason: 'TASK_STOPPED: server B stopped before finishing (exit code 137)' },
      },
    };
    expect(await recordAttemptFailure(world.ports, state)).toMatchObject({ retryable: true, attempt: 1 });
    expect(world.computeTasks.stopRequests).toEqual([['task-dealer', 'task-a', 'task-b']]);
    const [attempt] = await world.ports.workflowState.listAttempts(id);
    expect(attempt).toMatchObject({ jobId: 'job-1', reason: state.check.value.reason });
    expect(attempt?.failedAt).toBeDefined();
    const bad = {
      ...state,
      check: { value: { state: 'FAILED', reason: 'BAD_INPUT: A: share does not open' } },
    };
    expect((await recordAttemptFailure(world.ports, bad)).retryable).toBe(false);
    // A job that ran out of polls says where each party stood.
    await world.jobStatus.report(job.jobId, 'B', {
      state: 'RUNNING',
      progress: 0,
      phase: 'waiting for peer A on port 4100',
    });
    const hung = { ...state, check: { value: { state: 'RUNNING' } } };
    const { reason } = await recordAttemptFailure(world.ports, hung);
    expect(reason).toMatch(/^POLL_BUDGET_EXHAUSTED: the job did not finish in time \(/);
    expect(reason).toContain('B: waiting for peer A on port 4100 (0%');
    expect(reason).toContain('A: no report yet');
  });

  it('RecordAttemptFailure prefers what the parties reported to a bare ECS task failure', async () => {
    const world = inMemoryWorkflow();
    const { id, job } = await computing(world);
    await world.jobStatus.report(job.jobId, 'DEALER', {
      state: 'FAILED',
      reasonCode: 'PROGRAM_INVALID',
      message: 'the sum may overflow 64 bits',
    });
    const answer = await recordAttemptFailure(world.ports, {
      collaborationId: id,
      job: { value: job },
      error: { Error: 'States.TaskFailed', Cause: 'dealer task exit code 1' },
    });
    expect(answer).toMatchObject({
      retryable: false,
      reason: 'PROGRAM_INVALID: DEALER: the sum may overflow 64 bits',
    });
  });

  it('MarkFailed: FAILED with the reason, inputs kept, everyone told', async () => {
    const world = inMemoryWorkflow();
    const { id } = await computing(world);
    await put(world, storageLayout.inputShare('A', id, 'x'));
    const answer = await markFailed(world.ports, {
      collaborationId: id,
      attemptFailure: { value: { reason: 'PEER_LOST: A: peer link lost' } },
    });
    expect(answer).toMatchObject({ status: 'FAILED', reason: 'PEER_LOST: A: peer link lost' });
    expect(world.collaborations.get(id)!.statusReason).toBe('PEER_LOST: A: peer link lost');
    expect(await world.jobStore.listKeys(storageLayout.inputSharePrefix('A', id))).toHaveLength(1);
    expect(world.notifier.sent.every((sent) => sent.message.event === 'collaboration.failed')).toBe(true);
  });

  it('MarkFailed leaves a collaboration past its result alone and tells nobody it failed', async () => {
    const world = inMemoryWorkflow();
    const { id } = await computing(world);
    await world.ports.collaborations.transition(id, 'COMPUTING', 'RESULT_READY', new Date());
    const answer = await markFailed(world.ports, {
      collaborationId: id,
      error: { Error: 'States.TaskFailed', Cause: 'event bus unavailable' },
    });
    expect(answer).toMatchObject({ status: undefined, notified: { delivered: 0, failed: 0, skipped: 0 } });
    expect(world.collaborations.get(id)!.status).toBe('RESULT_READY');
    expect(world.notifier.sent).toEqual([]);
  });

  it('MarkFailed explains a step error from its Lambda error payload', async () => {
    const world = inMemoryWorkflow();
    const id = await collaborationWith(world, 3);
    const cause = JSON.stringify({
      errorType: 'WorkflowStepError',
      errorMessage: 'No completed inputs to compute over.',
    });
    const answer = await markFailed(world.ports, {
      collaborationId: id,
      error: { Error: 'WorkflowStepError', Cause: cause },
    });
    expect(answer.reason).toBe('WorkflowStepError: No completed inputs to compute over.');
    expect(world.collaborations.get(id)!.status).toBe('FAILED');
  });

  it('PublishResult and NotifyParticipants: RESULT_READY with the result job, signed deliveries recorded, failures too', async () => {
    const world = inMemoryWorkflow();
    const { id, job } = await computing(world);
    world.notifier.down.add('https://b.example/hooks');
    expect(await publishResult(world.ports, { collaborationId: id, job })).toEqual({
      status: 'RESULT_READY',
      jobId: 'job-1',
      attempt: 1,
      excludedInputs: 0,
    });
    expect(world.collaborations.get(id)!.resultJobId).toBe('job-1');
    const outcome = await notifyParticipants(world.ports, {
      collaborationId: id,
      event: 'collaboration.result_ready',
    });
    expect(outcome).toEqual({ delivered: 1, failed: 1, skipped: 1 });
    expect(await world.ports.workflowState.readDelivery(id, 'a')).toMatchObject({
      delivered: true,
      attempts: 1,
    });
    expect(await world.ports.workflowState.readDelivery(id, 'b')).toMatchObject({
      delivered: false,
      attempts: 3,
      lastError: 'TypeError: ECONNREFUSED',
    });
    const [sent] = world.notifier.sent;
    expect(sent?.secret).toMatch(/^whsec_/);
    expect(sent?.message.body).toMatchObject({
      type: 'collaboration.result_ready',
      data: { collaborationId: id, status: 'RESULT_READY' },
    });
    expect(world.events.of(id).map((event) => event.status)).toEqual(['OPEN', 'COMPUTING', 'RESULT_READY']);
  });

  it('CleanUp: input shares, dealer material and job descriptions go, results stay, COMPLETED', async () => {
    const world = inMemoryWorkflow();
    const { id, job } = await computing(world);
    await publishResult(world.ports, { collaborationId: id, job });
    for (const key of [
      storageLayout.inputShare('A', id, 'x'),
      storageLayout.inputShare('B', id, 'x'),
      `${storageLayout.dealerMaterialPrefix('A', job.jobId)}0`,
      `${storageLayout.dealerMaterialPrefix('B', job.jobId)}manifest`,
      storageLayout.resultShare('A', id, 'a'),
    ])
      await put(world, key);
    const answer = await cleanUp(world.ports, { collaborationId: id });
    expect(answer.status).toBe('COMPLETED');
    expect(await world.jobStore.listKeys('')).toEqual([storageLayout.resultShare('A', id, 'a')]);
  });

  it('cancel by the owner only changes the status and releases the input wait; the workflow does the rest', async () => {
    const world = inMemoryWorkflow();
    const id = await collaborationWith(world, 1);
    await put(world, storageLayout.inputShare('B', id, 'x'));
    await storeInputToken(world.ports, { collaborationId: id, taskToken: 'inputs-1' });
    await cancelCollaboration(world.coordinator, { callerId: 'owner', collaborationId: id });
    expect(world.workflow.released).toEqual([
      {
        taskToken: 'inputs-1',
        output: expect.objectContaining({ releasedBy: 'cancel', status: 'CANCELLED' }),
      },
    ]);
    // Nothing of the wind-up happened in the request.
    expect(await world.jobStore.listKeys('')).toHaveLength(1);
    expect(world.notifier.sent).toEqual([]);
    expect(world.events.of(id).map((event) => event.status)).toEqual(['OPEN']);
  });

  it('CleanUpCancelled: the status event, shares deleted, everyone told, failures recorded', async () => {
    const world = inMemoryWorkflow();
    const id = await collaborationWith(world, 1);
    await put(world, storageLayout.inputShare('B', id, 'x'));
    world.notifier.down.add('https://b.example/hooks');
    const cancelled = await cancelCollaboration(world.coordinator, {
      callerId: 'owner',
      collaborationId: id,
    });
    expect(await cleanUpCancelled(world.ports, { collaborationId: id })).toEqual({
      status: 'CANCELLED',
      deletedObjects: 1,
      notified: { delivered: 1, failed: 1, skipped: 1 },
    });
    expect(await world.jobStore.listKeys('')).toEqual([]);
    expect(world.events.of(id).slice(1)).toEqual([
      {
        collaborationId: id,
        status: 'CANCELLED',
        reason: 'Cancelled by the owner.',
        at: cancelled.updatedAt,
      },
    ]);
    expect(world.notifier.sent.map((sent) => sent.message.event)).toEqual([
      'collaboration.cancelled',
      'collaboration.cancelled',
    ]);
    expect(await world.ports.workflowState.readDelivery(id, 'b')).toMatchObject({
      event: 'collaboration.cancelled',
      delivered: false,
      lastError: 'TypeError: ECONNREFUSED',
    });
  });

  it('CleanUpCancelled refuses a collaboration that was not cancelled', async () => {
    const world = inMemoryWorkflow();
    const id = await collaborationWith(world, 1);
    await expect(cleanUpCancelled(world.ports, { collaborationId: id })).rejects.toThrow('not CANCELLED');
    expect(world.notifier.sent).toEqual([]);
  });

  it('a retried cancel sends the release again, so a release lost the first time is recovered', async () => {
    const world = inMemoryWorkflow();
    const id = await collaborationWith(world, 1);
    await storeInputToken(world.ports, { collaborationId: id, taskToken: 'inputs-1' });
    world.workflow.failNextSends(1);
    const cancel = () => cancelCollaboration(world.coordinator, { callerId: 'owner', collaborationId: id });
    await expect(cancel()).rejects.toThrow('SendTaskSuccess unavailable');
    expect(world.collaborations.get(id)!.status).toBe('CANCELLED');
    expect(world.workflow.released).toEqual([]);
    expect((await cancel()).status).toBe('CANCELLED');
    expect(world.workflow.released.map((release) => release.taskToken)).toEqual(['inputs-1']);
    // A third cancel sends again; the used token is ignored (false), the answer is the same.
    expect((await cancel()).status).toBe('CANCELLED');
    expect(world.workflow.released).toHaveLength(1);
  });

  it('MarkFailed then CleanUp: a FAILED collaboration loses its shares after retention and stays FAILED', async () => {
    const world = inMemoryWorkflow();
    const { id, job } = await computing(world);
    await put(world, storageLayout.inputShare('A', id, 'x'));
    await put(world, `${storageLayout.dealerMaterialPrefix('B', job.jobId)}0`);
    await markFailed(world.ports, {
      collaborationId: id,
      attemptFailure: { value: { reason: 'PEER_LOST: A: x' } },
    });
    expect(await storeFinishToken(world.ports, { collaborationId: id, taskToken: 'finish-1' })).toEqual({
      stored: false,
      released: false,
    });
    expect(await cleanUp(world.ports, { collaborationId: id })).toEqual({
      status: 'FAILED',
      deletedObjects: 3,
    });
    expect(await world.jobStore.listKeys('')).toEqual([]);
    expect(world.collaborations.get(id)!.status).toBe('FAILED');
    expect(world.events.of(id).map((event) => event.status)).toEqual(['OPEN', 'COMPUTING', 'FAILED']);
  });
});
