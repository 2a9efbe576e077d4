import { describe, expect, it } from 'vitest';
import { BenchOptionsError, parseMpcBenchOptions } from '../../../bench/mpc-options.ts';

describe('bench:mpc options', () => {
  it('defaults to the issue size, 1 and 2 threads and no proxy', () => {
    const options = parseMpcBenchOptions([], {})!;
    expect(options).toMatchObject({ rows: 1_000_000, threads: [1, 2], rttMs: undefined, issueOnly: false });
  });

  it('takes the command line over the environment', () => {
    const options = parseMpcBenchOptions(['--rows', '5000', '--rtt-ms', '30', '--threads', '2,1'], {
      BENCH_ROWS: '7',
      BENCH_PEER_RTT_MS: '10',
    })!;
    expect(options).toMatchObject({ rows: 5000, rttMs: 30, threads: [2, 1] });
    expect(parseMpcBenchOptions([], { BENCH_PEER_RTT_MS: '12.5', BENCH_ISSUE_ONLY: '1' })).toMatchObject({
      rttMs: 12.5,
      issueOnly: true,
    });
  });

  it('answers --help with undefined', () => {
    expect(parseMpcBenchOptions(['--help'], {})).toBeUndefined();
  });

  it.each([
    [['--rows', 'abc'], /--rows must be an integer >= 1, got "abc"/],
    [['--rows', '0'], /--rows must be an integer/],
    [['--threads', '1,x'], /--threads must be an integer/],
    [['--threads', '1,1'], /lists a count twice/],
    [['--threads', '65'], /from 1 to 64/],
    [['--rtt-ms=-5'], /--rtt-ms must be a number of milliseconds/],
    [['--rtt-ms', '-5'], /Did you forget to specify the option argument for '--rtt-ms'/],
    [['--rtt-ms'], /argument missing/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['extra'], /Unexpected argument 'extra'/],
  ])('refuses %j in one line', (argv, message) => {
    let thrown: unknown;
    try {
      parseMpcBenchOptions(argv, {});
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BenchOptionsError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain('\n');
  });
});
