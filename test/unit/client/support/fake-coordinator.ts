import { MpcClient } from '../../../../client/sdk/mpc-client.ts';
import { sendJson, startLoopbackServer } from './loopback-server.ts';
import type { LoopbackServer, ReceivedRequest } from './loopback-server.ts';

/** An issuer and an API on one loopback origin; `answer` scripts the API's replies. The server joins `servers`. */
export async function startFakeCoordinator(
  servers: LoopbackServer[],
  answer: (request: ReceivedRequest, count: number) => [number, unknown, object?],
) {
  const apiRequests: ReceivedRequest[] = [];
  const server = await startLoopbackServer((request, response) => {
    if (request.url === '/oauth2/token') {
      sendJson(response, 200, { access_token: 'tok', token_type: 'Bearer', expires_in: 3600 });
      return;
    }
    apiRequests.push(request);
    const [status, body, headers] = answer(request, apiRequests.length);
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    sendJson(response, status, body, {
      'content-type': type,
      'x-request-id': `r${apiRequests.length}`,
      ...headers,
    });
  });
  servers.push(server);
  const client = new MpcClient({
    apiUrl: `${server.url}/`,
    tokenUrl: `${server.url}/oauth2/token`,
    clientId: 'lab-1',
    clientSecret: 'secret',
    retry: { baseDelayMs: 1 },
  });
  return { client, apiRequests };
}
