/**
 * `npm run lint:cfn`: synthesizes the CDK app into a temporary directory and runs AWS's template linter,
 * cfn-lint, on every CloudFormation template of the cloud assembly (found through its manifests, nested
 * assemblies included, so stacks are never named here). Prints each finding and one summary line; exits 1 on
 * any error or warning. Where cfn-lint is missing it says how to install it and exits 0, or 1 with --require.
 *
 *   npm run lint:cfn [-- --require] [-- --assembly cdk.out]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../lib/config/repo-paths.ts';

interface CfnLintMatch {
  Filename: string;
  Level: 'Error' | 'Warning' | 'Informational';
  Message: string;
  Location: { Path?: (string | number)[]; Start: { LineNumber: number } };
  Rule: { Id: string };
}

interface AssemblyManifest {
  artifacts?: Record<
    string,
    { type: string; properties?: { templateFile?: string; directoryName?: string } }
  >;
}

export const CFN_LINT_INSTALL_HINT = [
  'cfn-lint (AWS CloudFormation Linter, Python 3.9+) is not on the PATH. Install it with one of:',
  '    pip install cfn-lint',
  '    pipx install cfn-lint',
  '    brew install cfn-lint',
].join('\n');

/** Every CloudFormation template of a cloud assembly, nested assemblies (CDK stages) included. */
export function assemblyTemplates(assemblyDir: string): string[] {
  const manifest = JSON.parse(
    readFileSync(path.join(assemblyDir, 'manifest.json'), 'utf8'),
  ) as AssemblyManifest;
  return Object.values(manifest.artifacts ?? {}).flatMap((artifact) => {
    if (artifact.type === 'aws:cloudformation:stack' && artifact.properties?.templateFile)
      return [path.join(assemblyDir, artifact.properties.templateFile)];
    if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName)
      return assemblyTemplates(path.join(assemblyDir, artifact.properties.directoryName));
    return [];
  });
}

function cfnLintVersion(): string | undefined {
  const probe = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.trim() : undefined;
}

function synthesize(outdir: string): void {
  const started = Date.now();
  console.log(`Synthesizing the CDK app into ${outdir}`);
  const synth = spawnSync('npx', ['--no-install', 'cdk', 'synth', '--quiet', '--no-notices', '-o', outdir], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (synth.status !== 0) {
    process.stdout.write(synth.stdout);
    process.stderr.write(synth.stderr);
    throw new Error(`cdk synth failed (exit ${synth.status ?? synth.signal})`);
  }
  console.log(`Synthesized in ${Math.round((Date.now() - started) / 1000)} s`);
}

function lint(templates: string[]): CfnLintMatch[] {
  // Exit status is a bit mask of the levels found (2 error, 4 warning, 8 informational); 1 is a crash.
  const run = spawnSync('cfn-lint', ['--format', 'json', '--', ...templates], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (run.status === null || run.status === 1) {
    process.stderr.write(run.stderr);
    throw new Error(`cfn-lint did not run through (exit ${run.status ?? run.signal})`);
  }
  return JSON.parse(run.stdout || '[]') as CfnLintMatch[];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { require: { type: 'boolean', default: false }, assembly: { type: 'string' } },
  });
  const version = cfnLintVersion();
  if (!version) {
    console.log(`${values.require ? 'FAILED' : 'SKIPPED'} lint:cfn: ${CFN_LINT_INSTALL_HINT}`);
    return values.require ? 1 : 0;
  }
  const outdir = values.assembly
    ? path.resolve(values.assembly)
    : mkdtempSync(path.join(tmpdir(), 'cdk-lint-'));
  try {
    if (!values.assembly) synthesize(outdir);
    const templates = assemblyTemplates(outdir);
    if (templates.length === 0) throw new Error(`no CloudFormation template in the assembly at ${outdir}`);
    const matches = lint(templates);
    console.log(`${version} on ${plural(templates.length, 'template')}:`);
    for (const template of templates) {
      const own = matches.filter((match) => path.resolve(match.Filename) === template);
      const count = (level: CfnLintMatch['Level']): number =>
        own.filter((match) => match.Level === level).length;
      console.log(
        `  ${path.basename(template)}: ${plural(count('Error'), 'error')}, ` +
          `${plural(count('Warning'), 'warning')}, ${count('Informational')} informational`,
      );
      for (const match of own)
        console.log(
          `    ${match.Rule.Id} ${(match.Location.Path ?? []).join('/')} ` +
            `(line ${match.Location.Start.LineNumber}): ${match.Message}`,
        );
    }
    const errors = matches.filter((match) => match.Level === 'Error').length;
    const warnings = matches.filter((match) => match.Level === 'Warning').length;
    const informational = matches.length - errors - warnings;
    console.log(
      `cfn-lint: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ` +
        `${informational} informational in ${plural(templates.length, 'template')}`,
    );
    return errors + warnings > 0 ? 1 : 0;
  } finally {
    if (!values.assembly) rmSync(outdir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main();
