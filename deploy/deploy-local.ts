/**
 * `npm run deploy:local`: deploys the CDK app to LocalStack (or Floci) with cdklocal, wrapping the pinned
 * aws-cdk CLI. Skips with a notice (exit 0) when no endpoint answers. Profile `local`: environment name
 * `local`, classic CloudFormation exports between stacks (the emulators do not implement Fn::GetStackOutput).
 */
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../lib/config/repo-paths.ts';
import {
  endpointAnswers,
  LOCAL_ACCOUNT,
  LOCAL_REGION,
  localEndpoint,
  localEnvironment,
  printSkipNotice,
} from './local-endpoint.ts';

const LOCAL_PROFILE_CONTEXT = [
  '-c',
  'mpc:environment=local',
  '-c',
  '@aws-cdk/core:defaultCrossStackReferences=strong',
];

function cdklocal(args: readonly string[], env: NodeJS.ProcessEnv): void {
  console.log(`$ cdklocal ${args.join(' ')}`);
  const result = spawnSync('npx', ['--no-install', 'cdklocal', ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`cdklocal ${args[0]} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

const endpoint = localEndpoint();
if (!(await endpointAnswers(endpoint))) {
  printSkipNotice('deploy:local', endpoint);
  process.exit(0);
}
const env = localEnvironment(endpoint);
cdklocal(['bootstrap', `aws://${LOCAL_ACCOUNT}/${LOCAL_REGION}`, ...LOCAL_PROFILE_CONTEXT], env);
cdklocal(['deploy', '--all', '--require-approval', 'never', '--no-notices', ...LOCAL_PROFILE_CONTEXT], env);
console.log(`Deployed to ${endpoint}. Outputs above: ApiUrl, TokenUrl, UserPoolId, ClientIds.`);
