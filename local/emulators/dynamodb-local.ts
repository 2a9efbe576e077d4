import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ensureDynamoDbLocal } from './fetch-dynamodb-local.ts';
import { freePort } from './free-port.ts';
import { waitFor } from './wait-for.ts';

export interface RunningEmulator {
  endpoint: string;
  stop(): Promise<void>;
}

/** Starts DynamoDB Local in memory on a loopback port chosen by the OS (or `port`). Needs Java 17+. */
export async function startDynamoDbLocal(options: { port?: number } = {}): Promise<RunningEmulator> {
  const dir = await ensureDynamoDbLocal();
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(
    'java',
    [
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-Xmx512m',
      // C1-only JIT: the emulator's optimising compiles otherwise compete with the
      // MPC tasks for the same cores during a job, and tests start it many times.
      '-XX:TieredStopAtLevel=1',
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      '-inMemory',
      // One database whatever the credentials: each domain signs with its own (credentials.ts).
      '-sharedDb',
      '-disableTelemetry',
      '-port',
      String(port),
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Without Java the spawn fails with an 'error' event, which would otherwise crash the whole process.
  const spawnFailure = new AbortController();
  child.once('error', (error) =>
    spawnFailure.abort(new Error(`DynamoDB Local could not start (it needs Java 17+): ${error.message}`)),
  );
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`DynamoDB Local exited: ${output.trim()}`);
        // Any HTTP answer means the server is up; DynamoDB Local answers 400 to a bare GET.
        await fetch(endpoint);
      },
      30_000,
      100,
      spawnFailure.signal,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    endpoint,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
