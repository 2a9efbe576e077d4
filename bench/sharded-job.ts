import type { CreateCollaborationRequest } from '../client/sdk/api-models.ts';
import { fetchResult, type AnalysisResult } from '../client/sdk/fetch-result.ts';
import type { ComputationSpec } from '../contract/analysis/analysis-spec.ts';
import type { JobDescription } from '../contract/job/job-description.ts';
import {
  assignInputsToShards,
  chooseShardCount,
  combineJobDescription,
  shardJobDescription,
} from '../contract/job/shard-plan.ts';
import { storageLayout } from '../contract/storage/storage-layout.ts';
import { freePort } from '../local/emulators/free-port.ts';
import {
  prepareJob,
  readResults,
  serverEnvironment,
  startEntry,
  startHarness,
  type Harness,
} from '../local/harness/computation-processes.ts';
import { collaborationOfParticipants, startE2eSystem, upload } from '../local/harness/whole-system.ts';
import { workflowPorts } from '../lambdas/handlers/workflow/workflow-composition-root.ts';

/**
 * A sharded job against the same job in one shard: the real dealer and server entry points as processes on
 * s3rver and DynamoDB Local, the peer links pinned TLS on loopback, through the harness the process tests
 * use (`local/harness/computation-processes.ts`), material through storage (`MPC_MATERIAL_PATH=s3`): each
 * dealer runs to its end before its servers start. K = 1 is one dealer, then B and A. K shards are K dealers
 * and the combine job's dealer at once, then K pairs at once, then the combine pair. Prints the wall-clock
 * seconds of each stage and one JSON line.
 *
 * `npm run bench:shards` (BENCH_SHARD_ROWS total rows, default 120000; BENCH_SHARD_INPUTS, default 6;
 * BENCH_SHARDS, default 3; BENCH_SHARD_MODE: processes, runtime or both, the default). On one machine the K
 * pairs share its cores; the figure that carries over to K machines is the slowest shard pair plus the combine
 * step.
 *
 * The runtime mode runs the same rows as a collaboration through the whole local system (`npm start`'s: API,
 * the state machine with its RunShards map, tasks as processes), participants through the SDK, once with
 * rows per shard set for K shards and once unsharded: seconds from the last input's completion to
 * RESULT_READY, for each, with the material streamed (the runtime's default).
 */
const numberFrom = (name: string, fallback: number): number => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    process.stderr.write(`bench:shards: ${name} must be a positive whole number, got ${value}\n`);
    process.exit(1);
  }
  return parsed;
};

const totalRows = numberFrom('BENCH_SHARD_ROWS', 120_000);
const inputCount = numberFrom('BENCH_SHARD_INPUTS', 6);
const shardCount = numberFrom('BENCH_SHARDS', 3);
const mode = process.env.BENCH_SHARD_MODE ?? 'both';
if (!['processes', 'runtime', 'both'].includes(mode)) {
  process.stderr.write(`bench:shards: BENCH_SHARD_MODE must be processes, runtime or both, got ${mode}\n`);
  process.exit(1);
}

const spec: ComputationSpec = {
  fields: [{ name: 'x', type: 'int', min: 0, max: 1000 }],
  analyses: [
    { kind: 'count' },
    { kind: 'mean' },
    { kind: 'variance' },
    { kind: 'histogram', field: 'x', binEdges: [100, 250, 500, 750] },
    { kind: 'min' },
    { kind: 'max' },
  ],
};

/** Runs one entry point to its end; rejects on a non-zero exit with what it printed. */
async function run(
  harness: Harness,
  script: 'mpc-dealer' | 'mpc-server',
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<string> {
  const { code, output } = await startEntry(harness, script, args, env).exited;
  if (code !== 0) throw new Error(`${script} ${args.join(' ')} exited ${code}:\n${output}`);
  return output;
}

const dealerBytes = (output: string): number => {
  const line = output.split('\n').find((candidate) => candidate.includes('"outcome":"DONE"'));
  return line ? Number((JSON.parse(line) as { bytes?: number }).bytes ?? 0) : 0;
};

/** The process mode makes all material ahead, as before the stream: through storage. */
const STORED = { MPC_MATERIAL_PATH: 's3' };

const runServers = (harness: Harness, jobId: string) =>
  Promise.all(
    (['B', 'A'] as const).map((party) =>
      run(harness, 'mpc-server', ['--party', party, '--job', jobId], {
        ...serverEnvironment(harness, party),
        ...STORED,
      }),
    ),
  );

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { seconds: (performance.now() - started) / 1000, value };
}

async function writeJob(harness: Harness, job: JobDescription): Promise<void> {
  await harness.inputStore.putObject(
    storageLayout.jobDescription(job.jobId),
    new TextEncoder().encode(JSON.stringify(job)),
  );
}

interface RuntimeRun {
  shards: number;
  lastInputToReadySeconds: number;
  /** From the last input's completion to entering RunShards (K > 1) or RunDealer: closing, preparing. */
  prepareSeconds: number;
  /** RunShards entered to RunDealer entered: the parts, all at once (0 for K = 1). */
  partsSeconds: number;
  /** RunDealer entered to RESULT_READY: the combine job, or the whole unsharded job. */
  jobSeconds: number;
  results: AnalysisResult[];
}

/** One collaboration over `rows` through the whole local system; `rowsPerShard` unset runs it unsharded. */
async function throughRuntime(rows: number[][][], rowsPerShard?: number): Promise<RuntimeRun> {
  const e2e = await startE2eSystem(rowsPerShard === undefined ? {} : { settings: { rowsPerShard } });
  try {
    const { collaborationId, members } = await collaborationOfParticipants(
      e2e,
      'bench sharded job',
      {
        analyses: spec.analyses,
        inputSchema: { fields: spec.fields } as CreateCollaborationRequest['inputSchema'],
      },
      rows.length,
    );
    for (const [p, member] of members.entries()) await upload(member, collaborationId, rows[p]!);
    // upload() returns once the input is registered complete: the last one starts the workflow.
    const lastInputAt = Date.now();
    const { events } = e2e.plugin.workflow();
    const final = async () => {
      for (;;) {
        const ended = events
          .of(collaborationId)
          .find((event) => ['RESULT_READY', 'FAILED', 'CANCELLED', 'EXPIRED'].includes(event.status));
        if (ended) return ended;
        await new Promise((done) => setTimeout(done, 50));
      }
    };
    const ended = await final();
    if (ended.status !== 'RESULT_READY')
      throw new Error(`the collaboration ended ${ended.status}: ${ended.reason ?? 'no reason'}`);
    const [attempt] = await workflowPorts(e2e.system.container).workflowState.listAttempts(collaborationId);
    const readyAt = Date.parse(ended.at);
    const entered = (name: string): number | undefined =>
      e2e.plugin
        .workflow()
        .runner.execution(collaborationId)
        ?.events.find((event) => event.type === 'StateEntered' && event.state.name === name)?.timestamp;
    const combineAt = entered('RunDealer') ?? readyAt;
    const partsAt = entered('RunShards') ?? combineAt;
    return {
      shards: attempt?.shards ?? 1,
      lastInputToReadySeconds: round((readyAt - lastInputAt) / 1000),
      prepareSeconds: round((partsAt - lastInputAt) / 1000),
      partsSeconds: round((combineAt - partsAt) / 1000),
      jobSeconds: round((readyAt - combineAt) / 1000),
      results: await fetchResult(members[0]!.client, e2e.keys, collaborationId, {
        pinnedServerKeys: e2e.pins,
      }),
    };
  } finally {
    await e2e.stop();
  }
}

async function runtimeFigures(rows: number[][][]): Promise<void> {
  const sharded = await throughRuntime(rows, Math.ceil(totalRows / shardCount));
  const unsharded = await throughRuntime(rows);
  if (JSON.stringify(sharded.results) !== JSON.stringify(unsharded.results))
    throw new Error('the sharded result differs from the unsharded one (runtime)');
  const figures = {
    mode: 'runtime',
    rows: totalRows,
    inputs: rows.length,
    shards: sharded.shards,
    shardedLastInputToReadySeconds: sharded.lastInputToReadySeconds,
    shardedPrepareSeconds: sharded.prepareSeconds,
    shardedPartsSeconds: sharded.partsSeconds,
    shardedCombineSeconds: sharded.jobSeconds,
    unshardedLastInputToReadySeconds: unsharded.lastInputToReadySeconds,
    unshardedPrepareSeconds: unsharded.prepareSeconds,
    unshardedJobSeconds: unsharded.jobSeconds,
    sameResult: true,
  };
  console.log(
    `through the local runtime, last input's completion to RESULT_READY: K = ${sharded.shards} ` +
      `${sharded.lastInputToReadySeconds} s (parts ${sharded.partsSeconds} s, combine job ` +
      `${sharded.jobSeconds} s), K = 1 ${unsharded.lastInputToReadySeconds} s (job ${unsharded.jobSeconds} s)`,
  );
  console.log(JSON.stringify(figures));
}

async function main(): Promise<void> {
  const perInput = Math.ceil(totalRows / inputCount);
  const rows = Array.from({ length: inputCount }, (_, input) =>
    Array.from({ length: Math.min(perInput, totalRows - input * perInput) }, (_, i) => [
      (input * 7919 + i * 104_729) % 1001,
    ]),
  ).filter((participantRows) => participantRows.length > 0);
  if (mode !== 'processes') await runtimeFigures(rows);
  if (mode === 'runtime') return;
  const harness = await startHarness();
  try {
    const k1 = await prepareJob(harness, spec, rows, 'bench-k1');
    const one = k1.job;
    const k1Dealer = await timed(() => run(harness, 'mpc-dealer', ['--job', one.jobId], STORED));
    const k1Servers = await timed(() => runServers(harness, one.jobId));
    const k1Result = await readResults(harness, k1);

    const prepared = await prepareJob(harness, spec, rows, 'bench-shards');
    const whole = prepared.job;
    const choice = chooseShardCount(spec, whole.inputs, Math.ceil(totalRows / shardCount));
    const count = choice.count;
    for (let index = 0; index < count; index++)
      await writeJob(
        harness,
        shardJobDescription(whole, index, count, { host: '127.0.0.1', port: await freePort() }),
      );
    await writeJob(harness, combineJobDescription(whole, count));
    const shardIds = Array.from({ length: count }, (_, index) => `${whole.jobId}-shard-${index}`);
    const dealers = await timed(() =>
      Promise.all(
        [...shardIds, whole.jobId].map((jobId) => run(harness, 'mpc-dealer', ['--job', jobId], STORED)),
      ),
    );
    const shards = await timed(() =>
      Promise.all(shardIds.map((jobId) => timed(() => runServers(harness, jobId)))),
    );
    const combine = await timed(() => runServers(harness, whole.jobId));
    const shardedResult = await readResults(harness, prepared);
    if (JSON.stringify(shardedResult) !== JSON.stringify(k1Result))
      throw new Error('the sharded result differs from the unsharded one');

    const figures = {
      mode: 'processes',
      rows: totalRows,
      inputs: rows.length,
      shards: count,
      shardRows: assignInputsToShards(whole.inputs, count).map((shard) =>
        shard.reduce((total, index) => total + whole.inputs[index]!.rowCount, 0),
      ),
      k1DealerSeconds: round(k1Dealer.seconds),
      k1ServersSeconds: round(k1Servers.seconds),
      k1Seconds: round(k1Dealer.seconds + k1Servers.seconds),
      k1DealerBytes: dealerBytes(k1Dealer.value),
      shardDealersSeconds: round(dealers.seconds),
      shardPairsSeconds: round(shards.seconds),
      slowestShardPairSeconds: round(Math.max(...shards.value.map((shard) => shard.seconds))),
      combineSeconds: round(combine.seconds),
      shardedSeconds: round(dealers.seconds + shards.seconds + combine.seconds),
      shardDealerBytes: dealers.value.slice(0, count).map(dealerBytes),
      combineDealerBytes: dealerBytes(dealers.value[count]!),
      sameResult: true,
    };
    console.log(
      `K = 1: dealer ${figures.k1DealerSeconds} s, servers ${figures.k1ServersSeconds} s; ` +
        `K = ${count}: dealers ${figures.shardDealersSeconds} s, shard pairs ${figures.shardPairsSeconds} s ` +
        `(slowest ${figures.slowestShardPairSeconds} s), combine ${figures.combineSeconds} s`,
    );
    console.log(JSON.stringify(figures));
  } finally {
    await harness.stop();
  }
}

const round = (seconds: number): number => Math.round(seconds * 100) / 100;

await main();
