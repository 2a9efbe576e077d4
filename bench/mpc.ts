/**
 * `npm run bench:mpc`: the online phase with A and B as two separate processes linked over loopback TCP
 * (pinned TLS 1.3), the dealer here in the orchestrator (its generation rate is measured too). Prints a
 * human table, then one JSON line with multPerSec, cmpPerSec, peakRssMiB, statsMillionRowsSec,
 * manyInputsPeakRssMiB and more. The statistics job runs over BENCH_ROWS in 4 inputs, then with the means
 * of 3 more fields (32 bytes per row in each input, no more dealer material) over BENCH_MANY_ROWS in
 * BENCH_MANY_INPUTS inputs, to show that a server's peak RSS does not grow with the job. The validity check
 * (every value against its field's bounds over the whole ring) is measured alone (rangeCheckPerSec) and as
 * its share of the statistics job, which runs once without it (statsNoValidityMillionRowsSec).
 *
 * Environment: BENCH_ROWS (default 1,000,000), BENCH_MANY_ROWS (default 1,000,000), BENCH_MANY_INPUTS
 * (default 32), BENCH_QUANTILE_ROWS (default 100,000: mean and median, 4 inputs), BENCH_GROUP_ROWS (default
 * 20,000: count, mean, variance and median per ward of 4), BENCH_QUICK=1 for small
 * sizes, BENCH_HOLD_ALL_INPUTS=1 to hold every decoded input for the whole job as the servers did before
 * (for comparison).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { compileProgram } from '../mpc-servers/analyses/program.ts';
import type { ComputationSpec } from '../contract/analysis/analysis-spec.ts';
import { shareRows } from '../contract/input/input-codec.ts';
import { decodeResult, encodeResultShare } from '../contract/result/result-codec.ts';
import { dealerChunks } from '../mpc-servers/dealer/dealer-plan.ts';
import {
  generateChunkMaterial,
  WHOLE_RING_BITS,
  type MaterialRequest,
} from '../mpc-servers/engine/material.ts';
import { freePort } from '../local/emulators/free-port.ts';
import { createTlsIdentity } from '../mpc-servers/transport/tls-identity.ts';
import type { Party } from '../contract/party.ts';
import {
  inputFile,
  inputRowCounts,
  materialFile,
  type BenchTask,
  type PartyConfig,
} from './mpc-bench-config.ts';

const quick = process.env.BENCH_QUICK === '1';
const statsRows = Number(process.env.BENCH_ROWS ?? (quick ? 20_000 : 1_000_000));
// Checked, each of its 4 fields takes 1.6 KB of dealer material per row: 10^6 rows write 7.7 GB.
const manyRows = Number(process.env.BENCH_MANY_ROWS ?? (quick ? 80_000 : 1_000_000));
const manyInputs = Number(process.env.BENCH_MANY_INPUTS ?? (quick ? 8 : 32));
const holdAllInputs = process.env.BENCH_HOLD_ALL_INPUTS === '1';
const MULT_BATCH = quick ? 1 << 14 : 1 << 20;
const CMP_BATCH = quick ? 1 << 12 : 1 << 17;

const statsSpec: ComputationSpec = {
  fields: [{ name: 'x', type: 'int', min: 0, max: 1000 }],
  analyses: [{ kind: 'mean' }, { kind: 'variance' }, { kind: 'histogram', binEdges: [100, 250, 500, 750] }],
};
/** The same on x, plus the means of three more fields: four times the input bytes, the same dealer material. */
const manyInputsSpec: ComputationSpec = {
  fields: ['x', 'y', 'z', 'w'].map((name) => ({ name, type: 'int', min: 0, max: 1000 })),
  analyses: [
    { kind: 'mean' },
    { kind: 'variance', field: 'x' },
    { kind: 'histogram', field: 'x', binEdges: [100, 250, 500, 750] },
  ],
};
const statsLabel = 'mean+variance+histogram(4 edges, 12-bit cmp)';
// The median bisects [0, 1000] in 10 rounds of 11-bit comparisons: about 2.7 KB of dealer material per row.
const quantileRows = Number(process.env.BENCH_QUANTILE_ROWS ?? (quick ? 4_000 : 100_000));
const quantileSpec: ComputationSpec = {
  fields: [{ name: 'x', type: 'int', min: 0, max: 1000 }],
  analyses: [{ kind: 'mean' }, { kind: 'quantile', p: 0.5 }],
};
// Four wards: per ward the count, mean, variance and median of x (the bisection once per ward).
const groupRows = Number(process.env.BENCH_GROUP_ROWS ?? (quick ? 2_000 : 20_000));
const groupSpec: ComputationSpec = {
  fields: [
    { name: 'x', type: 'int', min: 0, max: 1000 },
    { name: 'ward', type: 'category', categories: ['A', 'B', 'C', 'D'] },
  ],
  analyses: [
    { kind: 'mean', field: 'x' },
    { kind: 'count', groupBy: 'ward' },
    { kind: 'mean', field: 'x', groupBy: 'ward' },
    { kind: 'variance', field: 'x', groupBy: 'ward' },
    { kind: 'quantile', field: 'x', p: 0.5, groupBy: 'ward' },
  ],
};

// Minimum cell size and DP noise on the stats job, beside the same job without them at the same rows.
const releaseRows = Number(process.env.BENCH_RELEASE_ROWS ?? (quick ? 20_000 : 100_000));

// Sums and sums of squares in Z_2^128 (lift, then 128-bit squares) over realistic fixed-point values.
const wideSpec = (analyses: ComputationSpec['analyses']): ComputationSpec => ({
  fields: [{ name: 'x', type: 'fixed', fractionalBits: 16, min: 0, max: 1_000_000 }],
  analyses,
});

const tasks: BenchTask[] = [
  { name: 'multiply', kind: 'multiply', count: MULT_BATCH, repeats: 5 },
  { name: 'compare64', kind: 'compare', bits: 64, count: CMP_BATCH, repeats: 2 },
  { name: 'compare32', kind: 'compare', bits: 32, count: CMP_BATCH, repeats: 2 },
  { name: 'compare16', kind: 'compare', bits: 16, count: CMP_BATCH, repeats: 2 },
  { name: 'rangeCheck', kind: 'rangeCheck', count: CMP_BATCH, repeats: 2 },
  {
    name: 'stats',
    kind: 'stats',
    label: statsLabel,
    spec: statsSpec,
    totalRows: statsRows,
    inputs: 4,
    validity: true,
  },
  {
    name: 'statsNoValidity',
    kind: 'stats',
    label: `${statsLabel}, no validity check`,
    spec: statsSpec,
    totalRows: statsRows,
    inputs: 4,
    validity: false,
  },
  {
    name: 'statsManyInputs',
    kind: 'stats',
    label: `${statsLabel} + 3 means`,
    spec: manyInputsSpec,
    totalRows: manyRows,
    inputs: manyInputs,
    validity: true,
  },
  {
    name: 'variance128',
    kind: 'stats',
    label: 'mean + variance, fixed:16:[0, 10^6] (Z_2^128)',
    spec: wideSpec([{ kind: 'mean' }, { kind: 'variance' }]),
    totalRows: statsRows,
    inputs: 4,
    validity: true,
  },
  {
    name: 'variance128NoValidity',
    kind: 'stats',
    label: 'mean + variance, fixed:16:[0, 10^6], no validity check',
    spec: wideSpec([{ kind: 'mean' }, { kind: 'variance' }]),
    totalRows: statsRows,
    inputs: 4,
    validity: false,
  },
  {
    name: 'meanNoValidity',
    kind: 'stats',
    label: 'mean alone (lift only), fixed:16:[0, 10^6], no validity check',
    spec: wideSpec([{ kind: 'mean' }]),
    totalRows: statsRows,
    inputs: 4,
    validity: false,
  },
  {
    name: 'quantile',
    kind: 'stats',
    label: 'mean + median (10 rounds of 11-bit cmp)',
    spec: quantileSpec,
    totalRows: quantileRows,
    inputs: 4,
    validity: true,
  },
  {
    name: 'releaseBaseline',
    kind: 'stats',
    label: `${statsLabel}, exact`,
    spec: statsSpec,
    totalRows: releaseRows,
    inputs: 4,
    validity: true,
  },
  {
    name: 'minCellSize',
    kind: 'stats',
    label: `${statsLabel}, min cell size 10`,
    spec: { ...statsSpec, minCellSize: 10 },
    totalRows: releaseRows,
    inputs: 4,
    validity: true,
  },
  {
    name: 'privacy',
    kind: 'stats',
    label: `${statsLabel}, DP epsilon 1 + min cell size 10`,
    spec: { ...statsSpec, minCellSize: 10, privacy: { epsilon: 1, delta: 0 } },
    totalRows: releaseRows,
    inputs: 4,
    validity: true,
  },
  {
    name: 'groupBy',
    kind: 'stats',
    label: 'group-by 4 wards: count, mean, variance, median of x',
    spec: groupSpec,
    totalRows: groupRows,
    inputs: 4,
    validity: true,
  },
];
type StatsTask = BenchTask & { kind: 'stats' };
const statsTasks = tasks.filter((task): task is StatsTask => task.kind === 'stats');

interface DealerFigure {
  task: string;
  seconds: number;
  ops: number;
  bytes: Record<Party, number>;
}

async function writeMaterial(directory: string, seeds: Record<Party, Uint8Array>): Promise<DealerFigure[]> {
  const figures: DealerFigure[] = [];
  for (const task of tasks) {
    const bytes = { A: 0, B: 0 };
    let seconds = 0;
    let ops = 0;
    const save = async (chunk: number, material: Record<Party, Uint8Array>): Promise<void> => {
      for (const party of ['A', 'B'] as const) {
        bytes[party] += material[party].byteLength;
        await writeFile(materialFile(directory, task.name, party, chunk), material[party]);
      }
    };
    if (task.kind === 'stats') {
      const program = compileProgram(task.spec, task.totalRows, { validity: task.validity });
      const chunks = dealerChunks(program, seeds);
      for (let chunk = 0; ; chunk++) {
        const started = performance.now();
        const next = chunks.next();
        seconds += (performance.now() - started) / 1000;
        if (next.done) break;
        await save(chunk, next.value);
      }
      ops = task.totalRows;
    } else {
      const request: MaterialRequest =
        task.kind === 'multiply'
          ? { kind: 'triple', count: task.count }
          : task.kind === 'compare'
            ? { kind: 'comparison', bits: task.bits, count: task.count }
            : { kind: 'comparison', bits: WHOLE_RING_BITS, count: task.count };
      for (let repeat = 0; repeat < task.repeats; repeat++) {
        const started = performance.now();
        const material = generateChunkMaterial(seeds, repeat, [request]);
        seconds += (performance.now() - started) / 1000;
        await save(repeat, material);
      }
      ops = task.count * task.repeats;
    }
    figures.push({ task: task.name, seconds, ops, bytes });
  }
  return figures;
}

/** The participants' rows of a statistics job, shared with the client codec; returns the cleartext mean. */
async function writeInputs(directory: string, task: StatsTask): Promise<number> {
  let sum = 0;
  for (const [input, count] of inputRowCounts(task).entries()) {
    const rows = Array.from({ length: count }, (_, i) => {
      const values = task.spec.fields.map(
        (field, f) =>
          ((input * 7_919 + i + f * 13) * 104_729) %
          (field.type === 'category' ? field.categories.length : 1_001),
      );
      sum += values[0]!;
      return values;
    });
    const payloads = shareRows(rows, task.spec.fields);
    await writeFile(inputFile(directory, task.name, input, 'A'), payloads.A);
    await writeFile(inputFile(directory, task.name, input, 'B'), payloads.B);
  }
  return sum / task.totalRows;
}

type PartyLine = Record<string, unknown> & {
  task: string;
  seconds: number;
  bytesSent: number;
  maxRssMiB: number;
};

/** Each task in a fresh pair of processes, so each task's peak RSS is its own. */
async function runAllTasks(
  directory: string,
  seeds: Record<Party, Uint8Array>,
): Promise<Record<Party, PartyLine[]>> {
  const lines: Record<Party, PartyLine[]> = { A: [], B: [] };
  for (const task of tasks) {
    const result = await runParties(directory, seeds, [task]);
    lines.A.push(...result.A);
    lines.B.push(...result.B);
  }
  return lines;
}

async function runParties(
  directory: string,
  seeds: Record<Party, Uint8Array>,
  partyTasks: BenchTask[],
): Promise<Record<Party, PartyLine[]>> {
  const identities = {
    A: createTlsIdentity({ commonName: 'bench-A' }),
    B: createTlsIdentity({ commonName: 'bench-B' }),
  };
  const port = await freePort();
  const script = fileURLToPath(new URL('./mpc-party.ts', import.meta.url));
  const start = (party: Party): Promise<PartyLine[]> => {
    const peer = party === 'A' ? 'B' : 'A';
    const config: PartyConfig = {
      party,
      port,
      directory,
      seed: Buffer.from(seeds[party]).toString('base64'),
      tls: {
        keyPem: identities[party].keyPem,
        certPem: identities[party].certPem,
        peerFingerprint: identities[peer].fingerprint,
      },
      tasks: partyTasks,
      holdAllInputs,
    };
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', script, JSON.stringify(config)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
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
  const [A, B] = await Promise.all([a, b]);
  return { A, B };
}

const fmt = (value: number): string =>
  value >= 1e6
    ? `${(value / 1e6).toFixed(2)}M`
    : value >= 1e3
      ? `${(value / 1e3).toFixed(1)}k`
      : value.toFixed(2);

async function main(): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'bench-mpc-'));
  try {
    const seeds = { A: randomBytes(16), B: randomBytes(16) };
    console.log(
      `bench:mpc — A and B as separate processes over loopback TCP (TLS 1.3), stats over ${statsRows} rows ` +
        `in 4 inputs and ${manyRows} rows in ${manyInputs} inputs` +
        (holdAllInputs ? ', every input held for the whole job (BENCH_HOLD_ALL_INPUTS)' : ''),
    );
    const dealer = await writeMaterial(directory, seeds);
    const means = new Map<string, number>();
    for (const task of statsTasks) means.set(task.name, await writeInputs(directory, task));
    const parties = await runAllTasks(directory, seeds);
    const line = (party: Party, task: string): PartyLine => parties[party].find((l) => l.task === task)!;
    const online = (task: string): number => Math.max(line('A', task).seconds, line('B', task).seconds);
    const perOp = (task: BenchTask & { count: number; repeats: number }): number =>
      line('A', task.name).bytesSent / (task.count * task.repeats);

    // Check each statistics job reconstructs the cleartext answer before reporting its speed.
    for (const task of statsTasks) {
      // A noisy mean is not the cleartext one; the property tests check the noise.
      if (task.spec.privacy) continue;
      const shares = (party: Party) =>
        encodeResultShare(BigUint64Array.from((line(party, task.name).output as string[]).map(BigInt)));
      const result = decodeResult(task.spec, shares('A'), shares('B'));
      const mean = means.get(task.name)!;
      if (Math.abs((result[0]!.value ?? NaN) - mean) > 1e-9 * mean)
        throw new Error(`${task.name} job did not reconstruct the mean`);
    }

    const rows: [string, string, string, string, string][] = [];
    const compareFigures: Record<string, number> = {};
    for (const task of tasks) {
      const seconds = online(task.name);
      const figure = dealer.find((d) => d.task === task.name)!;
      if (task.kind === 'stats') {
        rows.push([
          task.label,
          `${task.totalRows} rows, ${task.inputs} inputs`,
          `${seconds.toFixed(2)} s (${fmt(task.totalRows / seconds)} rows/s)`,
          `${(line('A', task.name).bytesSent / task.totalRows).toFixed(1)} B/row`,
          `${fmt(figure.ops / figure.seconds)} rows/s, ${(figure.bytes.B / task.totalRows).toFixed(0)} B/row for B`,
        ]);
        continue;
      }
      const rate = task.count / seconds;
      if (task.kind !== 'multiply') compareFigures[task.name] = rate;
      const label =
        task.kind === 'multiply'
          ? 'Beaver multiplication (64-bit ring)'
          : task.kind === 'compare'
            ? `comparison, ${task.bits}-bit (DCF, 1 round)`
            : 'range check, whole ring (DCF, 2 evaluations, 1 round)';
      rows.push([
        label,
        `batch ${task.count}`,
        `${fmt(rate)} ops/s`,
        `${perOp(task).toFixed(1)} B/op/party`,
        `${fmt(figure.ops / figure.seconds)} ops/s, A ${(figure.bytes.A / figure.ops).toFixed(0)} B/op, B ${(figure.bytes.B / figure.ops).toFixed(0)} B/op`,
      ]);
    }
    const header: [string, string, string, string, string] = [
      'operation',
      'size',
      'online (A+B processes)',
      'sent',
      'dealer generation',
    ];
    const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)));
    for (const row of [header, ...rows])
      console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | '));
    const peakRssMiB = Math.max(
      ...(['A', 'B'] as const).flatMap((party) => parties[party].map((l) => l.maxRssMiB)),
    );
    for (const task of tasks) {
      const rss = (party: Party): string => line(party, task.name).maxRssMiB.toFixed(0);
      console.log(`peak RSS ${task.name}: A ${rss('A')} MiB, B ${rss('B')} MiB`);
    }
    const multTask = tasks[0] as BenchTask & { count: number; repeats: number };
    const rangeTask = tasks.find((task) => task.kind === 'rangeCheck')!;
    const dealerOf = (task: string): DealerFigure => dealer.find((figure) => figure.task === task)!;
    console.log(
      JSON.stringify({
        multPerSec: Math.round(multTask.count / online('multiply')),
        multBatch: multTask.count,
        multBytesPerOp: perOp(multTask),
        cmpPerSec: Math.round(compareFigures.compare64!),
        cmpBits: 64,
        cmpBatch: CMP_BATCH,
        cmpBytesPerOp: perOp(tasks[1] as BenchTask & { count: number; repeats: number }),
        cmp32PerSec: Math.round(compareFigures.compare32!),
        cmp16PerSec: Math.round(compareFigures.compare16!),
        peakRssMiB: Math.round(peakRssMiB),
        statsPeakRssMiB: Math.round(Math.max(line('A', 'stats').maxRssMiB, line('B', 'stats').maxRssMiB)),
        statsRows,
        statsMillionRowsSec: Number(((online('stats') * 1e6) / statsRows).toFixed(3)),
        inputsHeld: holdAllInputs ? 'all' : 'one at a time',
        manyInputsRows: manyRows,
        manyInputs,
        manyInputsPeakRssMiB: Math.round(
          Math.max(line('A', 'statsManyInputs').maxRssMiB, line('B', 'statsManyInputs').maxRssMiB),
        ),
        manyInputsMillionRowsSec: Number(((online('statsManyInputs') * 1e6) / manyRows).toFixed(3)),
        dealerTriplesPerSec: Math.round(dealer[0]!.ops / dealer[0]!.seconds),
        dealerCmp64PerSec: Math.round(dealer[1]!.ops / dealer[1]!.seconds),
        dealerCmp32PerSec: Math.round(dealer[2]!.ops / dealer[2]!.seconds),
        dealerCmp16PerSec: Math.round(dealer[3]!.ops / dealer[3]!.seconds),
        dealerStatsRowsPerSec: Math.round(dealerOf('stats').ops / dealerOf('stats').seconds),
        rangeCheckPerSec: Math.round(compareFigures.rangeCheck!),
        rangeCheckBytesPerValue: perOp(rangeTask),
        rangeCheckDealerBytesPerValue: dealerOf('rangeCheck').bytes.B / dealerOf('rangeCheck').ops,
        statsNoValidityMillionRowsSec: Number(((online('statsNoValidity') * 1e6) / statsRows).toFixed(3)),
        statsNoValidityBytesPerRow: line('A', 'statsNoValidity').bytesSent / statsRows,
        statsBytesPerRow: line('A', 'stats').bytesSent / statsRows,
        validityTimeFactor: Number((online('stats') / online('statsNoValidity')).toFixed(2)),
        variance128MillionRowsSec: Number(((online('variance128') * 1e6) / statsRows).toFixed(3)),
        variance128BytesPerRow: line('A', 'variance128').bytesSent / statsRows,
        variance128DealerBytesPerRowB: dealerOf('variance128').bytes.B / statsRows,
        variance128NoValidityMillionRowsSec: Number(
          ((online('variance128NoValidity') * 1e6) / statsRows).toFixed(3),
        ),
        variance128NoValidityBytesPerRow: line('A', 'variance128NoValidity').bytesSent / statsRows,
        meanNoValidityBytesPerRow: line('A', 'meanNoValidity').bytesSent / statsRows,
        releaseRows,
        releaseBaselineBytesPerRow: line('A', 'releaseBaseline').bytesSent / releaseRows,
        minCellSizeBytesPerRow: line('A', 'minCellSize').bytesSent / releaseRows,
        minCellSizeExtraBytes: line('A', 'minCellSize').bytesSent - line('A', 'releaseBaseline').bytesSent,
        privacyBytesPerRow: line('A', 'privacy').bytesSent / releaseRows,
        privacyExtraBytes: line('A', 'privacy').bytesSent - line('A', 'releaseBaseline').bytesSent,
        releaseBaselineSeconds: Number(online('releaseBaseline').toFixed(3)),
        minCellSizeSeconds: Number(online('minCellSize').toFixed(3)),
        privacySeconds: Number(online('privacy').toFixed(3)),
      }),
    );
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

await main();
