import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointAnswers, localEnvironment } from '../../../deploy/local-endpoint.ts';

let server: Server;
let endpoint: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    response.writeHead(request.url === '/_localstack/health' ? 200 : 404).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('local emulator endpoint', () => {
  it('answers when a server listens there', async () => {
    expect(await endpointAnswers(endpoint)).toBe(true);
  });

  it('does not answer on a closed port, so the scripts skip', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await endpointAnswers(`http://127.0.0.1:${port}`, 500)).toBe(false);
  });

  it('points every SDK client and the CDK at the endpoint with the emulator account', () => {
    const env = localEnvironment(endpoint);
    expect(env).toMatchObject({
      AWS_ENDPOINT_URL: endpoint,
      AWS_ENDPOINT_URL_S3: expect.any(String),
      CDK_DEFAULT_ACCOUNT: '000000000000',
      CDK_DEFAULT_REGION: 'us-east-1',
    });
  });
});
