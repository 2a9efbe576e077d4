import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);

/**
 * DynamoDB Local ships inside the npm package amplify-dynamodb-simulator. Installing that package pulls
 * ~280 dependencies, so we fetch only its tarball from the npm registry and unpack `emulator/` into a cache.
 */
export const DYNAMODB_SIMULATOR_VERSION = '2.9.30';

const projectRoot = resolve(fileURLToPath(import.meta.url), '../../..');

export function dynamoDbLocalDir(): string {
  return (
    process.env.MPC_DYNAMODB_LOCAL_DIR ??
    join(projectRoot, '.cache', `dynamodb-local-${DYNAMODB_SIMULATOR_VERSION}`)
  );
}

export async function ensureDynamoDbLocal(): Promise<string> {
  const dir = dynamoDbLocalDir();
  const jar = join(dir, 'DynamoDBLocal.jar');
  if (existsSync(jar)) return dir;
  const work = await mkdtemp(join(tmpdir(), 'ddb-local-'));
  try {
    const spec = `amplify-dynamodb-simulator@${DYNAMODB_SIMULATOR_VERSION}`;
    const { stdout } = await run('npm', ['pack', spec, '--silent', '--pack-destination', work], {
      maxBuffer: 1 << 20,
    });
    const tarball = join(work, stdout.trim().split('\n').pop() ?? '');
    await run('tar', ['-xzf', tarball, '-C', work, 'package/emulator']);
    await mkdir(resolve(dir, '..'), { recursive: true });
    await rm(dir, { recursive: true, force: true });
    await rename(join(work, 'package', 'emulator'), dir);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  if (!existsSync(jar)) throw new Error(`DynamoDB Local jar missing after unpacking into ${dir}`);
  return dir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureDynamoDbLocal().then(
    (dir) => console.log(`DynamoDB Local ready in ${dir}`),
    (error: unknown) => {
      console.error(
        `Could not fetch DynamoDB Local: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exit(1);
    },
  );
}
