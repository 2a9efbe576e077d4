import { coordinatorPorts, participantRepository } from '../composition-root.ts';
import { httpOperation } from '../http/http-operation.ts';
import * as contracts from '../../contract/generated/operation-contracts.generated.ts';
import { participationView } from '../http/representations.ts';
import { getMyParticipation } from '../use-cases/get-my-participation.ts';

const ports = coordinatorPorts({ participants: participantRepository });

export const handler = httpOperation(contracts.getMyParticipation, async (request) => {
  const participant = await getMyParticipation(ports, {
    callerId: request.callerId,
    collaborationId: request.path.collaborationId as string,
  });
  return { statusCode: 200, body: participationView(participant, ports.computationServers) };
});
