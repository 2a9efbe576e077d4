import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubCall {
  /** `X-Amz-Target`, e.g. `AWSStepFunctions.SendTaskSuccess`. */
  target: string;
  body: Record<string, unknown>;
}

export type StubAnswer = { status?: number; body: Record<string, unknown> };

/**
 * An endpoint speaking the AWS JSON 1.0/1.1 protocol to the real SDK clients: each call is recorded and
 * answered by `answer` (an error is `{ status: 400, body: { __type: 'TaskTimedOut', message } }`).
 */
export async function startAwsJsonStub(answer: (call: StubCall) => StubAnswer) {
  const calls: StubCall[] = [];
  /** The raw headers of each call, for comparing signatures. */
  const received: { headers: IncomingHttpHeaders }[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const call = {
        target: String(request.headers['x-amz-target'] ?? ''),
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>,
      };
      calls.push(call);
      received.push({ headers: request.headers });
      const { status = 200, body } = answer(call);
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Client settings for the stub: explicit endpoint and static credentials, no retries. */
export function stubClientConfig(endpoint: string) {
  return {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'stub', secretAccessKey: 'stub' },
    maxAttempts: 1,
  };
}
