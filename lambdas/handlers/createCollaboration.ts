import { coordinator } from '../composition-root.ts';
import type { CollaborationDraft } from '../domain/collaboration.ts';
import { httpOperation } from '../http/http-operation.ts';
import { collaborationView } from '../http/representations.ts';
import { createCollaboration } from '../use-cases/create-collaboration.ts';

export const handler = httpOperation(
  'createCollaboration',
  async (request) => {
    const collaboration = await createCollaboration(coordinator().ports, {
      callerId: request.callerId,
      draft: request.body as CollaborationDraft,
    });
    return {
      statusCode: 201,
      body: collaborationView(collaboration),
      headers: { location: `/v1/collaborations/${collaboration.collaborationId}` },
    };
  },
  { idempotencyStore: () => coordinator().idempotency },
);
