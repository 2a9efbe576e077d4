import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { externalAwsFromEnv } from '../../../local/runtime/storage.ts';
import { requestToken } from '../../../local/runtime/ephemeral-system.ts';

const projectRoot = join(import.meta.dirname, '../../..');

/** Process ids whose parent is `pid` (DynamoDB Local's java runs as one). */
function childPids(pid: number): number[] {
  try {
    const output = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
    return output
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((value) => value > 0);
  } catch {
    return []; // ps exits 1 when there is no such process
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start entry point (bin/start-local.ts)', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    // Only if an assertion failed before the clean shutdown: do not leave the group running.
    if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  });

  it('prints four eval-able lines, serves health and tokens on one origin, and exits 0 on Ctrl-C with its children gone', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'bin/start-local.ts'], {
      cwd: projectRoot,
      env: { ...process.env, PORT: '0', MPC_LOCAL_CLIENT_SECRET: 'start-local-test-secret' },
      // Its own process group, so the test can send SIGINT to the group as a terminal's Ctrl-C does.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(child, 'exit');

    const lines: string[] = [];
    const reader = createInterface({ input: child.stdout! });
    for await (const line of reader) {
      lines.push(line);
      if (lines.length === 4) break;
    }
    expect(lines, stderr).toHaveLength(4);
    const [api, token, secret, pins] = lines.map((line) => /^([A-Z_]+)=(\S+)$/.exec(line));
    expect([api?.[1], token?.[1], secret?.[1], pins?.[1]]).toEqual([
      'MPC_API_URL',
      'MPC_TOKEN_URL',
      'MPC_CLIENT_SECRET',
      'MPC_SERVER_KEYS',
    ]);
    // The servers' keys for clients to pin, single-quoted JSON a shell evaluates to { A, B }.
    const pinned = JSON.parse(/^'(.*)'$/.exec(pins![2]!)![1]!) as Record<string, string>;
    expect(Object.keys(pinned).sort()).toEqual(['A', 'B']);
    expect(pinned.A).not.toBe(pinned.B);
    const apiUrl = api![2]!;
    expect(apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(token![2]).toBe(`${apiUrl}/oauth2/token`);
    expect(secret![2]).toBe('start-local-test-secret');

    const health = await fetch(`${apiUrl}/v1/health`);
    expect(health.status).toBe(200);
    const accessToken = await requestToken({ tokenUrl: token![2]!, clientSecret: secret![2]! }, 'curl-user');
    const servers = await fetch(`${apiUrl}/v1/computation-servers`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(servers.status).toBe(200);
    const offered = ((await servers.json()) as { servers: { id: string; publicKey: string }[] }).servers;
    expect(Object.fromEntries(offered.map((server) => [server.id, server.publicKey]))).toEqual(pinned);
    expect((await fetch(`${apiUrl}/v1/computation-servers`)).status).toBe(401);

    const children = childPids(child.pid!);
    // DynamoDB Local's java at least, unless AWS_ENDPOINT_URL names the stores (npm run test:localstack).
    if (!externalAwsFromEnv()) expect(children.length).toBeGreaterThan(0);
    process.kill(-child.pid!, 'SIGINT');
    const [code] = await exited;
    expect(code, stderr).toBe(0);
    expect(children.filter(isAlive)).toEqual([]);
  });

  it('exits 1 with a clear message, before starting any emulator, when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const starter = spawn(process.execPath, ['--import', 'tsx', 'bin/start-local.ts'], {
        cwd: projectRoot,
        env: { ...process.env, PORT: String(port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      starter.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      starter.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const [code] = await once(starter, 'exit');
      expect(code).toBe(1);
      expect(stderr).toContain(`Port ${port} is in use`);
      expect(stdout).toBe('');
    } finally {
      blocker.close();
    }
  });
});
