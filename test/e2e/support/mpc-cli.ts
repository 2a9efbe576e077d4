import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { E2eSystem } from '../../../local/harness/whole-system.ts';

const MPC = join(import.meta.dirname, '../../../bin/mpc.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `mpc ...args` as `clientId`, configured through the environment like a service's shell. */
export function runMpc(e2e: E2eSystem, home: string, clientId: string, args: string[]): Promise<CliRun> {
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    MPC_API_URL: e2e.system.apiUrl,
    MPC_TOKEN_URL: e2e.system.tokenUrl,
    MPC_CLIENT_ID: clientId,
    MPC_CLIENT_SECRET: e2e.system.clientSecret,
    MPC_HOME: join(home, 'mpc-home'),
    // Both servers' keys, pinned out of band as `npm start` prints them.
    MPC_SERVER_KEYS: JSON.stringify(e2e.pins),
  };
  return new Promise((resolve) => {
    execFile(process.execPath, [MPC, ...args], { env, timeout: 180_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs and expects success; the failure message shows what the CLI said. */
export async function runMpcOk(
  e2e: E2eSystem,
  home: string,
  clientId: string,
  args: string[],
): Promise<string> {
  const run = await runMpc(e2e, home, clientId, args);
  expect(run, `mpc ${args.join(' ')} as ${clientId}: ${run.stderr}`).toMatchObject({ code: 0 });
  return run.stdout;
}
