import { describe, expect, it } from 'vitest';
import { parseJobDescription } from '../../../../contract/job/job-description.ts';
import { storageLayout } from '../../../../contract/storage/storage-layout.ts';
import { DomainError } from '../../../../lambdas/domain/errors.ts';
import { finishParticipation } from '../../../../lambdas/use-cases/finish-participation.ts';
import { getMyParticipation } from '../../../../lambdas/use-cases/get-my-participation.ts';
import { getResult } from '../../../../lambdas/use-cases/get-result.ts';
import { checkJob } from '../../../../lambdas/use-cases/workflow/check-job.ts';
import { closeInputs } from '../../../../lambdas/use-cases/workflow/close-inputs.ts';
import { markFailed } from '../../../../lambdas/use-cases/workflow/mark-failed.ts';
import { prepareAttempt } from '../../../../lambdas/use-cases/workflow/prepare-attempt.ts';
import { publishResult } from '../../../../lambdas/use-cases/workflow/publish-result.ts';
import { recordAttemptFailure } from '../../../../lambdas/use-cases/workflow/record-attempt-failure.ts';
import { storeFinishToken } from '../../../../lambdas/use-cases/workflow/store-finish-token.ts';
import { contribute, createWith, joinWith } from './support/collaboration-setup.ts';
import { inMemoryWorkflow } from './support/in-memory-workflow.ts';

type World = ReturnType<typeof inMemoryWorkflow>;

/** a, b and c complete an input; idle joins and never gives one. Then the inputs close and a job starts. */
async function computing(world: World) {
  const id = await createWith(world, { minParticipants: 2, maxParticipants: 3 });
  const inputIds: Record<string, string> = {};
  await joinWith(world, id, 'idle');
  for (const member of ['a', 'b', 'c']) {
    await joinWith(world, id, member);
    const input = await contribute(world, id, member);
    inputIds[member] = input.inputId;
    await input.complete();
  }
  await closeInputs(world.ports, { collaborationId: id });
  const job = await prepareAttempt(world.ports, { collaborationId: id, attemptsLeft: 3 });
  return { id, job, inputIds };
}

async function refusalKind(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.kind;
    throw error;
  }
  return 'none';
}

describe('bad inputs are excluded, not fatal', () => {
  it('PrepareAttempt seals results to counted participants only, never to one that only joined', async () => {
    const world = inMemoryWorkflow();
    const { job } = await computing(world);
    const description = parseJobDescription(
      new TextDecoder().decode(await world.jobStore.getObject(storageLayout.jobDescription(job.jobId))),
    );
    expect(description.recipients.map((r) => r.recipientId).sort()).toEqual(['a', 'b', 'c']);
  });

  it('DONE with excludedInputs: reasons recorded, the owner reads its own, others see the count only', async () => {
    const world = inMemoryWorkflow();
    const { id, job, inputIds } = await computing(world);
    const excludedInputs = [{ inputId: inputIds.c!, reason: 'share does not open (AAD mismatch)' }];
    await world.jobStatus.report(job.jobId, 'DEALER', { state: 'DONE' });
    for (const party of ['A', 'B'] as const)
      await world.jobStatus.report(job.jobId, party, { state: 'DONE', excludedInputs });
    expect((await checkJob(world.ports, { collaborationId: id, job })).state).toBe('DONE');

    expect(await publishResult(world.ports, { collaborationId: id, job })).toMatchObject({
      status: 'RESULT_READY',
      excludedInputs: 1,
    });
    const collaboration = await world.coordinator.collaborations.get(id);
    expect(collaboration).toMatchObject({ status: 'RESULT_READY', excludedInputCount: 1 });
    const c = await getMyParticipation(world.coordinator, { callerId: 'c', collaborationId: id });
    expect(c.exclusionReason).toBe('share does not open (AAD mismatch)');
    const a = await getMyParticipation(world.coordinator, { callerId: 'a', collaborationId: id });
    expect(a.exclusionReason).toBeUndefined();

    expect((await getResult(world.coordinator, { callerId: 'a', collaborationId: id })).kind).toBe('ready');
    expect(await refusalKind(getResult(world.coordinator, { callerId: 'c', collaborationId: id }))).toBe(
      'forbidden',
    );
    expect(await refusalKind(getResult(world.coordinator, { callerId: 'idle', collaborationId: id }))).toBe(
      'forbidden',
    );
    // A retried step writes the same and announces nothing twice.
    await publishResult(world.ports, { collaborationId: id, job });
    expect((await world.coordinator.collaborations.get(id))?.excludedInputCount).toBe(1);
  });

  it('the finish wait waits for the result recipients only, who alone may finish', async () => {
    const world = inMemoryWorkflow();
    const { id, job, inputIds } = await computing(world);
    for (const party of ['DEALER', 'A', 'B'] as const)
      await world.jobStatus.report(job.jobId, party, {
        state: 'DONE',
        ...(party === 'DEALER' ? {} : { excludedInputs: [{ inputId: inputIds.c!, reason: 'bad digest' }] }),
      });
    await publishResult(world.ports, { collaborationId: id, job });
    expect((await world.ports.workflowState.readTaskToken(id, 'finish'))?.counts.recipientCount).toBe(2);
    await storeFinishToken(world.ports, { collaborationId: id, taskToken: 'finish-token' });
    for (const callerId of ['c', 'idle'])
      expect(
        await refusalKind(finishParticipation(world.coordinator, { callerId, collaborationId: id })),
      ).toBe('forbidden');
    await finishParticipation(world.coordinator, { callerId: 'a', collaborationId: id });
    expect(world.workflow.released).toEqual([]);
    await finishParticipation(world.coordinator, { callerId: 'b', collaborationId: id });
    expect(world.workflow.released.map((release) => release.taskToken)).toEqual(['finish-token']);
  });

  it('an excluded id the coordinator never counted is ignored', async () => {
    const world = inMemoryWorkflow();
    const { id, job } = await computing(world);
    for (const party of ['DEALER', 'A', 'B'] as const)
      await world.jobStatus.report(job.jobId, party, {
        state: 'DONE',
        excludedInputs: [{ inputId: 'not-an-input', reason: 'x' }],
      });
    expect(await publishResult(world.ports, { collaborationId: id, job })).toMatchObject({
      excludedInputs: 0,
    });
    expect((await world.coordinator.collaborations.get(id))?.excludedInputCount).toBeUndefined();
  });

  it('TOO_FEW_VALID_INPUTS ends the collaboration FAILED without a retry; the bad inputs carry the reason', async () => {
    const world = inMemoryWorkflow();
    const { id, job, inputIds } = await computing(world);
    await world.jobStatus.report(job.jobId, 'A', {
      state: 'FAILED',
      reasonCode: 'TOO_FEW_VALID_INPUTS',
      message: '1 valid input remains, the collaboration declares at least 2',
      failedInputIds: [inputIds.b!, inputIds.c!],
    });
    const check = await checkJob(world.ports, { collaborationId: id, job });
    expect(check).toMatchObject({
      state: 'FAILED',
      reason: expect.stringMatching(/^TOO_FEW_VALID_INPUTS: A: /),
    });
    const state = { collaborationId: id, job: { value: job }, check: { value: check } };
    const failure = await recordAttemptFailure(world.ports, state);
    expect(failure.retryable).toBe(false);
    const b = await getMyParticipation(world.coordinator, { callerId: 'b', collaborationId: id });
    expect(b.exclusionReason).toMatch(/^TOO_FEW_VALID_INPUTS: 1 valid input remains/);
    expect(
      (await getMyParticipation(world.coordinator, { callerId: 'a', collaborationId: id })).exclusionReason,
    ).toBeUndefined();

    const failed = await markFailed(world.ports, { ...state, attemptFailure: { value: failure } });
    expect(failed.status).toBe('FAILED');
    expect((await world.coordinator.collaborations.get(id))?.statusReason).toMatch(/^TOO_FEW_VALID_INPUTS: /);
  });

  it('BAD_INPUT stays permanent; a lost peer link is still retried', async () => {
    const world = inMemoryWorkflow();
    const { id, job } = await computing(world);
    const reasonOf = (reason: string) => ({
      collaborationId: id,
      job: { value: job },
      check: { value: { state: 'FAILED', reason } },
    });
    expect((await recordAttemptFailure(world.ports, reasonOf('BAD_INPUT: B: wrong digest'))).retryable).toBe(
      false,
    );
    expect((await recordAttemptFailure(world.ports, reasonOf('PEER_LOST: A: link closed'))).retryable).toBe(
      true,
    );
  });
});
