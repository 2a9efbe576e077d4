import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { COMPUTE_TASK_NODE_FLAGS } from '../contract/job/compute-task-node-flags.ts';
import type { Party } from '../contract/party.ts';
import { freePort } from '../local/emulators/free-port.ts';
import { WORKER_THREADS_VARIABLE } from '../mpc-servers/engine/worker-pool.ts';
import { createTlsIdentity } from '../mpc-servers/transport/tls-identity.ts';
import { startDelayingProxy } from './delaying-proxy.ts';
import type {
  BenchTask,
  DealerConfig,
  DealerFigure,
  KernelFigures,
  PartyConfig,
} from './mpc-bench-config.ts';

/**
 * The processes of `bench/mpc.ts`: the kernels, the dealer and the two parties, each a fresh `tsx` process
 * whose worker threads are set through MPC_WORKER_THREADS, the variable the servers and the dealer read.
 */

/** One party's line for one task (`bench/mpc-party.ts`). */
export type PartyLine = Record<string, unknown> & {
  task: string;
  seconds: number;
  bytesSent: number;
  rounds: number;
  aesBlocks: number;
  maxRssMiB: number;
};

const script = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

function childEnv(threads: number): NodeJS.ProcessEnv {
  return { ...process.env, [WORKER_THREADS_VARIABLE]: String(threads) };
}

/** Node options writing a CPU profile of each child into BENCH_CPU_PROF_DIR, when it is set. */
function profileArgs(): string[] {
  const directory = process.env.BENCH_CPU_PROF_DIR;
  return directory ? ['--cpu-prof', `--cpu-prof-dir=${directory}`] : [];
}

/**
 * Runs a bench script and resolves with its last stdout line, parsed; `nodeFlags` are the computation tasks'
 * for a script that stands for one of them.
 */
function runJson<T>(
  name: string,
  args: string[],
  threads: number,
  nodeFlags: readonly string[] = [],
): Promise<T> {
  const flags = [...profileArgs(), ...nodeFlags, '--import', 'tsx'];
  const child = spawn(process.execPath, [...flags, script(name), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: childEnv(threads),
  });
  let last = '';
  createInterface({ input: child.stdout }).on('line', (line) => (last = line));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(last) as T) : reject(new Error(`${name} exited with ${code}`)),
    ),
  );
}

export function runKernels(threads: number, quick: boolean): Promise<KernelFigures> {
  return runJson('./mpc-kernels.ts', quick ? ['quick'] : [], threads);
}

export function runDealer(config: DealerConfig, threads: number): Promise<DealerFigure> {
  return runJson('./mpc-dealer.ts', [JSON.stringify(config)], threads, COMPUTE_TASK_NODE_FLAGS);
}

export interface PartyRun {
  directory: string;
  seeds: Record<Party, Uint8Array>;
  tasks: BenchTask[];
  threads: number;
  holdAllInputs: boolean;
  /** A delaying proxy with this round-trip time between A and B (absent: A connects to B directly). */
  rttMs?: number;
}

/** A and B as two processes linked over loopback TCP with pinned TLS 1.3; resolves with their lines. */
export async function runParties(run: PartyRun): Promise<Record<Party, PartyLine[]>> {
  const identities = {
    A: createTlsIdentity({ commonName: 'bench-A' }),
    B: createTlsIdentity({ commonName: 'bench-B' }),
  };
  const port = await freePort();
  const proxy =
    run.rttMs === undefined
      ? undefined
      : await startDelayingProxy({ targetHost: '127.0.0.1', targetPort: port, rttMs: run.rttMs });
  const start = (party: Party): Promise<PartyLine[]> => {
    const peer = party === 'A' ? 'B' : 'A';
    const config: PartyConfig = {
      party,
      port,
      ...(proxy ? { connectPort: proxy.port } : {}),
      directory: run.directory,
      seed: Buffer.from(run.seeds[party]).toString('base64'),
      tls: {
        keyPem: identities[party].keyPem,
        certPem: identities[party].certPem,
        peerFingerprint: identities[peer].fingerprint,
      },
      tasks: run.tasks,
      holdAllInputs: run.holdAllInputs,
    };
    const child = spawn(
      process.execPath,
      [
        ...profileArgs(),
        ...COMPUTE_TASK_NODE_FLAGS,
        '--expose-gc',
        '--import',
        'tsx',
        script('./mpc-party.ts'),
        JSON.stringify(config),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], env: childEnv(run.threads) },
    );
    const lines: PartyLine[] = [];
    const reader = createInterface({ input: child.stdout });
    reader.on('line', (line) => {
      const parsed = JSON.parse(line) as PartyLine;
      if (parsed.task !== undefined) lines.push(parsed);
      if (party === 'B' && parsed.listening) startA();
    });
    return new Promise((resolve, reject) =>
      child.once('exit', (code) =>
        code === 0 ? resolve(lines) : reject(new Error(`party ${party} exited with ${code}`)),
      ),
    );
  };
  let startA: () => void = () => undefined;
  const a = new Promise<PartyLine[]>((resolve, reject) => (startA = () => start('A').then(resolve, reject)));
  const b = start('B');
  try {
    const [A, B] = await Promise.all([a, b]);
    return { A, B };
  } finally {
    await proxy?.close();
  }
}
