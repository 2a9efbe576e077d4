import { coordinatorPorts } from '../composition-root.ts';
import { httpOperation } from '../http/http-operation.ts';
import * as contracts from '../http/operation-contracts.generated.ts';
import { listComputationServers } from '../use-cases/list-computation-servers.ts';

const ports = coordinatorPorts({});

export const handler = httpOperation(contracts.listComputationServers, async () => ({
  statusCode: 200,
  body: { servers: listComputationServers(ports) },
}));
