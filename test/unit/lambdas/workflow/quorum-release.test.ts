import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cancelCollaboration } from '../../../../lambdas/use-cases/cancel-collaboration.ts';
import { finishParticipation } from '../../../../lambdas/use-cases/finish-participation.ts';
import { storeFinishToken } from '../../../../lambdas/use-cases/workflow/store-finish-token.ts';
import { storeInputToken } from '../../../../lambdas/use-cases/workflow/store-input-token.ts';
import { contribute, createWith, joinWith } from './support/collaboration-setup.ts';
import { inMemoryWorkflow } from './support/in-memory-workflow.ts';

describe('quorum release without races', () => {
  it('creating a collaboration starts one execution with the input window, retention and attempts', async () => {
    const world = inMemoryWorkflow();
    const id = await createWith(world);
    expect(world.workflow.started).toEqual([
      { collaborationId: id, inputWindowSeconds: 24 * 3600, retentionSeconds: 3600, attempts: { left: 3 } },
    ]);
    expect(world.events.of(id).map((event) => event.status)).toEqual(['OPEN']);
  });

  it('releases the input wait exactly when the last place is filled, whether the token is stored before, between or after the inputs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3 }), async (tokenAfter) => {
        const world = inMemoryWorkflow();
        const id = await createWith(world);
        const members = ['a', 'b', 'c'];
        for (const member of members) await joinWith(world, id, member);
        const inputs = [];
        for (const member of members) inputs.push(await contribute(world, id, member));
        for (const [index, input] of inputs.entries()) {
          if (index === tokenAfter)
            await storeInputToken(world.ports, { collaborationId: id, taskToken: 'token-1' });
          expect(world.workflow.released).toEqual([]);
          await input.complete();
        }
        if (tokenAfter === 3)
          await storeInputToken(world.ports, { collaborationId: id, taskToken: 'token-1' });
        expect(world.workflow.released.map((release) => release.taskToken)).toEqual(['token-1']);
        expect(world.workflow.released[0]?.output).toMatchObject({
          completedInputCount: 3,
          maxParticipants: 3,
        });
      }),
      { numRuns: 12 },
    );
  });

  it('does not release below the quorum, and a retried complete retries the release', async () => {
    const world = inMemoryWorkflow();
    const id = await createWith(world);
    for (const member of ['a', 'b', 'c']) await joinWith(world, id, member);
    const inputs = await Promise.all(['a', 'b', 'c'].map((member) => contribute(world, id, member)));
    await storeInputToken(world.ports, { collaborationId: id, taskToken: 'token-1' });
    await inputs[0]!.complete();
    await inputs[1]!.complete();
    expect(world.workflow.released).toEqual([]);
    await inputs[2]!.complete();
    await inputs[2]!.complete();
    // The second send of the same token is ignored (TaskTimedOut/InvalidToken on AWS): one release.
    expect(world.workflow.released).toHaveLength(1);
  });

  it('releases the finish wait once every result recipient has finished, in either order', async () => {
    for (const tokenFirst of [true, false]) {
      const world = inMemoryWorkflow();
      const id = await createWith(world, { minParticipants: 1, maxParticipants: 2 });
      // Recipients with all-participants: participants whose input counted.
      for (const member of ['a', 'b']) {
        await joinWith(world, id, member);
        await (await contribute(world, id, member)).complete();
      }
      world.collaborations.get(id)!.status = 'RESULT_READY';
      if (tokenFirst) await storeFinishToken(world.ports, { collaborationId: id, taskToken: 'finish-1' });
      await finishParticipation(world.coordinator, { callerId: 'a', collaborationId: id });
      expect(world.workflow.released).toEqual([]);
      await finishParticipation(world.coordinator, { callerId: 'b', collaborationId: id });
      if (!tokenFirst) {
        expect(world.workflow.released).toEqual([]);
        expect(await storeFinishToken(world.ports, { collaborationId: id, taskToken: 'finish-1' })).toEqual({
          stored: true,
          released: true,
        });
      }
      expect(world.workflow.released.map((release) => release.taskToken)).toEqual(['finish-1']);
    }
  });

  it('releases the input wait on a cancel, whether the token is stored before or after it', async () => {
    for (const tokenFirst of [true, false]) {
      const world = inMemoryWorkflow();
      const id = await createWith(world);
      if (tokenFirst) await storeInputToken(world.ports, { collaborationId: id, taskToken: 't' });
      await cancelCollaboration(world.coordinator, { callerId: 'owner', collaborationId: id });
      // Cancelled before the token came: not stored, released at once so the execution sees the status.
      if (!tokenFirst)
        expect(await storeInputToken(world.ports, { collaborationId: id, taskToken: 't' })).toEqual({
          stored: false,
          released: true,
        });
      expect(world.workflow.released).toEqual([
        { taskToken: 't', output: expect.objectContaining({ status: 'CANCELLED' }) },
      ]);
    }
  });

  it('does not release the input wait of an unknown collaboration', async () => {
    const world = inMemoryWorkflow();
    expect(await storeInputToken(world.ports, { collaborationId: 'nope', taskToken: 't' })).toEqual({
      stored: false,
      released: false,
    });
  });
});
