/**
 * `npm run bench:mpc`: the MPC engine with A and B as two separate processes linked over loopback TCP
 * (pinned TLS 1.3) and the dealer as a third, each task in fresh processes. First this machine's AES-128
 * block rate and the DCF kernels per tree level (`mpc-kernels.ts`), then the batched kernels (Beaver
 * multiplication, comparisons, the range check), the speed issue's job (`mpc-tasks.ts`) with its goals, and
 * the other statistics jobs. For the issue's job it also runs the dealer and the servers with each further
 * worker-thread count of `--threads`, and with `--rtt-ms` once more through a delaying proxy on the peer link.
 * Every statistics job is checked against its cleartext answer before its speed is reported. Prints one table,
 * then one JSON line. `npm run bench:mpc -- --help` lists the options.
 *
 * Rates "against the AES limit": AES blocks per op (counted through node:crypto on the thread that does the
 * op, `aes-block-counter.ts`) times ops per second, over the one-thread AES-128-ECB block rate measured in the
 * same run. Online figures are per party: each party is one process on its own thread.
 *
 * Rounds are all exchanges of all sub-channels; the row chunks run `MPC_CHUNK_WINDOW` (W) at a time (the
 * party processes inherit it). The link-bound time of a run over the proxy is what its rounds alone cost at
 * best: both parties send at once, so a round costs half the round trip, and W chunks in flight share it:
 * rounds / W x RTT / 2. The chain of the chunks' last tournament levels can make it longer (docs/protocol.md).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shareRows } from '../contract/input/input-codec.ts';
import type { Party } from '../contract/party.ts';
import { decodeResult, encodeResultShare } from '../contract/result/result-codec.ts';
import { benchValue, CleartextFigures } from './bench-rows.ts';
import {
  inputFile,
  inputRowCounts,
  type BenchTask,
  type DealerFigure,
  type KernelFigures,
} from './mpc-bench-config.ts';
import {
  BenchOptionsError,
  MPC_BENCH_USAGE,
  parseMpcBenchOptions,
  type MpcBenchOptions,
} from './mpc-options.ts';
import { runDealer, runKernels, runParties, type PartyLine } from './mpc-processes.ts';
import { benchTasks, ISSUE_TASK, issueDescription } from './mpc-tasks.ts';
import { chunkWindowSetting } from '../mpc-servers/analyses/run-program.ts';

/** The speed issue's goals for its job. */
const GOALS = {
  rows: 1_000_000,
  onlineSeconds: 2.5,
  dealerSeconds: 3,
  materialBytesPerRow: 550,
  rttSeconds: 15,
  rttMs: 30,
} as const;

type StatsTask = BenchTask & { kind: 'stats' };

/** Seconds a run's rounds alone cost at best over a link of `rttMs` (the model above). */
function linkBoundSeconds(run: TaskRun, rttMs: number, window: number): number {
  const rowChunks = Math.ceil((run.task as StatsTask).totalRows / Number(run.parties.A.chunkRows));
  return (run.parties.A.rounds / Math.min(window, rowChunks)) * (rttMs / 2 / 1000);
}

type OpTask = Exclude<BenchTask, StatsTask>;

/** One task's run: both parties' lines and the dealer's figure. */
interface TaskRun {
  task: BenchTask;
  threads: number;
  rttMs?: number;
  parties: Record<Party, PartyLine>;
  dealer: DealerFigure;
}

/** The participants' rows of a statistics job, shared with the client codec; returns their cleartext figures. */
async function writeInputs(directory: string, task: StatsTask): Promise<CleartextFigures> {
  const figures = new CleartextFigures(task.spec);
  for (const [input, count] of inputRowCounts(task).entries()) {
    const rows = Array.from({ length: count }, (_, row) => {
      const values = task.spec.fields.map((field, f) => benchValue(field, f, input, row));
      figures.add(values);
      return values;
    });
    const payloads = shareRows(rows, task.spec.fields);
    await writeFile(inputFile(directory, task.name, input, 'A'), payloads.A);
    await writeFile(inputFile(directory, task.name, input, 'B'), payloads.B);
  }
  return figures;
}

/** Deletes a task's files once its last run is over, so the disk holds one task's material at a time. */
async function removeTaskFiles(directory: string, task: string): Promise<void> {
  for (const name of await readdir(directory))
    if (name.startsWith(`${task}-`)) await rm(join(directory, name), { force: true });
}

function checkAgainstCleartext(
  task: StatsTask,
  parties: Record<Party, PartyLine>,
  figures: CleartextFigures,
): void {
  const share = (party: Party) =>
    encodeResultShare(BigUint64Array.from((parties[party].output as string[]).map(BigInt)));
  const mismatch = figures.mismatch(decodeResult(task.spec, share('A'), share('B')));
  if (mismatch !== undefined)
    throw new Error(`${task.name} job did not reconstruct its cleartext: ${mismatch}`);
}

const fmt = (value: number): string =>
  value >= 1e6
    ? `${(value / 1e6).toFixed(2)}M`
    : value >= 1e3
      ? `${(value / 1e3).toFixed(1)}k`
      : value.toFixed(2);
const percent = (fraction: number): string => `${(fraction * 100).toFixed(fraction < 0.1 ? 1 : 0)}%`;
const goal = (met: boolean, text: string): string => `${text}: ${met ? 'met' : 'NOT met'}`;

const online = (run: TaskRun): number => Math.max(run.parties.A.seconds, run.parties.B.seconds);
/** Blocks per op of the party that did more (A expands its PRG shares, B reads its from the material). */
const onlineBlocks = (run: TaskRun, ops: number): number =>
  Math.max(run.parties.A.aesBlocks, run.parties.B.aesBlocks) / ops;
/** In place of an AES share where worker threads ran: their blocks are not counted. */
const NOT_COUNTED = 'AES blocks: counted in 1-thread runs';
const opsOf = (task: BenchTask): number => (task.kind === 'stats' ? task.totalRows : task.count);

async function main(options: MpcBenchOptions): Promise<void> {
  const tasks = benchTasks(options);
  const [baseline, ...moreThreads] = options.threads as [number, ...number[]];
  const directory = await mkdtemp(join(tmpdir(), 'bench-mpc-'));
  try {
    const seeds = { A: randomBytes(16), B: randomBytes(16) };
    const issue = tasks.find((task) => task.name === ISSUE_TASK) as StatsTask;
    console.log(
      `bench:mpc — A, B and the dealer as separate processes, A-B over loopback TCP (TLS 1.3), ` +
        `${baseline} worker thread(s) unless stated` +
        (options.holdAllInputs ? '; every input held for the whole job (BENCH_HOLD_ALL_INPUTS)' : ''),
    );
    console.log(`${issueDescription}; ${issue.totalRows} rows in ${issue.inputs} inputs`);
    const kernels = new Map<number, KernelFigures>();
    for (const threads of [baseline, ...moreThreads])
      kernels.set(threads, await runKernels(threads, options.quick));
    // The ceiling: the fastest AES run of any kernel process (each ran on one thread).
    const limit = Math.max(...[...kernels.values()].map((figures) => figures.aesBlocksPerSec));

    const runs: TaskRun[] = [];
    for (const task of tasks) {
      const figures = task.kind === 'stats' ? await writeInputs(directory, task) : undefined;
      const dealerConfig = {
        directory,
        seeds: { A: seeds.A.toString('base64'), B: seeds.B.toString('base64') },
        task,
        write: true,
      };
      const written = await runDealer(dealerConfig, baseline);
      // With worker threads the dealer keeps making chunks while it writes, so writes cannot be taken out of
      // its time: a second run writes nothing and gives the time.
      const dealer = baseline === 1 ? written : await runDealer({ ...dealerConfig, write: false }, baseline);
      const party = { directory, seeds, tasks: [task], holdAllInputs: options.holdAllInputs };
      const variants: { threads: number; rttMs?: number }[] = [{ threads: baseline }];
      if (task.name === ISSUE_TASK) {
        for (const threads of moreThreads) variants.push({ threads });
        if (options.rttMs !== undefined) variants.push({ threads: baseline, rttMs: options.rttMs });
      }
      for (const variant of variants) {
        const lines = await runParties({ ...party, ...variant });
        const parties = { A: lines.A[0]!, B: lines.B[0]! };
        if (task.kind === 'stats') checkAgainstCleartext(task, parties, figures!);
        // The dealer's time with another thread count: the same material made again, not written.
        const dealt =
          variant.threads === baseline
            ? dealer
            : await runDealer({ ...dealerConfig, write: false }, variant.threads);
        runs.push({ task, ...variant, parties, dealer: dealt });
        // Progress on stderr, so a long run shows where it is before the table.
        const ran = runs.at(-1)!;
        console.error(
          `bench:mpc: ${task.name}, ${variant.threads} thread(s)${variant.rttMs === undefined ? '' : `, RTT ${variant.rttMs} ms`}: ` +
            `online ${online(ran).toFixed(2)} s, ${ran.parties.A.rounds} rounds, dealer ${dealt.seconds.toFixed(2)} s`,
        );
      }
      await removeTaskFiles(directory, task.name);
    }
    report(options, kernels, limit, runs, baseline);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

function report(
  options: MpcBenchOptions,
  kernels: Map<number, KernelFigures>,
  limit: number,
  runs: TaskRun[],
  baseline: number,
): void {
  const window = chunkWindowSetting();
  const header = [
    'operation',
    'size',
    'online (A, B processes)',
    'rounds',
    'sent/party',
    'dealer',
    'against the AES limit',
    'goal',
  ];
  const rows: string[][] = [];
  const against = (blocksPerOp: number, opsPerSec: number): string =>
    blocksPerOp === 0
      ? '0 blocks/op'
      : `${blocksPerOp.toFixed(blocksPerOp < 10 ? 2 : 0)} blocks x ${fmt(opsPerSec)}/s = ${percent((blocksPerOp * opsPerSec) / limit)}`;
  const base = kernels.get(baseline)!;
  rows.push([
    'AES-128-ECB, node:crypto, 1 thread',
    `${AES_CALL_KIB} KiB per call`,
    `${fmt(limit)} blocks/s (4 MiB calls: ${fmt(base.aesLargeCallBlocksPerSec)})`,
    '',
    '',
    '',
    'the limit (100%)',
    '',
  ]);
  // Blocks per level are counted on the main thread: from a one-thread run, when there was one.
  const oneThread = kernels.get(1);
  const kernelShare = (blocksPerLevel: (figures: KernelFigures) => number, levelsPerSec: number): string =>
    oneThread ? against(blocksPerLevel(oneThread), levelsPerSec) : NOT_COUNTED;
  for (const [threads, figures] of kernels) {
    const gen = figures.generateLevelsPerSec;
    const evaluate = figures.evaluateLevelsPerSec;
    rows.push([
      `DCF ${figures.dcfBits}-bit key generation (dealer chunks), per level`,
      `${figures.dcfKeys} keys, ${threads} thread(s)`,
      '',
      '',
      '',
      `${fmt(gen)} levels/s (${fmt(gen / figures.dcfBits)} keys/s)`,
      kernelShare((counted) => counted.generateBlocksPerLevel, gen),
      '',
    ]);
    rows.push([
      `DCF ${figures.dcfBits}-bit evaluation, per level`,
      `${figures.dcfKeys} keys, ${threads} thread(s)`,
      `${fmt(evaluate)} levels/s (${fmt(evaluate / figures.dcfBits)} keys/s)`,
      '',
      '',
      '',
      kernelShare((counted) => counted.evaluateBlocksPerLevel, evaluate),
      '',
    ]);
  }

  const onlineCompare = new Map<string, number>();
  for (const run of runs) {
    const { task, dealer } = run;
    const seconds = online(run);
    const ops = opsOf(task);
    const dealerRate = dealer.ops / dealer.seconds;
    const dealerBlocks = dealer.aesBlocks / dealer.ops;
    const sent = run.parties.A.bytesSent;
    if (task.kind !== 'stats') {
      const rate = ops / seconds;
      const op = task as OpTask;
      if (op.kind !== 'multiply') onlineCompare.set(op.name, rate);
      const label =
        op.kind === 'multiply'
          ? 'Beaver multiplication (64-bit ring)'
          : op.kind === 'compare'
            ? `comparison, ${op.bits}-bit (DCF, 1 round)`
            : 'range check, whole ring (DCF, 2 evaluations, 1 round)';
      const isKeyRate = op.kind === 'compare' && op.bits === 64;
      rows.push([
        label,
        `batch ${op.count}`,
        `${fmt(rate)} ops/s`,
        String(run.parties.A.rounds),
        `${(sent / (op.count * op.repeats)).toFixed(1)} B/op`,
        `${fmt(dealerRate)} ${op.kind === 'multiply' ? 'triples' : 'keys'}/s, A ${(dealer.bytes.A / dealer.ops).toFixed(0)} / B ${(dealer.bytes.B / dealer.ops).toFixed(0)} B/op`,
        // Blocks are counted on each process's main thread: complete only in a one-thread run.
        run.threads === 1
          ? `online ${against(onlineBlocks(run, op.count), rate)}; dealer ${against(dealerBlocks, dealerRate)}`
          : NOT_COUNTED,
        isKeyRate
          ? goal(dealerRate >= rate, `dealer keys/s >= online cmp/s (${(dealerRate / rate).toFixed(2)}x)`)
          : '',
      ]);
      continue;
    }
    const rowsPerSec = task.totalRows / seconds;
    const material = Math.max(dealer.bytes.A, dealer.bytes.B) / task.totalRows;
    const variant =
      run.rttMs !== undefined
        ? `, peer link RTT ${run.rttMs} ms`
        : run.threads !== baseline
          ? `, ${run.threads} threads`
          : '';
    const isIssue = task.name === ISSUE_TASK;
    // The time goals are for the issue's size; the material goal holds per row at any size.
    const atIssueSize = task.totalRows === GOALS.rows;
    const timeGoal = (met: boolean, text: string): string =>
      atIssueSize ? goal(met, text) : `${text}: for ${GOALS.rows} rows`;
    const goals = !isIssue
      ? ''
      : run.rttMs !== undefined
        ? `link-bound ${linkBoundSeconds(run, run.rttMs, window).toFixed(2)} s; ` +
          (run.rttMs === GOALS.rttMs
            ? timeGoal(seconds <= GOALS.rttSeconds, `online <= ${GOALS.rttSeconds} s at ${GOALS.rttMs} ms`)
            : `(the goal, <= ${GOALS.rttSeconds} s, is for ${GOALS.rttMs} ms)`)
        : [
            timeGoal(seconds <= GOALS.onlineSeconds, `online <= ${GOALS.onlineSeconds} s`),
            timeGoal(dealer.seconds <= GOALS.dealerSeconds, `dealer <= ${GOALS.dealerSeconds} s`),
            goal(
              material <= GOALS.materialBytesPerRow,
              `material <= ${GOALS.materialBytesPerRow} B/row/server`,
            ),
          ].join('; ');
    // AES blocks are counted on each process's main thread, so completely only in a one-thread run; the
    // blocks a job takes do not depend on its threads, so other runs use the one-thread run's count.
    const counted = runs.find(
      (other) => other.task === task && other.threads === 1 && other.rttMs === undefined,
    );
    rows.push([
      `${task.label}${variant}`,
      `${task.totalRows} rows, ${task.inputs} inputs`,
      `${seconds.toFixed(2)} s (${fmt(rowsPerSec)} rows/s)`,
      `${run.parties.A.rounds} (window ${window})`,
      `${(sent / task.totalRows).toFixed(1)} B/row`,
      `${dealer.seconds.toFixed(2)} s (${fmt(dealerRate)} rows/s), A ${(dealer.bytes.A / task.totalRows).toFixed(0)} / B ${(dealer.bytes.B / task.totalRows).toFixed(0)} B/row`,
      counted && run.rttMs === undefined
        ? `online ${against(onlineBlocks(counted, task.totalRows), rowsPerSec)}; ` +
          `dealer ${against(counted.dealer.aesBlocks / counted.dealer.ops, dealerRate)}`
        : '',
      goals,
    ]);
  }
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)));
  for (const row of [header, ...rows])
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join(' | ')
        .trimEnd(),
    );
  for (const run of runs) {
    if (run.threads !== baseline || run.rttMs !== undefined) continue;
    const rss = (party: Party): string => run.parties[party].maxRssMiB.toFixed(0);
    console.log(`peak RSS ${run.task.name}: A ${rss('A')} MiB, B ${rss('B')} MiB`);
  }
  console.log(JSON.stringify(summary(options, kernels, limit, runs, baseline, onlineCompare)));
}

const AES_CALL_KIB = 256;

/** The JSON line: the issue's figures first, then the figures earlier runs printed (docs/protocol.md). */
function summary(
  options: MpcBenchOptions,
  kernels: Map<number, KernelFigures>,
  limit: number,
  runs: TaskRun[],
  baseline: number,
  onlineCompare: Map<string, number>,
): Record<string, unknown> {
  const runOf = (task: string, threads = baseline, rttMs?: number): TaskRun | undefined =>
    runs.find((run) => run.task.name === task && run.threads === threads && run.rttMs === rttMs);
  const issue = runOf(ISSUE_TASK)!;
  const rows = opsOf(issue.task);
  const out: Record<string, unknown> = {
    issueRows: rows,
    issueOnlineSec: round(online(issue), 3),
    issueDealerSec: round(issue.dealer.seconds, 3),
    issueRounds: issue.parties.A.rounds,
    chunkWindow: chunkWindowSetting(),
    issueBytesSentPerRow: round(issue.parties.A.bytesSent / rows, 2),
    issueMaterialBytesPerRowA: round(issue.dealer.bytes.A / rows, 1),
    issueMaterialBytesPerRowB: round(issue.dealer.bytes.B / rows, 1),
    issueOnlineAesBlocksPerRow: round(onlineBlocks(issue, rows), 1),
    issueDealerAesBlocksPerRow: round(issue.dealer.aesBlocks / rows, 1),
    aesBlocksPerSec: Math.round(limit),
    threads: options.threads,
  };
  for (const [threads, figures] of kernels) {
    out[`dcfGenerateLevelsPerSec${threads}T`] = Math.round(figures.generateLevelsPerSec);
    out[`dcfEvaluateLevelsPerSec${threads}T`] = Math.round(figures.evaluateLevelsPerSec);
    const run = runOf(ISSUE_TASK, threads);
    if (run && threads !== baseline) {
      out[`issueOnlineSec${threads}T`] = round(online(run), 3);
      out[`issueDealerSec${threads}T`] = round(run.dealer.seconds, 3);
    }
  }
  if (options.rttMs !== undefined) {
    const run = runOf(ISSUE_TASK, baseline, options.rttMs)!;
    Object.assign(out, {
      rttMs: options.rttMs,
      issueRttSec: round(online(run), 3),
      issueRttRounds: run.parties.A.rounds,
      issueRttLinkBoundSec: round(linkBoundSeconds(run, options.rttMs, chunkWindowSetting()), 3),
    });
  }
  const multiply = runOf('multiply')!;
  const compare64 = runOf('compare64')!;
  Object.assign(out, {
    multPerSec: Math.round(opsOf(multiply.task) / online(multiply)),
    cmpPerSec: Math.round(onlineCompare.get('compare64')!),
    cmp32PerSec: Math.round(onlineCompare.get('compare32')!),
    cmp16PerSec: Math.round(onlineCompare.get('compare16')!),
    rangeCheckPerSec: Math.round(onlineCompare.get('rangeCheck')!),
    dealerTriplesPerSec: Math.round(multiply.dealer.ops / multiply.dealer.seconds),
    dealerCmp64PerSec: Math.round(compare64.dealer.ops / compare64.dealer.seconds),
    peakRssMiB: Math.round(
      Math.max(...runs.flatMap((run) => [run.parties.A.maxRssMiB, run.parties.B.maxRssMiB])),
    ),
  });
  for (const run of runs) {
    if (run.task.kind !== 'stats' || run.task.name === ISSUE_TASK || run.threads !== baseline) continue;
    const perRow = run.task.totalRows;
    out[`${run.task.name}Rows`] = perRow;
    out[`${run.task.name}MillionRowsSec`] = round((online(run) * 1e6) / perRow, 3);
    out[`${run.task.name}BytesPerRow`] = round(run.parties.A.bytesSent / perRow, 2);
    out[`${run.task.name}DealerBytesPerRowB`] = round(run.dealer.bytes.B / perRow, 1);
    out[`${run.task.name}PeakRssMiB`] = Math.round(
      Math.max(run.parties.A.maxRssMiB, run.parties.B.maxRssMiB),
    );
  }
  // What the validity check costs: time per row with it over time per row without it.
  const perRow = (run: TaskRun | undefined): number =>
    run === undefined ? NaN : online(run) / opsOf(run.task);
  out.issueValidityTimeFactor = round(perRow(issue) / perRow(runOf('issueNoValidity')), 2);
  out.validityTimeFactor = round(perRow(runOf('stats')) / perRow(runOf('statsNoValidity')), 2);
  return out;
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

let options: MpcBenchOptions | undefined;
try {
  options = parseMpcBenchOptions(process.argv.slice(2), process.env);
} catch (error) {
  if (!(error instanceof BenchOptionsError)) throw error;
  console.error(`bench:mpc: ${error.message} (--help lists the options)`);
  process.exit(1);
}
if (options === undefined) console.log(MPC_BENCH_USAGE);
else await main(options);
