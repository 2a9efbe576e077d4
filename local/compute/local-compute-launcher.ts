import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleMpcEntryPoints } from '../../deploy/bundle-mpc-image.ts';
import { REPO_ROOT } from '../../lib/config/repo-paths.ts';
import type {
  ComputeTasks,
  ComputeTaskState,
  PeerEndpoints,
} from '../../lambdas/ports/workflow-compute-tasks.ts';
import type { ComputeTaskName } from '../../contract/job/compute-tasks.ts';
import { COMPUTE_TASK_NODE_FLAGS } from '../../contract/job/compute-task-node-flags.ts';
import { freePort } from '../emulators/free-port.ts';

/** The entry point each container of the CDK task definitions runs. */
const ENTRY_POINTS: Record<ComputeTaskName, string> = {
  dealer: 'bin/mpc-dealer.ts',
  serverA: 'bin/mpc-server.ts',
  serverB: 'bin/mpc-server.ts',
};

export interface LocalComputeOptions {
  /** What every task gets (the coordinator's endpoints, bucket and table names, credentials). */
  baseEnv: Record<string, string>;
  /** Per container, what the CDK task definition would add (MPC_KEY_FILE of each server). */
  containerEnv: Record<ComputeTaskName, Record<string, string>>;
  /** Each task's output line by line (JSON logs), e.g. to stderr. */
  log?: (container: ComputeTaskName, line: string) => void;
  /** The Node.js binary the tasks run with (default: this process's). */
  nodePath?: string;
  /** Node.js options before the entry point (e.g. `--cpu-prof` to profile the tasks). */
  nodeArgs?: readonly string[];
  /**
   * Run the entry points as the container image runs them, bundled (`deploy/bundle-mpc-image.ts`, built once
   * in the background when the launcher is made), instead of compiling TypeScript through tsx at each
   * task's start. Tasks started before the bundles are ready run through tsx.
   */
  bundled?: boolean;
}

interface LocalTask {
  taskArn: string;
  container: ComputeTaskName;
  child: ChildProcess;
  /** How the task ended: its exit code or signal, or why its process never started. */
  exit?: { code: number | null; signal: NodeJS.Signals | null; startError?: string };
  exited: Promise<void>;
  /** How many outcome lines it logged, plus one once it stopped: what a poll of the job could see change. */
  reports: number;
}

/**
 * `ecs:runTask` on one machine: each task is a child process running the very entry point the container
 * runs, with the environment its task definition sets. Implements the ComputeTasks port over those
 * processes, and hands out a free loopback port per job for the peer link.
 */
export class LocalComputeLauncher implements ComputeTasks, PeerEndpoints {
  private readonly tasks = new Map<string, LocalTask>();
  /** Called at each task's outcome line or stop (`nextReport`). */
  private readonly reportListeners = new Set<() => void>();
  private bundleDirectory: string | undefined;
  private readonly bundling: Promise<string | undefined> | undefined;

  constructor(private readonly options: LocalComputeOptions) {
    this.bundling = options.bundled ? this.bundle() : undefined;
  }

  private async bundle(): Promise<string | undefined> {
    const directory = await mkdtemp(join(tmpdir(), 'mpc-tasks-'));
    try {
      await bundleMpcEntryPoints(directory);
      this.bundleDirectory = directory;
    } catch (error) {
      this.options.log?.(
        'dealer',
        `bundling the entry points failed, tasks run through tsx: ${String(error)}`,
      );
      await rm(directory, { recursive: true, force: true });
      return undefined;
    }
    return directory;
  }

  /** Starts a task; its ARN names the container so logs and CheckJob reasons say which one. */
  start(container: ComputeTaskName, command: readonly string[]): { taskArn: string } {
    const taskArn = `arn:aws:ecs:local:000000000000:task/local/${container}-${randomUUID()}`;
    const child = this.spawnTask(container, command);
    let markExited: () => void = () => undefined;
    const task: LocalTask = {
      taskArn,
      container,
      child,
      exited: new Promise((done) => (markExited = done)),
      reports: 0,
    };
    const startedAt = Date.now();
    this.options.log?.(container, `task started: ${taskArn}`);
    const ended = (exit: NonNullable<LocalTask['exit']>): void => {
      if (task.exit !== undefined) return;
      task.exit = exit;
      // What ECS would show as the stopped task: one line per task in the runtime's log.
      this.options.log?.(
        container,
        `task stopped: ${stoppedReason(task)} after ${Date.now() - startedAt} ms`,
      );
      markExited();
      this.reported(task);
    };
    // 'close', not 'exit': the task's last output lines are read before it counts as stopped.
    child.once('close', (code, signal) => ended({ code, signal }));
    // A process that cannot start (ENOENT, EMFILE, EAGAIN) never exits: it only reports 'error'. Later
    // errors (a failed kill) change nothing about the task, but must not go unhandled either.
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (child.pid === undefined)
        ended({ code: null, signal: null, startError: error.code ?? error.message });
      else this.options.log?.(container, `task process error: ${error.message}`);
    });
    for (const stream of [child.stdout, child.stderr]) {
      let pending = '';
      stream?.on('data', (chunk: Buffer) => {
        const lines = (pending + chunk.toString()).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          if (line.trim() === '') continue;
          this.options.log?.(container, line);
          // The entry points log their outcome once it is in the job status (`runtime/entry-point.ts`).
          if (line.startsWith('{') && line.includes('"outcome"')) this.reported(task);
        }
      });
    }
    this.tasks.set(taskArn, task);
    return { taskArn };
  }

  private spawnTask(container: ComputeTaskName, command: readonly string[]): ChildProcess {
    const bundled = this.bundleDirectory;
    const script = ENTRY_POINTS[container];
    const entry = bundled
      ? [...COMPUTE_TASK_NODE_FLAGS, join(bundled, script.replace(/^bin\/(.*)\.ts$/, '$1.mjs'))]
      : [...COMPUTE_TASK_NODE_FLAGS, '--import', 'tsx', resolve(REPO_ROOT, script)];
    return spawn(
      this.options.nodePath ?? process.execPath,
      [...(this.options.nodeArgs ?? []), ...entry, ...command],
      {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          ...this.options.baseEnv,
          ...this.options.containerEnv[container],
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  }

  private reported(task: LocalTask): void {
    task.reports++;
    for (const listener of [...this.reportListeners]) listener();
  }

  /** How many times the given tasks logged an outcome or stopped, in all (0 for tasks it never started). */
  reportCount(taskArns: readonly string[]): number {
    return taskArns.reduce((sum, taskArn) => sum + (this.tasks.get(taskArn)?.reports ?? 0), 0);
  }

  /**
   * Resolves at the next outcome line or stop of one of the given tasks, or after `withinMs`: the local
   * poll step waits on it instead of a fixed interval, so a finished job is seen as soon as it is reported.
   */
  nextReport(taskArns: readonly string[], withinMs: number): Promise<void> {
    const before = this.reportCount(taskArns);
    return new Promise((done) => {
      const end = (): void => {
        clearTimeout(timer);
        this.reportListeners.delete(listener);
        done();
      };
      const listener = (): void => {
        if (this.reportCount(taskArns) !== before) end();
      };
      const timer = setTimeout(end, withinMs);
      this.reportListeners.add(listener);
    });
  }

  /** `runTask.sync`: starts the task and waits for it to stop; a non-zero exit fails the state. */
  async run(container: ComputeTaskName, command: readonly string[]): Promise<{ taskArn: string }> {
    const { taskArn } = this.start(container, command);
    const task = this.tasks.get(taskArn) as LocalTask;
    await task.exited;
    if (task.exit?.code !== 0) throw new LocalTaskFailed(`${container} task ${stoppedReason(task)}`);
    return { taskArn };
  }

  async describe(taskArns: readonly string[]): Promise<ComputeTaskState[]> {
    return taskArns.map((taskArn) => {
      const task = this.tasks.get(taskArn);
      if (!task) return { taskArn, running: false, stoppedReason: 'MISSING' };
      return task.exit
        ? { taskArn, running: false, stoppedReason: stoppedReason(task) }
        : { taskArn, running: true };
    });
  }

  async stop(taskArns: readonly string[]): Promise<void> {
    await Promise.all(taskArns.map((taskArn) => this.kill(this.tasks.get(taskArn))));
  }

  /** The process of a running task (the fault tests kill one mid-job). */
  runningTasks(container?: ComputeTaskName): { taskArn: string; pid: number }[] {
    return [...this.tasks.values()]
      .filter((task) => !task.exit && (container === undefined || task.container === container))
      .map((task) => ({ taskArn: task.taskArn, pid: task.child.pid ?? -1 }));
  }

  async forJob(): Promise<{ host: string; port: number }> {
    return { host: '127.0.0.1', port: await freePort() };
  }

  /** Ctrl-C: no child outlives the runtime. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.tasks.values()].map((task) => this.kill(task)));
    const bundled = await this.bundling;
    if (bundled) await rm(bundled, { recursive: true, force: true });
  }

  private async kill(task: LocalTask | undefined): Promise<void> {
    if (!task || task.exit) return;
    task.child.kill('SIGTERM');
    const forced = setTimeout(() => task.child.kill('SIGKILL'), 3_000);
    await task.exited;
    clearTimeout(forced);
  }
}

/** What ECS would say: the exit code, or the signal that stopped it. */
function stoppedReason(task: LocalTask): string {
  if (!task.exit) return 'running';
  if (task.exit.startError !== undefined) return `task process failed to start (${task.exit.startError})`;
  return task.exit.signal ? `stopped by ${task.exit.signal}` : `exit code ${task.exit.code}`;
}

/** Named like the Step Functions error of a failed ECS task, so the definition's Catch treats it the same. */
export class LocalTaskFailed extends Error {
  override readonly name = 'States.TaskFailed';
}
