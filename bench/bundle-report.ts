/**
 * Bundle report (`npm run bench:bundle`): bundles every Lambda handler (API operations and workflow steps)
 * with esbuild exactly as the CDK `NodejsFunction`s do (settings from lib/bundling/lambda-bundling.ts), then
 * prints each bundle's size and its cold import time: a fresh `node` process importing the bundle, as a Lambda cold start does.
 * The goal is a cold import within 150 ms per bundle; sizes are reported, not budgeted. Prints; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { readApiOperations } from '../lib/api/openapi-operations.ts';
import { lambdaBundling } from '../lib/bundling/lambda-bundling.ts';
import { REPO_ROOT, repoPaths, workflowStepHandler } from '../lib/config/repo-paths.ts';
import { workflowStepNames } from '../lib/constructs/collaboration-workflow.ts';
import { lambdaBuildOptions } from '../scripts/lambda-build-options.ts';

const IMPORT_TARGET_MS = 150;
const IMPORT_RUNS = Number(process.env.BUNDLE_REPORT_RUNS ?? 5);
const outputRoot = path.join(REPO_ROOT, '.cache', 'bundle-report');

async function bundle(name: string, entry: string): Promise<string> {
  const outfile = path.join(outputRoot, name, 'index.mjs');
  await build(lambdaBuildOptions(entry, outfile));
  return outfile;
}

/**
 * Milliseconds for a fresh Node process to import the bundle, wall clock and the process's CPU time (the
 * second barely moves when other work shares the cores); medians of several runs.
 */
function coldImportMs(file: string): { wall: number; cpu: number } {
  const probe = [
    'const t = performance.now(); const c = process.cpuUsage();',
    `await import(${JSON.stringify(file)});`,
    'const used = process.cpuUsage(c);',
    'process.stdout.write(JSON.stringify([performance.now() - t, (used.user + used.system) / 1000]));',
  ].join(' ');
  const runs = Array.from(
    { length: IMPORT_RUNS },
    () =>
      JSON.parse(
        execFileSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', probe], {
          // The handlers read their configuration lazily; importing must not need AWS or configuration.
          env: { PATH: process.env.PATH, AWS_REGION: 'us-east-1' },
          encoding: 'utf8',
        }),
      ) as [number, number],
  );
  const median = (values: number[]) =>
    values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return { wall: median(runs.map(([wall]) => wall)), cpu: median(runs.map(([, cpu]) => cpu)) };
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
  console.log(
    `${'function'.padEnd(30)} ${'size KB'.padStart(8)} ${'import ms'.padStart(10)} ${'cpu ms'.padStart(7)}  within goal`,
  );
  let worstSize = 0;
  let worstImport = 0;
  for (const { name, entry } of functions) {
    const file = await bundle(name, entry);
    const bytes = statSync(file).size;
    const { wall, cpu } = coldImportMs(file);
    worstSize = Math.max(worstSize, bytes);
    worstImport = Math.max(worstImport, wall);
    const verdict = wall <= IMPORT_TARGET_MS ? 'yes' : 'NO';
    console.log(
      `${name.padEnd(30)} ${(bytes / 1024).toFixed(1).padStart(8)} ${wall.toFixed(1).padStart(10)} ${cpu.toFixed(1).padStart(7)}  ${verdict}`,
    );
  }
  console.log(
    `largest ${(worstSize / 1024).toFixed(1)} KB, slowest ${worstImport.toFixed(1)} ms (goal <= ${IMPORT_TARGET_MS})`,
  );
}

await main();
