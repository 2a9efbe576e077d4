import { collaborationRepository, coordinatorPorts, idempotencyStore } from '../composition-root.ts';
import { collaborationCreatedHooks } from './api-workflow-hooks.ts';
import type { CollaborationDraft } from '../domain/collaboration.ts';
import { httpOperation } from '../http/http-operation.ts';
import * as contracts from '../../contract/generated/operation-contracts.generated.ts';
import { collaborationView } from '../http/representations.ts';
import { createCollaboration } from '../use-cases/create-collaboration.ts';

const ports = coordinatorPorts({
  collaborations: collaborationRepository,
  workflow: collaborationCreatedHooks,
});

export const handler = httpOperation(
  contracts.createCollaboration,
  async (request) => {
    const collaboration = await createCollaboration(ports, {
      callerId: request.callerId,
      draft: request.body as CollaborationDraft,
    });
    return {
      statusCode: 201,
      body: collaborationView(collaboration, request),
      headers: { location: `/v1/collaborations/${collaboration.collaborationId}` },
    };
  },
  { idempotencyStore },
);
