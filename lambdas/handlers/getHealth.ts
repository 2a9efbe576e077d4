import { httpOperation } from '../http/http-operation.ts';

/** Liveness only: no configuration, no AWS call. */
export const handler = httpOperation('getHealth', async () => ({ statusCode: 200, body: { status: 'ok' } }));
