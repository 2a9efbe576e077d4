import { collaborationRepository, coordinatorPorts } from '../composition-root.ts';
import { waitReleaseHooks } from './api-workflow-hooks.ts';
import { httpOperation } from '../http/http-operation.ts';
import * as contracts from '../../contract/generated/operation-contracts.generated.ts';
import { collaborationView } from '../http/representations.ts';
import { cancelCollaboration } from '../use-cases/cancel-collaboration.ts';

const ports = coordinatorPorts({
  collaborations: collaborationRepository,
  workflow: waitReleaseHooks,
});

export const handler = httpOperation(contracts.cancelCollaboration, async (request) => {
  const collaboration = await cancelCollaboration(ports, {
    callerId: request.callerId,
    collaborationId: request.path.collaborationId as string,
  });
  return { statusCode: 200, body: collaborationView(collaboration, request) };
});
