import { readConfig } from '../config.ts';
import { httpOperation } from '../http/http-operation.ts';
import * as contracts from '../../contract/generated/operation-contracts.generated.ts';
import { listComputationServers } from '../use-cases/list-computation-servers.ts';

// Configuration only: importing the composition root would bundle the DynamoDB client, which it never uses.
export const handler = httpOperation(contracts.listComputationServers, async () => ({
  statusCode: 200,
  body: { servers: listComputationServers({ computationServers: readConfig().computationServers }) },
}));
