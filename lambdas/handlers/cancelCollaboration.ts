import { coordinator } from '../composition-root.ts';
import { httpOperation } from '../http/http-operation.ts';
import { collaborationView } from '../http/representations.ts';
import { cancelCollaboration } from '../use-cases/cancel-collaboration.ts';

export const handler = httpOperation('cancelCollaboration', async (request) => {
  const collaboration = await cancelCollaboration(coordinator().ports, {
    callerId: request.callerId,
    collaborationId: request.path.collaborationId as string,
  });
  return { statusCode: 200, body: collaborationView(collaboration) };
});
