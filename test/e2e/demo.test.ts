import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startE2eSystem } from '../../local/harness/whole-system.ts';

/** `npm run demo` as a user runs it: against a running system when MPC_API_URL answers, else its own. */
const DEMO = join(import.meta.dirname, '../../bin/demo.ts');
const TSX = join(import.meta.dirname, '../../node_modules/tsx/dist/cli.mjs');

function demo(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [TSX, DEMO, ...args],
      { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, timeout: 240_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });
}

function expectReport(stdout: string, hospitals: number): void {
  expect(stdout).toMatch(new RegExp(`: ${hospitals} hospitals \\(hospital-a, `));
  expect(stdout).toMatch(/^FIGURE +JOINT \(MPC\) +CLEARTEXT +ABS ERROR +ALLOWED/m);
  // 1 count + 4 fields x 6 statistics + 5 histogram bins + 2 threshold counts.
  expect(stdout).toMatch(/All 32 figures are within the documented fixed-point error\./);
  expect(stdout.match(/ ok$/gm)).toHaveLength(32);
}

describe('npm run demo', () => {
  it('starts a local system in its own process when nothing answers at MPC_API_URL', async () => {
    const run = await demo(['--hospitals', '3', '--patients', '8', '--seed', '7'], {
      MPC_API_URL: 'http://127.0.0.1:9/',
    });
    expect(run.stderr).toMatch(/nothing answers at http:\/\/127\.0\.0\.1:9\/; starting a local system/);
    expect(run.code).toBe(0);
    expectReport(run.stdout, 3);
    expect(run.stderr).toMatch(/collaboration COMPLETED: shares deleted/);
  }, 240_000);

  it('uses the running system at MPC_API_URL, and is reproducible from the seed', async () => {
    const e2e = await startE2eSystem();
    try {
      const env = {
        MPC_API_URL: e2e.system.apiUrl,
        MPC_TOKEN_URL: e2e.system.tokenUrl,
        MPC_CLIENT_SECRET: e2e.system.clientSecret,
        // The servers' keys, given out of band as `npm start` prints them.
        MPC_SERVER_KEYS: JSON.stringify(e2e.pins),
      };
      const first = await demo(['--hospitals', '2', '--patients', '6', '--seed', '11'], env);
      expect(first.stderr).toContain(`using the running system at ${e2e.system.apiUrl}`);
      expect(first.code).toBe(0);
      expectReport(first.stdout, 2);
      const again = await demo(['--hospitals', '2', '--patients', '6', '--seed', '11'], env);
      const figuresOf = (stdout: string) => stdout.slice(stdout.indexOf('FIGURE'));
      expect(figuresOf(again.stdout)).toBe(figuresOf(first.stdout));
    } finally {
      await e2e.stop();
    }
  }, 240_000);
});
