import { coordinator } from '../composition-root.ts';
import { httpOperation } from '../http/http-operation.ts';
import { participationView } from '../http/representations.ts';
import { finishParticipation } from '../use-cases/finish-participation.ts';

export const handler = httpOperation('finishParticipation', async (request) => {
  const { ports } = coordinator();
  const participant = await finishParticipation(ports, {
    callerId: request.callerId,
    collaborationId: request.path.collaborationId as string,
  });
  return { statusCode: 200, body: participationView(participant, ports.computationServers) };
});
