import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IgnoreStrategy } from 'aws-cdk-lib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleMpcEntryPoints } from '../../../deploy/bundle-mpc-image.ts';
import { REPO_ROOT } from '../../../lib/config/repo-paths.ts';

// Outside the repository, so that nothing can resolve from node_modules: like the runtime image.
const outdir = mkdtempSync(path.join(tmpdir(), 'mpc-image-'));
let sourceFiles: string[] = [];
beforeAll(async () => {
  sourceFiles = await bundleMpcEntryPoints(outdir);
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** Runs an entry point with no arguments; it must load completely and answer with its usage line. */
function runWithoutArguments(file: string): { status: number; stdout: string } {
  try {
    const stdout = execFileSync(process.execPath, ['--enable-source-maps', path.join(outdir, file)], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    });
    return { status: 0, stdout };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { status: failed.status, stdout: failed.stdout };
  }
}

describe('MPC container image', () => {
  it('runs the server entry point with no node_modules around', () => {
    const { status, stdout } = runWithoutArguments('mpc-server.mjs');
    expect(status).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      outcome: 'FAILED',
      message: expect.stringContaining('usage: mpc-server'),
    });
  });

  it('runs the dealer entry point with no node_modules around', () => {
    const { status, stdout } = runWithoutArguments('mpc-dealer.mjs');
    expect(status).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      component: 'mpc-dealer',
      outcome: 'FAILED',
      message: expect.stringContaining('usage: mpc-dealer'),
    });
  });

  it('keeps every file the Docker build needs in the build context', async () => {
    const patterns = readFileSync(path.join(REPO_ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'));
    const ignore = IgnoreStrategy.docker(REPO_ROOT, patterns);
    // The bundling script itself and what it imports run in the build stage too.
    const script = await build({
      entryPoints: [path.join(REPO_ROOT, 'deploy', 'bundle-mpc-image.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      write: false,
      metafile: true,
      outdir,
    });
    const needed = [
      ...sourceFiles,
      ...Object.keys(script.metafile.inputs),
      'package.json',
      'package-lock.json',
      'tsconfig.json',
    ];
    expect(sourceFiles.length).toBeGreaterThan(20);
    expect(needed.filter((file) => ignore.ignores(path.join(REPO_ROOT, file)))).toEqual([]);
    expect(ignore.ignores(path.join(REPO_ROOT, 'lambdas', 'handlers', 'getHealth.ts'))).toBe(true);
    expect(ignore.ignores(path.join(REPO_ROOT, 'node_modules', 'esbuild', 'package.json'))).toBe(true);
  });
});
