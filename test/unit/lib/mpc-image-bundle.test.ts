import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { IgnoreStrategy } from 'aws-cdk-lib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleMpcEntryPoints } from '../../../deploy/bundle-mpc-image.ts';
import { REPO_ROOT } from '../../../lib/config/repo-paths.ts';
import { generateChunkMaterial, type MaterialRequest } from '../../../mpc-servers/engine/material.ts';
import { BUNDLED_WORKER_FILE } from '../../../mpc-servers/engine/worker-pool.ts';

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

  it('runs the kernel worker threads from the bundle beside the entry points', () => {
    const seeds = { A: randomBytes(16), B: randomBytes(16) };
    const dealerSeed = randomBytes(16);
    const requests: MaterialRequest[] = [
      { kind: 'triple', count: 5 },
      { kind: 'comparison', bits: 17, count: 3 },
    ];
    // A process outside the repository starts the bundled worker, as the pool in the bundled entry points does.
    const script = `
      import { Worker } from 'node:worker_threads';
      const worker = new Worker(new URL(${JSON.stringify(pathToFileURL(path.join(outdir, BUNDLED_WORKER_FILE)).href)}));
      const hex = (text) => Uint8Array.from(Buffer.from(text, 'hex'));
      worker.on('message', (message) => {
        if (message.ready) return;
        console.log(JSON.stringify({ A: Buffer.from(message.answer.A).toString('hex'), B: Buffer.from(message.answer.B).toString('hex') }));
        process.exit(0);
      });
      worker.postMessage({ id: 1, job: { kind: 'chunk', chunk: 2, requests: ${JSON.stringify(requests)},
        seeds: { A: hex('${seeds.A.toString('hex')}'), B: hex('${seeds.B.toString('hex')}') },
        dealerSeed: hex('${dealerSeed.toString('hex')}') } });
    `;
    const file = path.join(outdir, 'start-worker.mjs');
    writeFileSync(file, script);
    // With the image's node options, which a worker thread inherits.
    const stdout = execFileSync(process.execPath, ['--enable-source-maps', file], {
      encoding: 'utf8',
      cwd: outdir,
      env: { PATH: process.env.PATH },
    });
    const expected = generateChunkMaterial(seeds, 2, requests, dealerSeed);
    expect(JSON.parse(stdout)).toEqual({
      A: Buffer.from(expected.A).toString('hex'),
      B: Buffer.from(expected.B).toString('hex'),
    });
    // The bundled pool looks for the worker under that name beside itself.
    expect(readFileSync(path.join(outdir, 'mpc-server.mjs'), 'utf8').includes(BUNDLED_WORKER_FILE)).toBe(
      true,
    );
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
