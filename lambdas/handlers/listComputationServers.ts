import { coordinator } from '../composition-root.ts';
import { httpOperation } from '../http/http-operation.ts';
import { listComputationServers } from '../use-cases/list-computation-servers.ts';

export const handler = httpOperation('listComputationServers', async () => ({
  statusCode: 200,
  body: { servers: listComputationServers(coordinator().ports) },
}));
