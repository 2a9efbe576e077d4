/**
 * Bundle report (`npm run bench:bundle`): bundles every Lambda handler (API operations and workflow steps)
 * with esbuild exactly as the CDK `NodejsFunction`s do (settings from lib/bundling/lambda-bundling.ts), then
 * prints each bundle's size and its cold import time: a fresh `node` process importing the bundle, as a Lambda cold start does.
 * Targets: under 300 KB and under 150 ms per bundle. Prints; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { LAMBDA_CREDENTIALS_ALIAS } from '../lambdas/adapters/lambda-credentials.ts';
import { readApiOperations } from '../lib/api/openapi-operations.ts';
import { lambdaBundling } from '../lib/bundling/lambda-bundling.ts';
import { REPO_ROOT, repoPaths, workflowStepHandler } from '../lib/config/repo-paths.ts';
import { workflowStepNames } from '../lib/constructs/collaboration-workflow.ts';
import { bundleAliases, lambdaBuildOptions } from '../scripts/lambda-build-options.ts';

const SIZE_TARGET_BYTES = 300 * 1024;
const IMPORT_TARGET_MS = 150;
const IMPORT_RUNS = Number(process.env.BUNDLE_REPORT_RUNS ?? 5);
const outputRoot = path.join(REPO_ROOT, '.cache', 'bundle-report');
/**
 * BUNDLE_REPORT_LAMBDA_CREDENTIALS=true previews the SDK's default credential chain swapped for the
 * environment-only provider Lambda needs (on top of lib/bundling's own swaps, if it declares any).
 */
const alias = process.env.BUNDLE_REPORT_LAMBDA_CREDENTIALS === 'true' ? LAMBDA_CREDENTIALS_ALIAS : {};

async function bundle(name: string, entry: string): Promise<string> {
  const outfile = path.join(outputRoot, name, 'index.mjs');
  await build(lambdaBuildOptions(entry, outfile, alias));
  return outfile;
}

/** Milliseconds for a fresh Node process to import the bundle (median of several runs). */
function coldImportMs(file: string): number {
  const probe = `const t = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  const runs = Array.from({ length: IMPORT_RUNS }, () =>
    Number(
      execFileSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', probe], {
        // The handlers read their configuration lazily; importing must not need AWS or configuration.
        env: { PATH: process.env.PATH, AWS_REGION: 'us-east-1' },
        encoding: 'utf8',
      }),
    ),
  ).sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  rmSync(outputRoot, { recursive: true, force: true });
  mkdirSync(outputRoot, { recursive: true });
  // Every function of the app: one per API operation, one per workflow step.
  const functions = [
    ...readApiOperations(repoPaths.openApiSpec).map(({ operationId }) => ({
      name: operationId,
      entry: repoPaths.operationHandler(operationId),
    })),
    ...workflowStepNames().map((step) => ({ name: `workflow/${step}`, entry: workflowStepHandler(step) })),
  ];
  console.log(
    `Bundles as deployed (AWS SDK ${lambdaBundling.bundleAwsSdk ? 'bundled' : 'from the runtime'}), Node ${process.version}, median of ${IMPORT_RUNS} cold imports`,
  );
  for (const [from, to] of Object.entries(bundleAliases(alias)))
    console.log(`with ${from} -> ${path.relative(REPO_ROOT, to)}`);
  console.log(`${'function'.padEnd(30)} ${'size KB'.padStart(8)} ${'import ms'.padStart(10)}  within target`);
  let worstSize = 0;
  let worstImport = 0;
  for (const { name, entry } of functions) {
    const file = await bundle(name, entry);
    const bytes = statSync(file).size;
    const ms = coldImportMs(file);
    worstSize = Math.max(worstSize, bytes);
    worstImport = Math.max(worstImport, ms);
    const verdict = bytes < SIZE_TARGET_BYTES && ms < IMPORT_TARGET_MS ? 'yes' : 'NO';
    console.log(
      `${name.padEnd(30)} ${(bytes / 1024).toFixed(1).padStart(8)} ${ms.toFixed(1).padStart(10)}  ${verdict}`,
    );
  }
  console.log(
    `largest ${(worstSize / 1024).toFixed(1)} KB (target < ${SIZE_TARGET_BYTES / 1024}), slowest ${worstImport.toFixed(1)} ms (target < ${IMPORT_TARGET_MS})`,
  );
}

await main();
