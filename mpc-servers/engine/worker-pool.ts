import { availableParallelism } from 'node:os';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * The computation's threads: up to `workerThreads()` worker threads that run kernel jobs
 * (`kernel-worker.ts`), started on first use and kept for the life of the process. The count comes from
 * `setWorkerThreads`, else MPC_WORKER_THREADS, else the machine's parallelism (`os.availableParallelism()`);
 * 1 means no worker at all: every kernel runs on the calling thread as before.
 *
 * Two ways to use a worker: `run` posts a job and resolves with its answer (the dealer's chunks), and
 * `post` only posts it, for jobs that answer through shared memory while the caller blocks in Atomics.wait
 * (the servers' synchronous DCF evaluation). Workers are unreferenced while no `run` job is pending, so an
 * idle pool never keeps a process alive.
 */
export const WORKER_THREADS_VARIABLE = 'MPC_WORKER_THREADS';

let configured: number | undefined;

/** A thread count from its configuration text; undefined (or empty) means the machine's parallelism. */
export function parseWorkerThreads(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return availableParallelism();
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > MAX_WORKER_THREADS)
    throw new RangeError(
      `${WORKER_THREADS_VARIABLE} must be an integer from 1 to ${MAX_WORKER_THREADS}, got "${text}"`,
    );
  return value;
}

/** More threads than any Fargate task has vCPUs is a configuration mistake. */
export const MAX_WORKER_THREADS = 64;

/** Sets the thread count for this process (the entry points, benchmarks and tests); 1 = no workers. */
export function setWorkerThreads(threads: number): void {
  parseWorkerThreads(String(threads));
  configured = threads;
}

/** The threads the kernels may use, the calling thread included. */
export function workerThreads(): number {
  configured ??= parseWorkerThreads(process.env[WORKER_THREADS_VARIABLE]);
  return configured;
}

/** A job message for `kernel-worker.ts`: `kind` picks the kernel, the rest is its input. */
export interface KernelJob {
  kind: string;
  [field: string]: unknown;
}

interface PendingJob {
  resolve: (answer: unknown) => void;
  reject: (error: Error) => void;
}

class PooledWorker {
  readonly worker: Worker;
  readonly pending = new Map<number, PendingJob>();
  /** Jobs posted by `run` and not yet answered. */
  queued = 0;
  /** Set once the worker has loaded its modules and listens for jobs. */
  ready = false;
  readonly whenReady: Promise<void>;
  #markReady: () => void = () => undefined;

  constructor(onExit: (worker: PooledWorker) => void) {
    let failReady: (error: Error) => void = () => undefined;
    this.whenReady = new Promise<void>((resolve, reject) => {
      this.#markReady = resolve;
      failReady = reject;
    });
    this.whenReady.catch(() => undefined);
    const { filename, options } = workerEntry();
    this.worker = new Worker(filename, options);
    this.worker.unref();
    this.worker.on('message', (message: { id: number; ready?: true; answer?: unknown; error?: string }) => {
      if (message.ready) {
        this.ready = true;
        this.#markReady();
        return;
      }
      const job = this.pending.get(message.id);
      if (!job) return;
      this.pending.delete(message.id);
      this.queued--;
      if (this.pending.size === 0) this.worker.unref();
      if (message.error === undefined) job.resolve(message.answer);
      else job.reject(new Error(message.error));
    });
    const fail = (error: Error): void => {
      failReady(error);
      for (const job of this.pending.values()) job.reject(error);
      this.pending.clear();
      onExit(this);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`a kernel worker thread exited with code ${code}`)));
  }
}

let nextJobId = 1;
const pool: PooledWorker[] = [];

/** Up to `count` workers (never more than `workerThreads()`), started if need be. */
function workers(count: number): PooledWorker[] {
  const wanted = Math.min(count, workerThreads());
  while (pool.length < wanted) {
    pool.push(
      new PooledWorker((gone) => {
        const index = pool.indexOf(gone);
        if (index >= 0) pool.splice(index, 1);
      }),
    );
  }
  return pool.slice(0, wanted);
}

/** The least busy of the pool's workers (the pool grows to `workerThreads()` first). */
function leastBusy(): PooledWorker {
  const all = workers(workerThreads());
  return all.reduce((best, worker) => (worker.queued < best.queued ? worker : best));
}

/** Runs `job` on a worker; `transfer` lists buffers moved (not copied) to it. */
export function runOnWorker<T>(job: KernelJob, transfer: ArrayBuffer[] = []): Promise<T> {
  const target = leastBusy();
  const id = nextJobId++;
  return new Promise<T>((resolve, reject) => {
    target.pending.set(id, { resolve: resolve as (answer: unknown) => void, reject });
    target.queued++;
    target.worker.ref();
    target.worker.postMessage({ id, job }, transfer);
  });
}

/**
 * Posts one job to each of `jobs.length` distinct workers without waiting for answers: the jobs report
 * through shared memory they carry, while the caller blocks. Returns false, posting nothing, unless that
 * many workers are running and ready: a worker still loading its modules may need the calling thread's event
 * loop (under tsx), which a blocked caller would never give it. A false answer starts the missing workers.
 */
export function postToWorkers(jobs: readonly KernelJob[]): boolean {
  const targets = workers(jobs.length);
  if (targets.length < jobs.length || !targets.every((target) => target.ready)) return false;
  jobs.forEach((job, i) => targets[i]!.worker.postMessage({ id: 0, job }));
  return true;
}

/**
 * Starts `count` workers (default as many as threads) and resolves once each is ready: an entry point's
 * warm-up before a job. No worker when the pool has one thread.
 */
export async function startWorkers(count = workerThreads()): Promise<void> {
  const all = workerThreads() > 1 ? workers(count) : [];
  await Promise.all(all.map((target) => target.whenReady));
}

/**
 * The worker's entry next to this module: `mpc-worker.mjs` beside the bundled entry point in the container
 * image; under tsx and vitest the TypeScript source, through a small bootstrap that registers tsx in the
 * worker first (a worker's `--import` hooks do not reach its own entry module on Node 20).
 */
function workerEntry(): { filename: URL | string; options: WorkerOptions } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { filename: new URL(`./${BUNDLED_WORKER_FILE}`, here), options: {} };
  const entry = JSON.stringify(new URL('./kernel-worker.ts', here).href);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return {
    filename: `import(${tsx}).then(({ register }) => { register(); return import(${entry}); });`,
    options: { eval: true },
  };
}

/** The worker's file name in the container image, written by `deploy/bundle-mpc-image.ts`. */
export const BUNDLED_WORKER_FILE = 'mpc-worker.mjs';
