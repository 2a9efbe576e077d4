import type { DcfKeys } from './dcf.ts';
import { postToWorkers, workerThreads, type KernelJob } from './worker-pool.ts';

/**
 * Batched DCF evaluation spread over the worker threads while the API stays synchronous: the calling thread
 * keeps the first share of the keys, copies the rest (their correction words, level by level, and their
 * points) into one SharedArrayBuffer, posts each worker its range, evaluates its own share, then blocks in
 * Atomics.wait until every worker has written its outputs. A key's outputs depend only on that key and its
 * points, so the results are bit for bit those of one thread.
 */

/** Below this many keys per thread the copy and the wake-up cost more than the thread saves. */
export const MIN_KEYS_PER_THREAD = 2048;
/** A worker that has not answered after this long is taken for dead (the call throws). */
const WORKER_ANSWER_MS = 120_000;
const ERROR_TEXT_BYTES = 1024;
/** Int32 slots at the start of the shared buffer. */
const REMAINING = 0;
const FAILED = 1;
const CONTROL_BYTES = 16 + ERROR_TEXT_BYTES;

export interface ThreadSplit {
  /** Threads taking part, the calling thread included. */
  threads: number;
  /** Keys [0, mainKeys) stay on the calling thread. */
  mainKeys: number;
}

/** How a batch of `count` keys is split, or undefined when it is too small to pay (or there are no workers). */
export function splitOverThreads(count: number): ThreadSplit | undefined {
  const threads = Math.min(workerThreads(), Math.floor(count / MIN_KEYS_PER_THREAD));
  if (threads < 2) return undefined;
  return { threads, mainKeys: Math.floor(count / threads) };
}

/** Byte offsets of the shared buffer's regions for `count` keys of `bits` levels and `points` points. */
export interface SharedDcfLayout {
  bits: number;
  count: number;
  points: number;
  valueCorrections: number;
  finalCorrections: number;
  pointWords: number;
  outWords: number;
  seedCorrections: number;
  rootSeeds: number;
  controlCorrections: number;
  bytes: number;
}

export function sharedDcfLayout(bits: number, count: number, points: number): SharedDcfLayout {
  let offset = CONTROL_BYTES;
  const take = (bytes: number): number => {
    const at = offset;
    offset += Math.ceil(bytes / 8) * 8;
    return at;
  };
  const valueCorrections = take(bits * count * 8);
  const finalCorrections = take(count * 8);
  const pointWords = take(points * count * 8);
  const outWords = take(points * count * 8);
  const seedCorrections = take(bits * count * 16);
  const rootSeeds = take(count * 16);
  const controlCorrections = take(bits * count);
  return {
    bits,
    count,
    points,
    valueCorrections,
    finalCorrections,
    pointWords,
    outWords,
    seedCorrections,
    rootSeeds,
    controlCorrections,
    bytes: offset,
  };
}

/** The keys, points and outputs held in a shared buffer of `layout` (views, no copy). */
export function sharedDcfViews(
  buffer: SharedArrayBuffer,
  layout: SharedDcfLayout,
): { keys: DcfKeys; points: BigUint64Array[]; out: BigUint64Array[] } {
  const { bits, count, points } = layout;
  const words = (at: number, length: number): BigUint64Array => new BigUint64Array(buffer, at, length);
  const perPoint = (at: number): BigUint64Array[] =>
    Array.from({ length: points }, (_, p) => words(at + p * count * 8, count));
  return {
    keys: {
      bits,
      count,
      rootSeeds: new Uint8Array(buffer, layout.rootSeeds, count * 16),
      seedCorrections: new Uint8Array(buffer, layout.seedCorrections, bits * count * 16),
      valueCorrections: words(layout.valueCorrections, bits * count),
      controlCorrections: new Uint8Array(buffer, layout.controlCorrections, bits * count),
      finalCorrections: words(layout.finalCorrections, count),
    },
    points: perPoint(layout.pointWords),
    out: perPoint(layout.outWords),
  };
}

/** The message a worker gets: evaluate keys [from, to) of the shared batch. */
export interface DcfSliceJob extends KernelJob {
  kind: 'dcfEvaluate';
  buffer: SharedArrayBuffer;
  layout: SharedDcfLayout;
  party: 0 | 1;
  from: number;
  to: number;
}

/** The worker's side: evaluate, then count itself done (or record its failure) and wake the caller. */
export function answerSlice(
  job: DcfSliceJob,
  evaluate: (keys: DcfKeys, points: BigUint64Array[], out: BigUint64Array[]) => void,
): void {
  const control = new Int32Array(job.buffer, 0, 4);
  try {
    const { keys, points, out } = sharedDcfViews(job.buffer, job.layout);
    evaluate(keys, points, out);
  } catch (error) {
    const text = new TextEncoder()
      .encode(error instanceof Error ? error.message : String(error))
      .subarray(0, ERROR_TEXT_BYTES);
    // The first failing worker writes its message; the length is its flag.
    if (Atomics.compareExchange(control, FAILED, 0, Math.max(1, text.length)) === 0)
      new Uint8Array(job.buffer, 16, ERROR_TEXT_BYTES).set(text);
  } finally {
    Atomics.sub(control, REMAINING, 1);
    Atomics.notify(control, REMAINING);
  }
}

let scratchBuffer: SharedArrayBuffer | undefined;

/**
 * The shared buffer for one dispatch, kept for the next: a fresh one of tens of MiB costs more in zeroing
 * and page faults than the copy into it. Safe to reuse because the caller blocks until the workers are done
 * with it (one dispatch at a time per thread).
 */
function scratch(bytes: number): SharedArrayBuffer {
  if (scratchBuffer === undefined || scratchBuffer.byteLength < bytes)
    scratchBuffer = new SharedArrayBuffer(bytes);
  return scratchBuffer;
}

/** Work handed to the workers: `collect` blocks until they are done and copies their outputs. */
export interface DispatchedSlices {
  collect(out: readonly BigUint64Array[]): void;
}

/**
 * Copies keys [split.mainKeys, count) and their points to shared memory and posts them to
 * `split.threads - 1` workers. Undefined when the pool cannot start that many (the caller runs them itself).
 */
export function dispatchSlices(
  split: ThreadSplit,
  party: 0 | 1,
  keys: DcfKeys,
  points: readonly BigUint64Array[],
): DispatchedSlices | undefined {
  const { bits, count: total } = keys;
  const first = split.mainKeys;
  const count = total - first;
  const layout = sharedDcfLayout(bits, count, points.length);
  const buffer = scratch(layout.bytes);
  const shared = sharedDcfViews(buffer, layout);
  for (let level = 0; level < bits; level++) {
    const from = level * total + first;
    const to = (level + 1) * total;
    shared.keys.seedCorrections.set(keys.seedCorrections.subarray(from * 16, to * 16), level * count * 16);
    shared.keys.valueCorrections.set(keys.valueCorrections.subarray(from, to), level * count);
    shared.keys.controlCorrections.set(keys.controlCorrections.subarray(from, to), level * count);
  }
  shared.keys.rootSeeds.set(keys.rootSeeds.subarray(first * 16, total * 16));
  shared.keys.finalCorrections.set(keys.finalCorrections.subarray(first, total));
  points.forEach((point, p) => shared.points[p]!.set(point.subarray(first, total)));
  const helpers = split.threads - 1;
  const control = new Int32Array(buffer, 0, 4);
  control[REMAINING] = helpers;
  control[FAILED] = 0;
  const jobs: DcfSliceJob[] = Array.from({ length: helpers }, (_, i) => ({
    kind: 'dcfEvaluate',
    buffer,
    layout,
    party,
    from: Math.floor((i * count) / helpers),
    to: Math.floor(((i + 1) * count) / helpers),
  }));
  if (!postToWorkers(jobs)) return undefined;
  return {
    collect(out) {
      const deadline = Date.now() + WORKER_ANSWER_MS;
      for (;;) {
        const remaining = Atomics.load(control, REMAINING);
        if (remaining === 0) break;
        const left = deadline - Date.now();
        if (left <= 0) {
          scratchBuffer = undefined; // a late worker must not write into the next dispatch's buffer
          throw new Error('a DCF worker thread did not answer');
        }
        Atomics.wait(control, REMAINING, remaining, left);
      }
      const failed = Atomics.load(control, FAILED);
      if (failed !== 0) {
        const text = new TextDecoder().decode(new Uint8Array(buffer, 16, failed).slice());
        throw new Error(`a DCF worker thread failed: ${text}`);
      }
      out.forEach((vector, p) => vector.set(shared.out[p]!, first));
    },
  };
}
