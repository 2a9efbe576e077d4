import { parseArgs } from 'node:util';

/** What `npm run bench:mpc` runs, from its command line (first) and environment (second). */
export interface MpcBenchOptions {
  /** Rows of the speed issue's job. */
  rows: number;
  /** Worker-thread counts the issue's job and the kernels run with; the first is the baseline. */
  threads: number[];
  /** Round-trip time (ms) of a delaying proxy on the peer link for one more run of the issue's job. */
  rttMs: number | undefined;
  /** Only the AES limit, the kernels and the issue's job (with its thread and RTT runs). */
  issueOnly: boolean;
  quick: boolean;
  /** Rows of the other statistics jobs (the former 10^6-row ones). */
  otherRows: number;
  manyRows: number;
  manyInputs: number;
  quantileRows: number;
  groupRows: number;
  releaseRows: number;
  holdAllInputs: boolean;
}

export class BenchOptionsError extends Error {
  override readonly name = 'BenchOptionsError';
}

export const MPC_BENCH_USAGE = `usage: npm run bench:mpc -- [options]
  --rows N         rows of the issue's job (count; mean, variance, 4-edge histogram of an int in [0, 365];
                   sum, min, max of a fixed:8 in [0, 100000]), default 1000000 (BENCH_ROWS)
  --threads LIST   worker threads for the kernels, the dealer and each server, e.g. 1,2 (default 1,2;
                   BENCH_THREADS); the first count is the one every other figure uses
  --rtt-ms MS      one more run of the issue's job with the peer link through a proxy adding MS ms of round
                   trip (BENCH_PEER_RTT_MS)
  --issue-only     only the AES limit, the kernels and the issue's job (BENCH_ISSUE_ONLY=1)
  --quick          small sizes everywhere (BENCH_QUICK=1)
  --other-rows N   rows of the other statistics jobs, default 100000 (BENCH_OTHER_ROWS)
  --help           this text
Also BENCH_MANY_ROWS (100000), BENCH_MANY_INPUTS (8), BENCH_QUANTILE_ROWS (100000), BENCH_GROUP_ROWS
(20000) and BENCH_RELEASE_ROWS (100000) size the other jobs; BENCH_HOLD_ALL_INPUTS=1 holds every decoded
input for the whole job; BENCH_CPU_PROF_DIR=DIR starts the kernel, dealer and party processes with
--cpu-prof --cpu-prof-dir=DIR.`;

/** Parses the options; undefined means `--help` was asked for. Throws BenchOptionsError on bad input. */
export function parseMpcBenchOptions(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): MpcBenchOptions | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        rows: { type: 'string' },
        threads: { type: 'string' },
        'rtt-ms': { type: 'string' },
        'issue-only': { type: 'boolean' },
        quick: { type: 'boolean' },
        'other-rows': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    // parseArgs says what is wrong over a few lines: keep them on one, without its hints on quoting.
    const lines = (error as Error).message.split('\n').filter((line) => !line.startsWith('To specify'));
    throw new BenchOptionsError(lines.join(' ').replace(/\. To specify.*$/, '.'));
  }
  if (values.help) return undefined;
  const quick = values.quick === true || env.BENCH_QUICK === '1';
  const count = (name: string, text: string | undefined, fallback: number, min = 1): number => {
    if (text === undefined) return fallback;
    const value = Number(text);
    if (text.trim() === '' || !Number.isSafeInteger(value) || value < min)
      throw new BenchOptionsError(`${name} must be an integer >= ${min}, got "${text}"`);
    return value;
  };
  const rttText = values['rtt-ms'] ?? env.BENCH_PEER_RTT_MS;
  let rttMs: number | undefined;
  if (rttText !== undefined) {
    rttMs = Number(rttText);
    if (rttText.trim() === '' || !Number.isFinite(rttMs) || rttMs < 0 || rttMs > 10_000)
      throw new BenchOptionsError(
        `--rtt-ms must be a number of milliseconds from 0 to 10000, got "${rttText}"`,
      );
  }
  const threadsText = values.threads ?? env.BENCH_THREADS ?? '1,2';
  const threads = threadsText.split(',').map((part) => count('--threads', part.trim(), 1));
  if (threads.some((n) => n > 64))
    throw new BenchOptionsError(`--threads takes counts from 1 to 64, got "${threadsText}"`);
  if (new Set(threads).size !== threads.length)
    throw new BenchOptionsError(`--threads lists a count twice: "${threadsText}"`);
  return {
    rows: count('--rows', values.rows ?? env.BENCH_ROWS, quick ? 20_000 : 1_000_000),
    threads,
    rttMs,
    issueOnly: values['issue-only'] === true || env.BENCH_ISSUE_ONLY === '1',
    quick,
    otherRows: count('--other-rows', values['other-rows'] ?? env.BENCH_OTHER_ROWS, quick ? 20_000 : 100_000),
    manyRows: count('BENCH_MANY_ROWS', env.BENCH_MANY_ROWS, quick ? 40_000 : 100_000),
    manyInputs: count('BENCH_MANY_INPUTS', env.BENCH_MANY_INPUTS, 8),
    quantileRows: count('BENCH_QUANTILE_ROWS', env.BENCH_QUANTILE_ROWS, quick ? 4_000 : 100_000),
    groupRows: count('BENCH_GROUP_ROWS', env.BENCH_GROUP_ROWS, quick ? 2_000 : 20_000),
    releaseRows: count('BENCH_RELEASE_ROWS', env.BENCH_RELEASE_ROWS, quick ? 20_000 : 100_000),
    holdAllInputs: env.BENCH_HOLD_ALL_INPUTS === '1',
  };
}
