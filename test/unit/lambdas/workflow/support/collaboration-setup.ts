import { randomBytes } from 'node:crypto';
import { sealedInputShareBytes } from '../../../../../contract/input/input-share-size.ts';
import { completeInput } from '../../../../../lambdas/use-cases/complete-input.ts';
import { createCollaboration } from '../../../../../lambdas/use-cases/create-collaboration.ts';
import { createInput } from '../../../../../lambdas/use-cases/create-input.ts';
import { joinCollaboration } from '../../../../../lambdas/use-cases/join-collaboration.ts';
import type { CollaborationDraft } from '../../../../../lambdas/domain/collaboration.ts';
import { validDraft } from '../../support/drafts.ts';
import type { inMemoryWorkflow } from './in-memory-workflow.ts';

type World = ReturnType<typeof inMemoryWorkflow>;

/** Creates a collaboration (two fields) through the API use cases; the hooks start its execution. */
export async function createWith(world: World, overrides: Partial<CollaborationDraft> = {}): Promise<string> {
  const created = await createCollaboration(world.coordinator, {
    callerId: 'owner',
    draft: validDraft(world.coordinator.now(), { minParticipants: 2, maxParticipants: 3, ...overrides }),
  });
  return created.collaborationId;
}

export async function joinWith(world: World, collaborationId: string, clientId: string, webhook = true) {
  return joinCollaboration(world.coordinator, {
    callerId: clientId,
    collaborationId,
    resultPublicKey: randomBytes(32).toString('base64url'),
    ...(webhook ? { webhookUrl: `https://${clientId}.example/hooks` } : {}),
  });
}

/** Declares, "uploads" (the fake bucket) and completes one input of `rowCount` rows of the two fields. */
export async function contribute(world: World, collaborationId: string, clientId: string, rowCount = 3) {
  const shares = {
    A: { sizeBytes: sealedInputShareBytes('A', 2, rowCount), sha256: randomBytes(32).toString('base64') },
    B: { sizeBytes: sealedInputShareBytes('B', 2, rowCount), sha256: randomBytes(32).toString('base64') },
  };
  const issued = await createInput(world.coordinator, {
    callerId: clientId,
    collaborationId,
    shares,
    rowCount,
  });
  for (const party of ['A', 'B'] as const)
    world.uploaded(party, collaborationId, issued.input.inputId, shares[party]);
  return {
    inputId: issued.input.inputId,
    complete: () =>
      completeInput(world.coordinator, {
        callerId: clientId,
        collaborationId,
        inputId: issued.input.inputId,
      }),
  };
}
