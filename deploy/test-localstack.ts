/**
 * `npm run test:localstack`: the integration suite with every AWS SDK client pointed at one AWS-compatible
 * endpoint through AWS_ENDPOINT_URL (the SDK honours it natively). LocalStack or Floci where one answers at
 * AWS_ENDPOINT_URL or http://localhost:4566; otherwise a `moto_server` this script starts on a port the OS
 * picks (127.0.0.1) and stops afterwards. Tests that need what the endpoint lacks
 * (deploy/endpoint-capabilities.ts) run only where it has it; the script lists the others with the reason.
 *
 *   npm run test:localstack [-- --require-endpoint] [-- <vitest arguments>]
 *
 * Without an endpoint and without moto_server it says how to install moto and exits 0, or 1 with
 * --require-endpoint (or MPC_REQUIRE_ENDPOINT=1).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../lib/config/repo-paths.ts';
import {
  detectEndpointKind,
  ENDPOINT_CAPABILITIES,
  isEndpointKind,
  KIND_CAPABILITIES,
  type EndpointCapability,
  type EndpointKind,
} from './endpoint-capabilities.ts';
import { endpointAnswers, localEndpoint, localEnvironment } from './local-endpoint.ts';

export const MOTO_INSTALL_HINT = [
  'moto_server (Python 3.9+) is not installed. Install it with:',
  '    pip install "moto[server]"',
  'or start LocalStack or Floci (deploy/compose.yml) and point AWS_ENDPOINT_URL at it.',
].join('\n');

/** Per test, emulators answer slower than the embedded stores (moto is one Python process). */
const EMULATOR_TEST_TIMEOUT_MS = 180_000;

interface NotRunHere {
  file: string;
  name: string;
  missing: EndpointCapability[];
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface StartedMoto {
  endpoint: string;
  stop(): Promise<void>;
}

/** Starts moto_server on 127.0.0.1; undefined when it is not installed (or does not come up). */
async function startMoto(): Promise<StartedMoto | undefined> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  // Its own process group, so that stopping it also ends what a Python launcher (pyenv shim) started.
  const child: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  let exited = false;
  child.on('exit', () => (exited = true));
  const spawned = await new Promise<boolean>((resolve) => {
    child.once('spawn', () => resolve(true));
    child.once('error', () => resolve(false));
  });
  if (!spawned) return undefined;
  const stop = async (): Promise<void> => {
    if (exited || child.pid === undefined) return;
    const gone = once(child, 'exit');
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => !exited && process.kill(-child.pid!, 'SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  };
  for (const started = Date.now(); Date.now() - started < 30_000 && !exited;) {
    try {
      if ((await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(1000) })).ok)
        return { endpoint, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!exited) {
    await stop();
    console.log(`moto_server did not answer on ${endpoint} within 30 s.`);
  } else if (stderr.trim()) {
    console.log(`moto_server exited at once:\n${stderr.trim().split('\n').slice(-5).join('\n')}`);
  }
  return undefined;
}

function printCapabilities(endpoint: string, kind: EndpointKind): void {
  const has = KIND_CAPABILITIES[kind];
  const lacks = (Object.keys(ENDPOINT_CAPABILITIES) as EndpointCapability[]).filter(
    (capability) => !has.includes(capability),
  );
  console.log(`Running the integration suite against ${endpoint} (${kind})`);
  console.log(`  has: ${has.length > 0 ? has.join(', ') : 'nothing beyond the common ground'}`);
  if (lacks.length > 0)
    console.log(`  lacks (tests that need these are listed after the run): ${lacks.join(', ')}`);
}

function printNotRun(reportFile: string, kind: EndpointKind): void {
  let entries: NotRunHere[] = [];
  try {
    entries = readFileSync(reportFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as NotRunHere);
  } catch {
    // no test recorded anything
  }
  const unique = [...new Map(entries.map((entry) => [`${entry.file}\0${entry.name}`, entry])).values()].sort(
    (a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name),
  );
  if (unique.length === 0) {
    console.log(`\nEvery test ran on this endpoint (${kind}).`);
    return;
  }
  console.log(`\nLeft to endpoints that support them (${unique.length}, not run on ${kind}):`);
  for (const entry of unique) {
    console.log(`  ${entry.file} > ${entry.name}`);
    for (const capability of entry.missing)
      console.log(`      needs ${capability}: ${ENDPOINT_CAPABILITIES[capability]}`);
  }
}

async function runSuite(endpoint: string, kind: EndpointKind, vitestArgs: string[]): Promise<number> {
  printCapabilities(endpoint, kind);
  const reportDir = mkdtempSync(path.join(tmpdir(), 'mpc-endpoint-'));
  const reportFile = path.join(reportDir, 'not-run.jsonl');
  try {
    const vitest = spawn(
      'npx',
      [
        '--no-install',
        'vitest',
        'run',
        // Paths given narrow the run; otherwise the whole integration tier.
        ...(vitestArgs.some((arg) => arg.startsWith('test/')) ? [] : ['test/integration']),
        `--testTimeout=${EMULATOR_TEST_TIMEOUT_MS}`,
        ...vitestArgs,
      ],
      {
        cwd: REPO_ROOT,
        env: {
          ...localEnvironment(endpoint),
          MPC_TEST_TARGET: kind,
          MPC_ENDPOINT_KIND: kind,
          MPC_ENDPOINT_REPORT: reportFile,
        },
        stdio: 'inherit',
      },
    );
    const [code, signal] = (await once(vitest, 'exit')) as [number | null, NodeJS.Signals | null];
    printNotRun(reportFile, kind);
    return code ?? (signal ? 1 : 0);
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const requireEndpoint = args.includes('--require-endpoint') || process.env.MPC_REQUIRE_ENDPOINT === '1';
  const vitestArgs = args.filter((arg) => arg !== '--require-endpoint');

  const named = localEndpoint();
  if (await endpointAnswers(named)) {
    const forced = process.env.MPC_ENDPOINT_KIND;
    const kind = isEndpointKind(forced) ? forced : await detectEndpointKind(named);
    return runSuite(named, kind, vitestArgs);
  }
  if (process.env.AWS_ENDPOINT_URL) {
    console.log(`Nothing answers at AWS_ENDPOINT_URL=${named}.`);
    return 1;
  }
  console.log(`No LocalStack or Floci answers at ${named}; starting moto_server.`);
  const moto = await startMoto();
  if (!moto) {
    console.log(`${requireEndpoint ? 'FAILED' : 'SKIPPED'} test:localstack: ${MOTO_INSTALL_HINT}`);
    return requireEndpoint ? 1 : 0;
  }
  const stopOnSignal = (signal: NodeJS.Signals): void => {
    void moto.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    return await runSuite(moto.endpoint, 'moto', vitestArgs);
  } finally {
    await moto.stop();
    console.log(`Stopped moto_server (${moto.endpoint}).`);
  }
}

process.exitCode = await main();
