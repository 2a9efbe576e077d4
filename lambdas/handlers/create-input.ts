import type { Party } from '../../contract/party.ts';
import {
  collaborationRepository,
  coordinatorPorts,
  idempotencyStore,
  inputRepository,
  participantRepository,
  shareStorage,
} from '../composition-root.ts';
import type { ShareDeclaration } from '../domain/input.ts';
import { httpOperation } from '../http/http-operation.ts';
import * as contracts from '../../contract/generated/operation-contracts.generated.ts';
import { createInput } from '../use-cases/create-input.ts';

const ports = coordinatorPorts({
  collaborations: collaborationRepository,
  participants: participantRepository,
  inputs: inputRepository,
  shares: shareStorage,
});

export const handler = httpOperation(
  contracts.createInput,
  async (request) => {
    const { shares, rowCount } = request.body as {
      shares: Record<Party, ShareDeclaration>;
      rowCount?: number;
    };
    const issued = await createInput(ports, {
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
  { idempotencyStore },
);
