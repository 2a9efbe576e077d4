import { describe, expect, it } from 'vitest';
import { parseJobDescription } from '../../../../contract/job/job-description.ts';
import { storageLayout } from '../../../../contract/storage/storage-layout.ts';
import { closeInputs } from '../../../../lambdas/use-cases/workflow/close-inputs.ts';
import { prepareAttempt } from '../../../../lambdas/use-cases/workflow/prepare-attempt.ts';
import { publishResult } from '../../../../lambdas/use-cases/workflow/publish-result.ts';
import { recordAttemptFailure } from '../../../../lambdas/use-cases/workflow/record-attempt-failure.ts';
import { getCollaboration } from '../../../../lambdas/use-cases/get-collaboration.ts';
import { collaborationView } from '../../../../lambdas/http/representations.ts';
import { contribute, createWith, joinWith } from './support/collaboration-setup.ts';
import { inMemoryWorkflow } from './support/in-memory-workflow.ts';

/**
 * The privacy budget is spent by a released result only: a failed attempt records nothing, PublishResult
 * records (epsilon, 0) with the job, and GET of the collaboration shows it. The job carries k and the budget.
 */
describe('privacy budget and minimum cell size in the workflow', () => {
  it('spends the budget on PublishResult only and shows it on GET', async () => {
    const world = inMemoryWorkflow();
    const id = await createWith(world, { minCellSize: 5, privacy: { epsilon: 1.5, delta: 0.0001 } });
    for (const member of ['a', 'b']) {
      await joinWith(world, id, member);
      await (await contribute(world, id, member, 3)).complete();
    }
    await closeInputs(world.ports, { collaborationId: id });
    const first = await prepareAttempt(world.ports, { collaborationId: id, attemptsLeft: 3 });
    const described = parseJobDescription(
      new TextDecoder().decode(await world.jobStore.getObject(storageLayout.jobDescription(first.jobId))),
    );
    expect(described.spec).toMatchObject({ minCellSize: 5, privacy: { epsilon: 1.5, delta: 0.0001 } });
    await recordAttemptFailure(world.ports, {
      collaborationId: id,
      job: { value: first },
      tasks: { serverA: { taskArn: 'task-a' }, serverB: { taskArn: 'task-b' } },
      check: { value: { state: 'FAILED', reason: 'TASK_STOPPED: server B stopped (exit code 137)' } },
    });
    expect(world.collaborations.get(id)!.privacySpent).toBeUndefined();
    const second = await prepareAttempt(world.ports, { collaborationId: id, attemptsLeft: 2 });
    await publishResult(world.ports, { collaborationId: id, job: second });
    expect(world.collaborations.get(id)!.privacySpent).toEqual({
      epsilon: 1.5,
      delta: 0,
      jobId: second.jobId,
    });
    const shown = collaborationView(await getCollaboration(world.coordinator, { collaborationId: id }), {
      callerId: 'a',
    });
    expect(shown).toMatchObject({ minCellSize: 5, privacySpent: { epsilon: 1.5, delta: 0 } });
  });
});
