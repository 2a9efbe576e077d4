import { randomBytes } from 'node:crypto';
import { externalAwsFromEnv } from './storage.ts';
import {
  startLocalSystem as startRuntime,
  type LocalSystem as RuntimeSystem,
  type LocalSystemOptions,
} from './local-system.ts';

export interface LocalSystem extends RuntimeSystem {
  /** An access token for `clientId`, fetched from the local issuer over HTTP like a real client does. */
  tokenFor(clientId: string, scopes?: string[]): Promise<string>;
}

/**
 * The whole coordinator for an integration test or a benchmark: emulators, table, buckets, server keys, issuer and API, all
 * on ports the OS chooses. One per test file (it sets process.env for the handlers); call `stop()` in afterAll.
 * With AWS_ENDPOINT_URL set (LocalStack, Floci) it uses that instead of embedded emulators, with table and
 * bucket names unique to this system, deleted on stop.
 */
export async function startLocalSystem(options: LocalSystemOptions = {}): Promise<LocalSystem> {
  const externalAws = options.externalAws ?? externalAwsFromEnv();
  const unique = externalAws ? `-${randomBytes(4).toString('hex')}` : '';
  const system = await startRuntime({
    port: 0,
    tableName: `mpc-coordinator${unique}`,
    inputBucket: `mpc-input-shares${unique}`,
    resultBucket: `mpc-result-shares${unique}`,
    externalAws,
    ...options,
  });
  return { ...system, tokenFor: (clientId, scopes) => requestToken(system, clientId, scopes) };
}

export async function requestToken(
  system: Pick<RuntimeSystem, 'tokenUrl' | 'clientSecret'>,
  clientId: string,
  scopes?: string[],
): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (scopes) form.set('scope', scopes.join(' '));
  const response = await fetch(system.tokenUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${clientId}:${system.clientSecret}`).toString('base64')}`,
    },
    body: form,
  });
  const body = (await response.json()) as { access_token?: string; error?: string };
  if (!response.ok || !body.access_token) {
    throw new Error(`token request for ${clientId} failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.access_token;
}
