import { describe, expect, it } from 'vitest';
import { DomainError, type ProblemKind } from '../../../../lambdas/domain/errors.ts';
import { cancelCollaboration } from '../../../../lambdas/use-cases/cancel-collaboration.ts';
import { completeInput } from '../../../../lambdas/use-cases/complete-input.ts';
import {
  createCollaboration,
  WORKFLOW_NOT_STARTED,
} from '../../../../lambdas/use-cases/create-collaboration.ts';
import { createInput } from '../../../../lambdas/use-cases/create-input.ts';
import { finishParticipation } from '../../../../lambdas/use-cases/finish-participation.ts';
import { getMyParticipation } from '../../../../lambdas/use-cases/get-my-participation.ts';
import { getResult } from '../../../../lambdas/use-cases/get-result.ts';
import { joinCollaboration } from '../../../../lambdas/use-cases/join-collaboration.ts';
import { listCollaborations } from '../../../../lambdas/use-cases/list-collaborations.ts';
import { validDraft } from '../support/drafts.ts';
import { inMemoryPorts } from '../support/in-memory-ports.ts';

const key = Buffer.alloc(32, 1).toString('base64url');
const sha = (n: number) => Buffer.alloc(32, n).toString('base64');
const shares = { A: { sizeBytes: 100, sha256: sha(1) }, B: { sizeBytes: 200, sha256: sha(2) } };

async function refusal(promise: Promise<unknown>): Promise<ProblemKind> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.kind;
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
  return { ...memory, collaborationId: collaboration.collaborationId };
}

describe('use cases', () => {
  it('create: a collaboration whose workflow cannot start is FAILED at once, not left OPEN for joins', async () => {
    const { ports, collaborations } = inMemoryPorts();
    const unavailable = new Error('StartExecution: service unavailable');
    const failing = {
      ...ports,
      workflow: {
        collaborationCreated: () => Promise.reject(unavailable),
        inputCompleted: async () => undefined,
        participantFinished: async () => undefined,
        collaborationCancelled: async () => undefined,
      },
    };
    await expect(
      createCollaboration(failing, { callerId: 'owner', draft: validDraft(ports.now()) }),
    ).rejects.toBe(unavailable);
    const [stranded] = [...collaborations.values()];
    expect(stranded).toMatchObject({ status: 'FAILED', statusReason: WORKFLOW_NOT_STARTED });
    expect(
      await refusal(
        joinCollaboration(ports, {
          callerId: 'p1',
          collaborationId: stranded!.collaborationId,
          resultPublicKey: key,
        }),
      ),
    ).toBe('invalid-state');
  });

  it('create: a spec the servers could not compute is refused as not-computable; nothing stored or started', async () => {
    const { ports, collaborations } = inMemoryPorts();
    const started: string[] = [];
    const watched = {
      ...ports,
      workflow: {
        collaborationCreated: async (collaboration: { collaborationId: string }) => {
          started.push(collaboration.collaborationId);
        },
        inputCompleted: async () => undefined,
        participantFinished: async () => undefined,
        collaborationCancelled: async () => undefined,
      },
    };
    const draft = validDraft(ports.now(), {
      analyses: [
        { kind: 'variance', field: 'free' },
        { kind: 'variance', field: 'wide' },
      ],
      inputSchema: {
        fields: [
          { name: 'free', type: 'int' },
          { name: 'wide', type: 'fixed', fractionalBits: 30, min: 0, max: 1e9 },
        ],
      },
    });
    const error = await createCollaboration(watched, { callerId: 'owner', draft }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe('not-computable');
    expect((error as DomainError).violations.map((v) => v.path)).toEqual([
      '/inputSchema/fields/0',
      '/inputSchema/fields/1',
    ]);
    expect((error as DomainError).message).toMatch(/field "free": variance needs declared min and max/);
    expect((error as DomainError).message).toMatch(/field "wide": variance would overflow .*fractionalBits/);
    expect(collaborations.size).toBe(0);
    expect(started).toEqual([]);
    // The same fields with bounds and fewer fractional bits are computable for these participants.
    const fixed = validDraft(ports.now(), {
      ...draft,
      inputSchema: {
        fields: [
          { name: 'free', type: 'int', min: -1000, max: 1000 },
          { name: 'wide', type: 'fixed', fractionalBits: 0, min: 0, max: 1e9 },
        ],
      },
    });
    await createCollaboration(watched, { callerId: 'owner', draft: fixed });
    expect(collaborations.size).toBe(1);
    expect(started).toHaveLength(1);
  });

  it('join: counts participants (a join takes no slot), refuses duplicates, closed and late joins', async () => {
    const { ports, collaborationId, advance } = await setup({ maxParticipants: 2 });
    const join = (callerId: string) =>
      joinCollaboration(ports, { callerId, collaborationId, resultPublicKey: key });
    await join('p1');
    expect(await refusal(join('p1'))).toBe('already-joined');
    const withHook = await joinCollaboration(ports, {
      callerId: 'p2',
      collaborationId,
      resultPublicKey: key,
      webhookUrl: 'https://hooks.example/p2',
    });
    expect(withHook.webhookSecret).toMatch(/^whsec_/);
    expect(Buffer.from(withHook.webhookSecret!.slice(6), 'base64')).toHaveLength(32);
    await join('p3');
    expect((await ports.collaborations.get(collaborationId))?.participantCount).toBe(3);
    expect(
      await refusal(
        joinCollaboration(ports, { callerId: 'x', collaborationId: 'nope', resultPublicKey: key }),
      ),
    ).toBe('not-found');

    const other = await createCollaboration(ports, { callerId: 'owner', draft: validDraft(ports.now()) });
    advance(25 * 3600_000);
    expect(
      await refusal(
        joinCollaboration(ports, {
          callerId: 'p1',
          collaborationId: other.collaborationId,
          resultPublicKey: key,
        }),
      ),
    ).toBe('deadline-passed');
  });

  it('cancel: only the owner, only while OPEN, idempotent', async () => {
    const { ports, collaborationId } = await setup();
    expect(await refusal(cancelCollaboration(ports, { callerId: 'someone', collaborationId }))).toBe(
      'forbidden',
    );
    expect((await cancelCollaboration(ports, { callerId: 'owner', collaborationId })).status).toBe(
      'CANCELLED',
    );
    expect((await cancelCollaboration(ports, { callerId: 'owner', collaborationId })).status).toBe(
      'CANCELLED',
    );
    expect(
      await refusal(joinCollaboration(ports, { callerId: 'p1', collaborationId, resultPublicKey: key })),
    ).toBe('invalid-state');
  });

  it('inputs: issue, verify both shares, count once, then refuse a new input', async () => {
    const { ports, collaborationId, uploaded } = await setup();
    await joinCollaboration(ports, { callerId: 'p1', collaborationId, resultPublicKey: key });
    expect(await refusal(createInput(ports, { callerId: 'stranger', collaborationId, shares }))).toBe(
      'not-found',
    );
    const issued = await createInput(ports, { callerId: 'p1', collaborationId, shares });
    expect(issued.uploads.A.headers['x-amz-checksum-sha256']).toBe(sha(1));
    const complete = (callerId: string) =>
      completeInput(ports, { callerId, collaborationId, inputId: issued.input.inputId });

    expect(await refusal(complete('p1'))).toBe('upload-incomplete');
    uploaded('A', collaborationId, issued.input.inputId, shares.A);
    uploaded('B', collaborationId, issued.input.inputId, { sizeBytes: 201, sha256: sha(2) });
    expect(await refusal(complete('p1'))).toBe('upload-mismatch');
    uploaded('B', collaborationId, issued.input.inputId, shares.B);
    expect(await refusal(complete('p2'))).toBe('not-found');

    expect((await complete('p1')).status).toBe('COMPLETE');
    expect((await complete('p1')).status).toBe('COMPLETE');
    expect((await ports.collaborations.get(collaborationId))?.completedInputCount).toBe(1);
    expect((await getMyParticipation(ports, { callerId: 'p1', collaborationId })).inputStatus).toBe(
      'COMPLETE',
    );
    expect(await refusal(createInput(ports, { callerId: 'p1', collaborationId, shares }))).toBe(
      'input-already-completed',
    );
  });

  it('inputs: a new request replaces the pending input, whose id is then unknown', async () => {
    const { ports, collaborationId } = await setup();
    await joinCollaboration(ports, { callerId: 'p1', collaborationId, resultPublicKey: key });
    const first = await createInput(ports, { callerId: 'p1', collaborationId, shares });
    const second = await createInput(ports, { callerId: 'p1', collaborationId, shares });
    expect(second.input.inputId).not.toBe(first.input.inputId);
    expect(
      await refusal(completeInput(ports, { callerId: 'p1', collaborationId, inputId: first.input.inputId })),
    ).toBe('not-found');
    expect(
      await refusal(
        createInput(ports, {
          callerId: 'p1',
          collaborationId,
          shares: { ...shares, A: { sizeBytes: 2048, sha256: sha(1) } },
        }),
      ),
    ).toBe('validation-error');
  });

  it('result: pending while OPEN/COMPUTING, presigned when ready, gone when completed; only recipients', async () => {
    const { ports, collaborationId } = await setup({ resultRecipients: ['p1'] });
    await joinCollaboration(ports, { callerId: 'p1', collaborationId, resultPublicKey: key });
    await joinCollaboration(ports, { callerId: 'p2', collaborationId, resultPublicKey: key });
    expect(await getResult(ports, { callerId: 'p1', collaborationId })).toMatchObject({
      kind: 'pending',
      status: 'OPEN',
    });
    expect(await refusal(getResult(ports, { callerId: 'p2', collaborationId }))).toBe('forbidden');
    expect(await refusal(getResult(ports, { callerId: 'stranger', collaborationId }))).toBe('forbidden');
    expect(await refusal(finishParticipation(ports, { callerId: 'p1', collaborationId }))).toBe(
      'invalid-state',
    );

    const at = ports.now();
    await ports.collaborations.transition(collaborationId, 'OPEN', 'COMPUTING', at);
    expect(await getResult(ports, { callerId: 'p1', collaborationId })).toMatchObject({
      retryAfterSeconds: 10,
    });
    await ports.collaborations.transition(collaborationId, 'COMPUTING', 'RESULT_READY', at);
    const ready = await getResult(ports, { callerId: 'p1', collaborationId });
    expect(ready.kind === 'ready' && ready.shares.B.url).toContain(`results/B/${collaborationId}/p1`);

    expect((await finishParticipation(ports, { callerId: 'p1', collaborationId })).finishedAt).toBeDefined();
    await finishParticipation(ports, { callerId: 'p1', collaborationId });
    expect((await ports.collaborations.get(collaborationId))?.finishedCount).toBe(1);
    await ports.collaborations.transition(collaborationId, 'RESULT_READY', 'COMPLETED', at);
    expect(await refusal(getResult(ports, { callerId: 'p1', collaborationId }))).toBe('result-gone');
  });

  it('list: discovery defaults to OPEN; roles list own collaborations', async () => {
    const { ports, collaborationId } = await setup();
    const cancelled = await createCollaboration(ports, { callerId: 'other', draft: validDraft(ports.now()) });
    await cancelCollaboration(ports, { callerId: 'other', collaborationId: cancelled.collaborationId });
    const ids = async (query: Parameters<typeof listCollaborations>[1]) =>
      (await listCollaborations(ports, query)).items.map((c) => c.collaborationId);
    expect(await ids({ limit: 10 })).toEqual([collaborationId]);
    expect(await ids({ limit: 10, status: 'CANCELLED' })).toEqual([cancelled.collaborationId]);
    expect(await ids({ limit: 10, role: { kind: 'owner', clientId: 'other' } })).toEqual([
      cancelled.collaborationId,
    ]);
    expect(await ids({ limit: 10, analysis: 'variance' })).toEqual([]);
  });
});
