/**
 * Finds the LocalStack or Floci endpoint for `npm run deploy:local` and `npm run test:localstack`:
 * AWS_ENDPOINT_URL when set, else http://localhost:4566. Neither can run on a machine without a Docker
 * engine: there `deploy:local` prints why and exits 0 with a skip notice, and `test:localstack` starts
 * moto_server instead.
 */
export const DEFAULT_LOCAL_ENDPOINT = 'http://localhost:4566';

/** LocalStack's and Floci's default account, region and credentials. */
export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_REGION = 'us-east-1';

export function localEndpoint(): string {
  return process.env.AWS_ENDPOINT_URL || DEFAULT_LOCAL_ENDPOINT;
}

/** True when an HTTP server answers at `endpoint` (any status: LocalStack and Floci answer 200 on /_localstack/health). */
export async function endpointAnswers(endpoint: string, timeoutMs = 2000): Promise<boolean> {
  try {
    await fetch(new URL('/_localstack/health', endpoint), { signal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}

/** The environment every local command runs with: the endpoint, LocalStack's test credentials and account. */
export function localEnvironment(endpoint: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_ENDPOINT_URL: endpoint,
    AWS_ENDPOINT_URL_S3: process.env.AWS_ENDPOINT_URL_S3 || endpoint,
    AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID || 'test',
    AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY || 'test',
    AWS_REGION: LOCAL_REGION,
    AWS_DEFAULT_REGION: LOCAL_REGION,
    CDK_DEFAULT_ACCOUNT: LOCAL_ACCOUNT,
    CDK_DEFAULT_REGION: LOCAL_REGION,
    S3_FORCE_PATH_STYLE: 'true',
  };
}

/** Prints the skip notice; the caller exits 0 so that CI without Docker stays green and says why. */
export function printSkipNotice(what: string, endpoint: string): void {
  console.log(
    [
      `SKIPPED ${what}: no LocalStack or Floci answers at ${endpoint}.`,
      '  Start one with Docker (see deploy/compose.yml and docs/deploy.md, "Try it on LocalStack, Floci or moto"):',
      '    LOCALSTACK_AUTH_TOKEN=... docker compose -f deploy/compose.yml --profile localstack up -d',
      '    docker compose -f deploy/compose.yml --profile floci up -d',
      '  or point AWS_ENDPOINT_URL at a running one. This machine may simply have no Docker engine.',
    ].join('\n'),
  );
}
