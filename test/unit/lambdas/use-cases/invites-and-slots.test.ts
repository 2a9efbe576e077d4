import { describe, expect, it } from 'vitest';
import { DomainError, type ProblemKind } from '../../../../lambdas/domain/errors.ts';
import { collaborationView, participationView } from '../../../../lambdas/http/representations.ts';
import { completeInput } from '../../../../lambdas/use-cases/complete-input.ts';
import { createCollaboration } from '../../../../lambdas/use-cases/create-collaboration.ts';
import { createInput } from '../../../../lambdas/use-cases/create-input.ts';
import { getMyParticipation } from '../../../../lambdas/use-cases/get-my-participation.ts';
import { getResult } from '../../../../lambdas/use-cases/get-result.ts';
import { joinCollaboration } from '../../../../lambdas/use-cases/join-collaboration.ts';
import { validDraft } from '../support/drafts.ts';
import { inMemoryPorts } from '../support/in-memory-ports.ts';

const key = Buffer.alloc(32, 1).toString('base64url');
const sha = (n: number) => Buffer.alloc(32, n).toString('base64');
const shares = { A: { sizeBytes: 100, sha256: sha(1) }, B: { sizeBytes: 200, sha256: sha(2) } };

async function refusal(promise: Promise<unknown>): Promise<{ kind: ProblemKind; detail: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return { kind: error.kind, detail: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

async function setup(overrides: Parameters<typeof validDraft>[1] = {}) {
  const memory = inMemoryPorts();
  const collaboration = await createCollaboration(memory.ports, {
    callerId: 'owner',
    draft: validDraft(memory.ports.now(), overrides),
  });
  const { collaborationId } = collaboration;
  const join = (callerId: string) =>
    joinCollaboration(memory.ports, { callerId, collaborationId, resultPublicKey: key });
  /** Asks for an input and uploads both shares (as the client would); completing is left to the test. */
  const upload = async (callerId: string) => {
    const issued = await createInput(memory.ports, { callerId, collaborationId, shares });
    for (const party of ['A', 'B'] as const)
      memory.uploaded(party, collaborationId, issued.input.inputId, shares[party]);
    return () => completeInput(memory.ports, { callerId, collaborationId, inputId: issued.input.inputId });
  };
  return { ...memory, collaboration, collaborationId, join, upload };
}

describe('invite list', () => {
  it('only invited clients join; others get 403 forbidden, whatever else holds', async () => {
    const { join, collaborationId, ports } = await setup({ participants: ['p1', 'p2'] });
    expect((await join('p1')).clientId).toBe('p1');
    expect(await refusal(join('intruder'))).toMatchObject({ kind: 'forbidden', detail: /invited/ });
    // The owner is not implied.
    expect((await refusal(join('owner'))).kind).toBe('forbidden');
    expect((await refusal(join('p1'))).kind).toBe('already-joined');
    expect((await ports.collaborations.get(collaborationId))?.participantCount).toBe(1);
  });

  it('declaration rules: distinct ids, at least minParticipants, listed recipients invited', async () => {
    const { ports } = inMemoryPorts();
    const violations = async (overrides: Parameters<typeof validDraft>[1]) => {
      try {
        await createCollaboration(ports, { callerId: 'owner', draft: validDraft(ports.now(), overrides) });
        return [];
      } catch (error) {
        return (error as DomainError).violations;
      }
    };
    expect(await violations({ participants: ['a', 'a', 'b'] })).toEqual([
      { path: '/participants', message: 'must not repeat a client id' },
    ]);
    expect(await violations({ participants: ['a'], minParticipants: 2 })).toEqual([
      { path: '/participants', message: 'must invite at least minParticipants clients' },
    ]);
    expect(await violations({ participants: ['a', 'b'], resultRecipients: ['a', 'regulator'] })).toEqual([
      {
        path: '/resultRecipients',
        message: 'must be invited (recipients join to receive the result): regulator',
      },
    ]);
    expect(await violations({ participants: ['a', 'b'], resultRecipients: ['a'] })).toEqual([]);
  });

  it('the owner sees the invite list; everyone sees that there is one', async () => {
    const { collaboration } = await setup({ participants: ['p1', 'p2'] });
    expect(collaborationView(collaboration, { callerId: 'owner' })).toMatchObject({
      inviteOnly: true,
      participants: ['p1', 'p2'],
    });
    const forOthers = collaborationView(collaboration, { callerId: 'p1' });
    expect(forOthers.inviteOnly).toBe(true);
    expect(forOthers).not.toHaveProperty('participants');
    const open = await setup();
    expect(collaborationView(open.collaboration, { callerId: 'owner' })).toMatchObject({ inviteOnly: false });
  });
});

describe('slots are taken by counted inputs, not joins', () => {
  it('joins past maxParticipants are fine; the completes beyond it are refused as full', async () => {
    const { join, upload, ports, collaborationId } = await setup({ minParticipants: 1, maxParticipants: 2 });
    for (const p of ['idle', 'p1', 'p2', 'p3']) await join(p);
    const completes = [await upload('p1'), await upload('p2'), await upload('p3')];
    await completes[0]!();
    await completes[1]!();
    expect(await refusal(completes[2]!())).toMatchObject({
      kind: 'collaboration-full',
      detail: /maximum of 2 inputs/,
    });
    const collaboration = await ports.collaborations.get(collaborationId);
    expect(collaboration).toMatchObject({ participantCount: 4, completedInputCount: 2 });
    // Full: asking for a new input is refused up front, before any upload.
    await join('p4');
    expect((await refusal(createInput(ports, { callerId: 'p4', collaborationId, shares }))).kind).toBe(
      'collaboration-full',
    );
  });

  it('a join without an input does not keep a later participant from the last slot', async () => {
    const { join, upload, ports, collaborationId } = await setup({ minParticipants: 1, maxParticipants: 1 });
    await join('early-idle');
    await join('late');
    const complete = await upload('late');
    expect((await complete()).status).toBe('COMPLETE');
    expect((await ports.collaborations.get(collaborationId))?.completedInputCount).toBe(1);
  });
});

describe('who receives the result', () => {
  async function ready(overrides: Parameters<typeof validDraft>[1] = {}) {
    const context = await setup({ minParticipants: 1, ...overrides });
    for (const p of ['counted', 'excluded', 'idle']) await context.join(p);
    await (
      await context.upload('counted')
    )();
    await (
      await context.upload('excluded')
    )();
    const at = context.ports.now();
    await context.ports.collaborations.transition(context.collaborationId, 'OPEN', 'COMPUTING', at);
    await context.ports.collaborations.transition(context.collaborationId, 'COMPUTING', 'RESULT_READY', at);
    const excluded = context.participants.get(`${context.collaborationId}/excluded`)!;
    excluded.exclusionReason = 'share does not open';
    return context;
  }

  it('all-participants: only counted, not excluded inputs; the excluded owner reads why', async () => {
    const { ports, collaborationId } = await ready();
    expect((await getResult(ports, { callerId: 'counted', collaborationId })).kind).toBe('ready');
    expect(await refusal(getResult(ports, { callerId: 'idle', collaborationId }))).toMatchObject({
      kind: 'forbidden',
      detail: /input was counted/,
    });
    expect(await refusal(getResult(ports, { callerId: 'excluded', collaborationId }))).toMatchObject({
      kind: 'forbidden',
      detail: /excluded/,
    });
    const mine = await getMyParticipation(ports, { callerId: 'excluded', collaborationId });
    expect(participationView(mine, ports.computationServers).input).toMatchObject({
      status: 'COMPLETE',
      exclusionReason: 'share does not open',
    });
    const theirs = await getMyParticipation(ports, { callerId: 'counted', collaborationId });
    expect(participationView(theirs, ports.computationServers).input).not.toHaveProperty('exclusionReason');
  });

  it('a listed recipient needs no input, but an excluded one gets nothing', async () => {
    const { ports, collaborationId } = await ready({ resultRecipients: ['idle', 'excluded'] });
    expect((await getResult(ports, { callerId: 'idle', collaborationId })).kind).toBe('ready');
    expect((await refusal(getResult(ports, { callerId: 'excluded', collaborationId }))).kind).toBe(
      'forbidden',
    );
    expect((await refusal(getResult(ports, { callerId: 'counted', collaborationId }))).kind).toBe(
      'forbidden',
    );
  });
});
