import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  detectEndpointKind,
  ENDPOINT_CAPABILITIES,
  endpointKindFromEnv,
  KIND_CAPABILITIES,
} from '../../../deploy/endpoint-capabilities.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** An HTTP server answering 200 with `body` on `paths` and 404 elsewhere, as the emulators do. */
async function endpointServing(paths: Record<string, string>, headers: Record<string, string> = {}) {
  server = createServer((request, response) => {
    const body = paths[request.url ?? ''];
    response.writeHead(body === undefined ? 404 : 200, headers).end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('endpoint kinds', () => {
  it('tells LocalStack, Floci and moto_server apart, and anything else is other', async () => {
    const health = JSON.stringify({ services: { dynamodb: 'running' }, edition: 'community' });
    expect(await detectEndpointKind(await endpointServing({ '/_localstack/health': health }))).toBe(
      'localstack',
    );
    server!.close();
    expect(
      await detectEndpointKind(
        await endpointServing({ '/_localstack/health': '{}' }, { server: 'Floci/1.0' }),
      ),
    ).toBe('floci');
    server!.close();
    expect(await detectEndpointKind(await endpointServing({ '/moto-api/': '<html>' }))).toBe('moto');
    server!.close();
    expect(await detectEndpointKind(await endpointServing({}))).toBe('other');
  });

  it('takes the kind from MPC_ENDPOINT_KIND, else embedded without AWS_ENDPOINT_URL, else other', () => {
    expect(endpointKindFromEnv({ MPC_ENDPOINT_KIND: 'moto', AWS_ENDPOINT_URL: 'http://127.0.0.1:1' })).toBe(
      'moto',
    );
    expect(endpointKindFromEnv({})).toBe('embedded');
    expect(endpointKindFromEnv({ AWS_ENDPOINT_URL: 'http://127.0.0.1:1' })).toBe('other');
    expect(endpointKindFromEnv({ MPC_ENDPOINT_KIND: 'unknown-kind' })).toBe('embedded');
  });

  it('assumes nothing beyond the common ground for an endpoint not verified, and names only known capabilities', () => {
    expect(KIND_CAPABILITIES.other).toEqual([]);
    expect(KIND_CAPABILITIES.floci).toEqual([]);
    for (const capabilities of Object.values(KIND_CAPABILITIES))
      for (const capability of capabilities) expect(ENDPOINT_CAPABILITIES).toHaveProperty(capability);
  });
});
