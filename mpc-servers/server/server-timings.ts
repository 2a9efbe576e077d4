/**
 * Where one server's job time goes, logged with its outcome (`bin/mpc-server.ts`) so the job's time can be
 * read from the task log (`npm run bench:local-job`). All in milliseconds of wall time.
 */
export interface ServerTimings {
  /** Job description, dealer manifest and the up-front check of every input share. */
  loadMs: number;
  /** Listening for (B) or connecting to (A) the peer until the link is up. */
  linkMs: number;
  /** The program, from the agreement round to the last chunk's output. */
  computeMs: number;
  /** Of `computeMs`, how long the computation stood waiting for a chunk of dealer material. */
  materialWaitMs: number;
  /** Fetching and opening material (summed over chunks; overlaps computing through the prefetch). */
  materialReadMs: number;
  materialBytes: number;
  /** Sealing and writing the result shares. */
  resultMs: number;
}

export function emptyTimings(): ServerTimings {
  return {
    loadMs: 0,
    linkMs: 0,
    computeMs: 0,
    materialWaitMs: 0,
    materialReadMs: 0,
    materialBytes: 0,
    resultMs: 0,
  };
}

/** Adds the time `work` takes to `timings[field]`. */
export async function timed<T>(
  timings: ServerTimings,
  field: Exclude<keyof ServerTimings, 'materialBytes'>,
  work: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[field] += performance.now() - started;
  }
}

/** The timings in whole milliseconds, for the log. */
export function roundedTimings(timings: ServerTimings): ServerTimings {
  const entries = Object.entries(timings).map(([key, value]) => [key, Math.round(value)]);
  return Object.fromEntries(entries) as unknown as ServerTimings;
}
