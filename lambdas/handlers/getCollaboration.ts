import { coordinator } from '../composition-root.ts';
import { httpOperation } from '../http/http-operation.ts';
import { collaborationView, retryAfterHeaders } from '../http/representations.ts';
import { getCollaboration } from '../use-cases/get-collaboration.ts';

export const handler = httpOperation('getCollaboration', async (request) => {
  const collaboration = await getCollaboration(coordinator().ports, {
    collaborationId: request.path.collaborationId as string,
  });
  return {
    statusCode: 200,
    body: collaborationView(collaboration),
    headers: retryAfterHeaders(collaboration),
  };
});
