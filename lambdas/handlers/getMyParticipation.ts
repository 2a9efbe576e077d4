import { coordinator } from '../composition-root.ts';
import { httpOperation } from '../http/http-operation.ts';
import { participationView } from '../http/representations.ts';
import { getMyParticipation } from '../use-cases/get-my-participation.ts';

export const handler = httpOperation('getMyParticipation', async (request) => {
  const { ports } = coordinator();
  const participant = await getMyParticipation(ports, {
    callerId: request.callerId,
    collaborationId: request.path.collaborationId as string,
  });
  return { statusCode: 200, body: participationView(participant, ports.computationServers) };
});
