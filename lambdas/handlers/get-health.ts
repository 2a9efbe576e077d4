import { httpOperation } from '../http/http-operation.ts';
import * as contracts from '../../contract/generated/operation-contracts.generated.ts';

/** Liveness only: no configuration, no AWS call. */
export const handler = httpOperation(contracts.getHealth, async () => ({
  statusCode: 200,
  body: { status: 'ok' },
}));
