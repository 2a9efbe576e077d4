/**
 * `npm run test:localstack`: runs the integration suite with every AWS SDK client pointed at LocalStack or
 * Floci through AWS_ENDPOINT_URL (the SDK honours it natively). Skips with a notice (exit 0) when no endpoint
 * answers, which is always the case on a machine without a Docker engine.
 */
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../lib/config/repo-paths.ts';
import { endpointAnswers, localEndpoint, localEnvironment, printSkipNotice } from './local-endpoint.ts';

const endpoint = localEndpoint();
if (!(await endpointAnswers(endpoint))) {
  printSkipNotice('test:localstack', endpoint);
  process.exit(0);
}
console.log(`Running the integration suite against ${endpoint}`);
const result = spawnSync(
  'npx',
  ['--no-install', 'vitest', 'run', 'test/integration', ...process.argv.slice(2)],
  {
    cwd: REPO_ROOT,
    env: { ...localEnvironment(endpoint), MPC_TEST_TARGET: 'localstack' },
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
