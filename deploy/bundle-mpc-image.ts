/**
 * Bundles the computation service's container entry points (`bin/mpc-server.ts`, `bin/mpc-dealer.ts`) and
 * the kernel worker threads' entry into self-contained ESM files: what the build stage of `mpc-servers/Dockerfile` runs
 * (`npx tsx deploy/bundle-mpc-image.ts /out`), and what the unit test runs to prove the image's JavaScript
 * needs no node_modules. Same target and `require` shim as the Lambda bundles.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { lambdaBundling } from '../lib/bundling/lambda-bundling.ts';
import { REPO_ROOT, repoPaths } from '../lib/config/repo-paths.ts';
import { BUNDLED_WORKER_FILE } from '../mpc-servers/engine/worker-pool.ts';

export const MPC_ENTRY_POINTS = ['mpc-server', 'mpc-dealer'] as const;
/** The kernel worker threads' entry, which the pool loads from beside the entry point (`worker-pool.ts`). */
const WORKER_ENTRY = path.join(REPO_ROOT, 'mpc-servers', 'engine', 'kernel-worker.ts');

/**
 * Writes `<outdir>/mpc-server.mjs`, `<outdir>/mpc-dealer.mjs` and the worker threads' `<outdir>/mpc-worker.mjs`
 * (with source maps); returns the repository files they were built from.
 */
export async function bundleMpcEntryPoints(outdir: string): Promise<string[]> {
  const result = await build({
    entryPoints: [
      ...MPC_ENTRY_POINTS.map((name) => ({ in: path.join(REPO_ROOT, 'bin', `${name}.ts`), out: name })),
      { in: WORKER_ENTRY, out: BUNDLED_WORKER_FILE.replace(/\.mjs$/, '') },
    ],
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: lambdaBundling.target,
    format: lambdaBundling.format,
    minify: true,
    sourcemap: true,
    mainFields: [...lambdaBundling.mainFields],
    banner: { js: lambdaBundling.banner },
    tsconfig: repoPaths.tsconfig,
    logLevel: 'warning',
    metafile: true,
  });
  return Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('node_modules/'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outdir = process.argv[2];
  if (!outdir) throw new Error('usage: tsx deploy/bundle-mpc-image.ts <outdir>');
  await bundleMpcEntryPoints(path.resolve(outdir));
}
