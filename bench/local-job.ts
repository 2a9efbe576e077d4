import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CreateCollaborationRequest } from '../client/sdk/api-models.ts';
import { fetchResult, type AnalysisResult } from '../client/sdk/fetch-result.ts';
import { collaborationOfParticipants, startE2eSystem, upload } from '../local/harness/whole-system.ts';

/**
 * One job through the whole local system, as `npm start` runs it (API, state machine, dealer and servers as
 * processes, material streamed from the dealer unless MPC_MATERIAL_PATH=s3 is set), participants through the SDK: the seconds from the last input's
 * completion to RESULT_READY and where they go (workflow states, the dealer, each server's phases from its
 * outcome log line, peak RSS of each task).
 *
 * `npm run bench:local-job -- [--inputs 4] [--rows 25000] [--cpu-prof DIR]`
 *   --rows: rows per input (250000 for the 10^6-row job); --material: how dealer material travels (default
 *   the tasks' default, the stream); --cpu-prof: each task writes a V8 CPU profile there;
 *   --task-log: every line of every task (and of the workflow runner), with the time it arrived.
 */
const USAGE =
  'usage: npm run bench:local-job -- [--inputs N] [--rows N] [--material stream|s3] [--cpu-prof DIR] [--task-log FILE]';

interface Options {
  inputs: number;
  rows: number;
  cpuProfDir?: string;
  taskLogFile?: string;
  material?: 'stream' | 's3';
}

function parseOptions(args: string[]): Options {
  const options: Options = { inputs: 4, rows: 25_000 };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    const value = args[i + 1];
    if (flag === '--help') {
      console.log(USAGE);
      process.exit(0);
    }
    if (value === undefined || value.startsWith('--')) fail(`${flag} needs a value (${USAGE})`);
    i++;
    if (flag === '--inputs' || flag === '--rows') {
      const number = Number(value);
      const max = flag === '--inputs' ? 64 : 2_000_000;
      if (!Number.isInteger(number) || number < 1 || number > max)
        fail(`${flag} must be a whole number from 1 to ${max}, got ${value}`);
      options[flag === '--inputs' ? 'inputs' : 'rows'] = number;
    } else if (flag === '--cpu-prof') options.cpuProfDir = resolve(value);
    else if (flag === '--task-log') options.taskLogFile = resolve(value);
    else if (flag === '--material') {
      if (value !== 'stream' && value !== 's3') fail(`--material must be stream or s3, got ${value}`);
      options.material = value;
    } else fail(`unknown option ${flag} (${USAGE})`);
  }
  return options;
}

function fail(message: string): never {
  process.stderr.write(`bench:local-job: ${message}\n`);
  process.exit(1);
}

const options = parseOptions(process.argv.slice(2));

// The job of the speed issue: an int field in [0, 365] and a fixed-point field (8 fractional bits).
const FIELDS = [
  { name: 'days', type: 'int', min: 0, max: 365 },
  { name: 'amount', type: 'fixed', fractionalBits: 8, min: 0, max: 100000 },
] as CreateCollaborationRequest['inputSchema']['fields'];
const BIN_EDGES = [30, 90, 180, 270];
const ANALYSES: CreateCollaborationRequest['analyses'] = [
  { kind: 'count' },
  { kind: 'mean', field: 'days' },
  { kind: 'variance', field: 'days' },
  { kind: 'histogram', field: 'days', binEdges: BIN_EDGES },
  { kind: 'sum', field: 'amount' },
  { kind: 'min', field: 'amount' },
  { kind: 'max', field: 'amount' },
];

/** Deterministic rows per input: days in [0, 365], amounts in [0, 100000] on the 1/256 grid. */
function rowsOf(input: number, count: number): number[][] {
  let state = (input + 1) * 0x9e3779b1;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  return Array.from({ length: count }, () => [next() % 366, (next() % 25_600_001) / 256]);
}

/** When each line of a task arrived here, with the task's outcome fields once it logged them. */
interface TaskRecord {
  startedAt?: number;
  stoppedAt?: number;
  /** When its outcome line arrived: the job status has it then, and the next poll may see it before the stop. */
  outcomeAt?: number;
  outcome?: Record<string, unknown>;
  failure?: string;
}
const tasks: Record<string, TaskRecord> = { dealer: {}, serverA: {}, serverB: {} };
const taskLines: string[] = [];
function taskLog(container: string, line: string): void {
  if (options.taskLogFile) taskLines.push(`${new Date().toISOString()} [${container}] ${line}`);
  const task = (tasks[container] ??= {});
  if (line.startsWith('task started')) task.startedAt = Date.now();
  else if (line.startsWith('task stopped')) task.stoppedAt = Date.now();
  else if (line.startsWith('{')) {
    try {
      const fields = JSON.parse(line) as Record<string, unknown>;
      if (fields.outcome === 'DONE') {
        task.outcome = fields;
        task.outcomeAt = Date.now();
      }
      if (fields.outcome === 'FAILED')
        task.failure = `${String(fields.reasonCode)}: ${String(fields.message)}`;
    } catch {
      // not one of the tasks' JSON lines
    }
  }
}

if (options.cpuProfDir) await mkdir(options.cpuProfDir, { recursive: true });
const e2e = await startE2eSystem({
  taskLog,
  // The production peer timeouts, not the harness's shorter ones (which only speed up failures): on a busy
  // machine a 5 s silence fails an attempt and the figure would time its retry.
  taskEnv: options.material ? { MPC_MATERIAL_PATH: options.material } : {},
  ...(options.cpuProfDir ? { taskNodeArgs: ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] } : {}),
});
let exitCode = 0;
try {
  const { collaborationId, members } = await collaborationOfParticipants(
    e2e,
    'bench local job',
    { analyses: ANALYSES, inputSchema: { fields: FIELDS } },
    options.inputs,
  );
  const allRows: number[][] = [];
  const uploadMs: number[] = [];
  for (const [p, member] of members.entries()) {
    const rows = rowsOf(p, options.rows);
    for (const row of rows) allRows.push(row);
    const started = Date.now();
    await upload(member, collaborationId, rows);
    uploadMs.push(Date.now() - started);
  }
  const lastInputAt = Date.now();
  const { runner, events } = e2e.plugin.workflow();
  let final: { status: string; at: string; reason?: string } | undefined;
  while (!final) {
    final = events
      .of(collaborationId)
      .find((event) => ['RESULT_READY', 'FAILED', 'CANCELLED', 'EXPIRED'].includes(event.status));
    if (!final) await new Promise((done) => setTimeout(done, 50));
  }
  const readyAt = Date.parse(final.at);
  const since = (at: number | undefined): string =>
    at === undefined ? '-' : `${((at - lastInputAt) / 1000).toFixed(2)} s`;

  console.log(
    `Local job: ${options.inputs} inputs x ${options.rows} rows = ${options.inputs * options.rows} rows; ` +
      `count, mean/variance/histogram(${BIN_EDGES.length} edges) of int [0, 365], sum/min/max of fixed:8 [0, 100000]`,
  );
  console.log(`uploads (share, seal, upload, complete): ${uploadMs.map((ms) => `${ms} ms`).join(', ')}`);
  console.log(
    `${final.status} ${((readyAt - lastInputAt) / 1000).toFixed(2)} s after the last input's completion`,
  );
  if (final.status !== 'RESULT_READY') {
    exitCode = 1;
    console.log(`reason: ${final.reason ?? '(none)'}`);
  }
  console.log('workflow states entered (seconds after the last input):');
  const entered = (runner.execution(collaborationId)?.events ?? []).filter(
    (event) => event.type === 'StateEntered',
  );
  let lastName = '';
  for (const event of entered) {
    const { name, input } = (event as { state: { name: string; input?: Record<string, unknown> } }).state;
    if (name === lastName || ['WaitBeforeCheck', 'JobState', 'NextPoll'].includes(name)) continue;
    lastName = name;
    // A failed attempt: what CheckJob saw, or the error of the state that failed.
    const why =
      name === 'RecordAttemptFailure'
        ? ` ${JSON.stringify((input?.check as { value?: unknown } | undefined)?.value ?? input?.error).slice(0, 400)}`
        : '';
    console.log(`  ${name.padEnd(22)} ${since(event.timestamp)}${why}`);
  }
  console.log('tasks (seconds after the last input; ms):');
  for (const [name, task] of Object.entries(tasks)) {
    const { outcome } = task;
    const wall = task.startedAt && task.stoppedAt ? task.stoppedAt - task.startedAt : undefined;
    const parts = [`started ${since(task.startedAt)}`, `stopped ${since(task.stoppedAt)}`, `wall ${wall} ms`];
    if (outcome) {
      for (const key of Object.keys(outcome))
        if (!['time', 'component', 'jobId', 'outcome'].includes(key))
          parts.push(`${key} ${String(outcome[key])}`);
    }
    if (task.failure) parts.push(`FAILED ${task.failure}`);
    console.log(`  ${name.padEnd(8)} ${parts.join(', ')}`);
  }
  printPhases(tasks, lastInputAt, readyAt);
  if (final.status === 'RESULT_READY') {
    const results = await fetchResult(members[0]!.client, e2e.keys, collaborationId, {
      pinnedServerKeys: e2e.pins,
    });
    const wrong = checkResults(results, allRows);
    console.log(wrong.length === 0 ? 'result: matches the cleartext' : `result WRONG: ${wrong.join('; ')}`);
    if (wrong.length > 0) exitCode = 1;
  }
  console.log(
    JSON.stringify({
      inputs: options.inputs,
      rowsPerInput: options.rows,
      status: final.status,
      lastInputToReadySeconds: (readyAt - lastInputAt) / 1000,
      uploadMs,
      tasks: Object.fromEntries(
        Object.entries(tasks).map(([name, task]) => [
          name,
          {
            startedSeconds: task.startedAt && (task.startedAt - lastInputAt) / 1000,
            wallMs: task.startedAt && task.stoppedAt && task.stoppedAt - task.startedAt,
            ...task.outcome,
          },
        ]),
      ),
    }),
  );
} finally {
  await e2e.stop();
  if (options.taskLogFile) await writeFile(options.taskLogFile, `${taskLines.join('\n')}\n`);
}
process.exit(exitCode);

/**
 * Where the seconds from the last input to RESULT_READY go, phase by phase: the workflow until the tasks
 * start, each task's process start-up (start to outcome line, minus the time its own work took), each server's load
 * (job, inputs' check, manifest), link, compute (of which waiting for dealer material, and reading and
 * opening it, overlapping the computation), result shares, and the workflow after the servers logged their
 * outcome (the job status has it then).
 */
function printPhases(records: Record<string, TaskRecord>, lastInputAt: number, readyAt: number): void {
  const seconds = (ms: unknown): string =>
    typeof ms === 'number' && Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '-';
  const number = (record: TaskRecord | undefined, key: string): number | undefined => {
    const value = record?.outcome?.[key];
    return typeof value === 'number' ? value : undefined;
  };
  const servers = ['serverA', 'serverB'].map((name) => records[name]);
  const firstStart = Math.min(...Object.values(records).map((task) => task.startedAt ?? Infinity));
  const lastOutcome = Math.max(...servers.map((task) => task?.outcomeAt ?? -Infinity));
  console.log('phases (seconds):');
  console.log(`  workflow until the first task started    ${seconds(firstStart - lastInputAt)}`);
  for (const [name, task] of Object.entries(records)) {
    const wall = task.startedAt && task.outcomeAt ? task.outcomeAt - task.startedAt : undefined;
    const own = number(task, 'ms');
    const startUp = wall !== undefined && own !== undefined ? wall - own : undefined;
    const parts = [`process start-up and keys ${seconds(startUp)}`, `own work ${seconds(own)}`];
    if (name !== 'dealer')
      for (const [label, key] of [
        ['load', 'loadMs'],
        ['link', 'linkMs'],
        ['compute', 'computeMs'],
        ['  of which waiting for material', 'materialWaitMs'],
        ['material read and open (overlapping)', 'materialReadMs'],
        ['result shares', 'resultMs'],
      ] as const)
        parts.push(`${label.trim()} ${seconds(number(task, key))}`);
    console.log(`  ${name.padEnd(8)} ${parts.join(', ')}`);
  }
  console.log(`  workflow after the servers' outcomes      ${seconds(readyAt - lastOutcome)}`);
}

/** What differs from the cleartext answers (empty when all match). */
function checkResults(results: AnalysisResult[], rows: number[][]): string[] {
  const days = rows.map((row) => row[0]!);
  const amounts = rows.map((row) => row[1]!);
  const mean = days.reduce((a, b) => a + b, 0) / days.length;
  const variance = days.reduce((a, b) => a + (b - mean) ** 2, 0) / days.length;
  let min = Infinity;
  let max = -Infinity;
  for (const amount of amounts) {
    if (amount < min) min = amount;
    if (amount > max) max = amount;
  }
  const bins = [...BIN_EDGES, Infinity].map(
    (edge, bin) => days.filter((x) => x < edge && (bin === 0 || x >= BIN_EDGES[bin - 1]!)).length,
  );
  const find = (kind: string, field?: string) => results.find((r) => r.kind === kind && r.field === field);
  const wrong: string[] = [];
  const close = (what: string, got: unknown, want: number, tolerance: number): void => {
    if (typeof got !== 'number' || Math.abs(got - want) > tolerance) wrong.push(`${what} ${got} != ${want}`);
  };
  close('count', find('count')?.value, rows.length, 0);
  close('mean', find('mean', 'days')?.value, mean, 1e-6);
  close('variance', find('variance', 'days')?.value, variance, 1e-4);
  close(
    'sum',
    find('sum', 'amount')?.value,
    amounts.reduce((a, b) => a + b, 0),
    1e-3,
  );
  close('min', find('min', 'amount')?.value, min, 0);
  close('max', find('max', 'amount')?.value, max, 0);
  const got = find('histogram', 'days')?.bins ?? [];
  if (JSON.stringify(got) !== JSON.stringify(bins))
    wrong.push(`histogram ${JSON.stringify(got)} != ${JSON.stringify(bins)}`);
  return wrong;
}
