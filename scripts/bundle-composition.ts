/**
 * What a Lambda bundle is made of: `tsx scripts/bundle-composition.ts <operationId | handler path> [module]`
 * bundles the handler as deployed and prints its minified bytes by package (largest first); with `module`
 * (a path fragment such as `@hpke/core` or `client-s3`), also the import chain that brings it in, to find
 * what to cut.
 */
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { REPO_ROOT, repoPaths } from '../lib/config/repo-paths.ts';
import { lambdaBuildOptions } from './lambda-build-options.ts';

const PACKAGE = /node_modules\/((?:@[^/]+\/)?[^/]+)/;

/** Output bytes by package (or by top-level source folder for our own code). */
export function bytesByPackage(output: Metafile['outputs'][string]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
    const key = PACKAGE.exec(file)?.[1] ?? file.split('/').slice(0, 2).join('/');
    totals.set(key, (totals.get(key) ?? 0) + bytesInOutput);
  }
  return new Map([...totals].sort((a, b) => b[1] - a[1]));
}

/** One chain of importers from the first bundled file matching `fragment` back to the entry point. */
export function importChain(metafile: Metafile, fragment: string): string[] {
  const importers = new Map<string, string[]>();
  for (const [file, { imports }] of Object.entries(metafile.inputs))
    for (const { path: imported } of imports)
      importers.set(imported, [...(importers.get(imported) ?? []), file]);
  const chain: string[] = [];
  let current = Object.keys(metafile.inputs).find((file) => file.includes(fragment));
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = importers.get(current)?.find((file) => !chain.includes(file));
  }
  return chain;
}

async function main(): Promise<void> {
  const [target, fragment] = process.argv.slice(2);
  if (!target)
    throw new Error('usage: tsx scripts/bundle-composition.ts <operationId | handler path> [module]');
  const entry = target.endsWith('.ts') ? path.resolve(target) : repoPaths.operationHandler(target);
  const outfile = path.join(REPO_ROOT, '.cache', 'bundle-composition', 'index.mjs');
  const { metafile } = await build({
    ...lambdaBuildOptions(entry, outfile),
    metafile: true,
    write: false,
  });
  const [, output] = Object.entries(metafile.outputs).find(([file]) => file.endsWith('.mjs')) ?? [];
  if (!output) throw new Error('esbuild wrote no bundle');
  console.log(`${path.relative(REPO_ROOT, entry)}: ${(output.bytes / 1024).toFixed(1)} KB`);
  for (const [name, bytes] of bytesByPackage(output))
    if (bytes >= 512) console.log(`${(bytes / 1024).toFixed(1).padStart(8)}  ${name}`);
  if (fragment)
    console.log(`\n${importChain(metafile, fragment).join('\n  <- ') || `${fragment}: not in the bundle`}`);
}

await main();
