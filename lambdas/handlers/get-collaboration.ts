import { collaborationRepository, coordinatorPorts } from '../composition-root.ts';
import { httpOperation } from '../http/http-operation.ts';
import * as contracts from '../../contract/generated/operation-contracts.generated.ts';
import { collaborationView } from '../http/representations.ts';
import { retryAfterHeaders } from '../http/retry-after.ts';
import { getCollaboration } from '../use-cases/get-collaboration.ts';

const ports = coordinatorPorts({ collaborations: collaborationRepository });

export const handler = httpOperation(contracts.getCollaboration, async (request) => {
  const collaboration = await getCollaboration(ports, {
    collaborationId: request.path.collaborationId as string,
  });
  return {
    statusCode: 200,
    body: collaborationView(collaboration, request),
    headers: retryAfterHeaders(collaboration),
  };
});
