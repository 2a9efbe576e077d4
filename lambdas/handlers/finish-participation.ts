import { collaborationRepository, coordinatorPorts, participantRepository } from '../composition-root.ts';
import { waitReleaseHooks } from './api-workflow-hooks.ts';
import { httpOperation } from '../http/http-operation.ts';
import * as contracts from '../../contract/generated/operation-contracts.generated.ts';
import { participationView } from '../http/representations.ts';
import { finishParticipation } from '../use-cases/finish-participation.ts';

const ports = coordinatorPorts({
  collaborations: collaborationRepository,
  participants: participantRepository,
  workflow: waitReleaseHooks,
});

export const handler = httpOperation(contracts.finishParticipation, async (request) => {
  const participant = await finishParticipation(ports, {
    callerId: request.callerId,
    collaborationId: request.path.collaborationId as string,
  });
  return { statusCode: 200, body: participationView(participant, ports.computationServers) };
});
