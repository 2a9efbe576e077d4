import type { Party } from '../../mpc-servers/transport/peer-channel.ts';
import { coordinator } from '../composition-root.ts';
import type { ShareDeclaration } from '../domain/input.ts';
import { httpOperation } from '../http/http-operation.ts';
import { createInput } from '../use-cases/create-input.ts';

export const handler = httpOperation(
  'createInput',
  async (request) => {
    const { shares, rowCount } = request.body as {
      shares: Record<Party, ShareDeclaration>;
      rowCount?: number;
    };
    const issued = await createInput(coordinator().ports, {
      callerId: request.callerId,
      collaborationId: request.path.collaborationId as string,
      shares,
      ...(rowCount === undefined ? {} : { rowCount }),
    });
    return {
      statusCode: 201,
      body: {
        inputId: issued.input.inputId,
        collaborationId: issued.input.collaborationId,
        status: issued.input.status,
        uploads: issued.uploads,
      },
    };
  },
  { idempotencyStore: () => coordinator().idempotency },
);
