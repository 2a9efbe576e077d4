import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldSpec } from '../../contract/analysis/analysis-spec.ts';
import { storageLayout } from '../../contract/storage/storage-layout.ts';
import { compareWithCleartext } from '../../local/demo/cleartext-comparison.ts';
import { seededRandom, toCsv } from '../../local/demo/hospital-data.ts';
import type { AnalysisResult } from '../../client/sdk/fetch-result.ts';
import { formatNumber } from '../../client/cli/human-output.ts';
import { keysUnder, startE2eSystem, type E2eSystem } from '../../local/harness/whole-system.ts';
import { runMpc, runMpcOk, type CliRun } from './support/mpc-cli.ts';

/**
 * Client services driving ONLY the `mpc` executable, as child processes from a shell would, against the whole
 * local system (API, issuer, DynamoDB Local, s3rver, workflow, dealer and servers as processes). The test reads
 * the system through the SDK only to check what the CLI claims (nothing uploaded, status).
 */

let e2e: E2eSystem;
let workDirectory: string;
beforeAll(async () => {
  e2e = await startE2eSystem();
  workDirectory = await mkdtemp(join(tmpdir(), 'mpc-cli-e2e-'));
}, 120_000);
afterAll(async () => {
  await e2e?.stop();
  if (workDirectory) await rm(workDirectory, { recursive: true, force: true });
});

const mpc = (clientId: string, args: string[]): Promise<CliRun> => runMpc(e2e, workDirectory, clientId, args);
const mpcOk = (clientId: string, args: string[]): Promise<string> =>
  runMpcOk(e2e, workDirectory, clientId, args);

async function mpcJson<T>(clientId: string, args: string[]): Promise<T> {
  return JSON.parse(await mpcOk(clientId, [...args, '--json'])) as T;
}

function expectOneErrorLine(run: CliRun, code: number, pattern: RegExp): void {
  expect(run.code).toBe(code);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
}

const fields: FieldSpec[] = [
  { name: 'age', type: 'int', min: 0, max: 120 },
  { name: 'income', type: 'fixed', fractionalBits: 8, min: -1000, max: 100000 },
];
const createArguments = [
  '--name',
  'CLI end to end',
  '--field',
  'age:int:0:120',
  '--field',
  'income:fixed:8:-1000:100000',
  '--analysis',
  'count,sum,mean,variance,stddev,min,max',
  '--analysis',
  'histogram:age,countAbove:income,countBelow:income,median:age,quantile:income:0.9',
  '--bins',
  '18,40,65',
  '--threshold',
  '50000',
  '--min',
  '5',
  '--max',
  '5',
  '--deadline',
  '1h',
];

/** Seeded rows in field order: ages 0..120, incomes in cents from -1000 to 100000. */
function rowsOf(seed: number, count: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => [
    Math.floor(random() * 121),
    Math.round((random() * 101_000 - 1000) * 100) / 100,
  ]);
}

async function writeInput(name: string, text: string): Promise<string> {
  const path = join(workDirectory, name);
  await writeFile(path, text);
  return path;
}

const clinics = ['clinic-1', 'clinic-2', 'clinic-3', 'clinic-4', 'clinic-5'];

describe('the mpc CLI end to end', () => {
  it('five client services compute every analysis from a shell, matching the cleartext answers', async () => {
    const created = await mpcJson<{ collaborationId: string; status: string }>('owner', [
      'create',
      ...createArguments,
    ]);
    const id = created.collaborationId;
    expect(created.status).toBe('OPEN');
    const listed = await mpcJson<{ items: { collaborationId: string }[] }>('clinic-1', [
      'list',
      '--status',
      'OPEN',
    ]);
    expect(listed.items.map((c) => c.collaborationId)).toContain(id);
    const shown = await mpcOk('clinic-1', ['show', id]);
    expect(shown).toContain('CLI end to end');
    expect(shown).toMatch(/income: fixed \(8 fractional bits\) in \[-1000, 100000\]/);
    expect(shown).toMatch(/histogram\(age\) edges 18, 40, 65/);

    // clinic-1 joins with a webhook: the secret is printed once and kept under MPC_HOME, 0600.
    const joined = await mpcOk('clinic-1', ['join', id, '--webhook', e2e.hooks.urlFor('clinic-1')]);
    expect(joined).toMatch(/clinic-1 in .*: READY_FOR_INPUT/);
    expect(joined).toMatch(/webhook secret .*: whsec_[A-Za-z0-9+/]+=*/);
    const keyFile = join(workDirectory, 'mpc-home', 'clients', 'clinic-1', 'result-keys', `${id}.json`);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);

    // Bad files are rejected with one line naming the file's line and field, before anything is uploaded.
    const wrongHeader = await writeInput('wrong-header.csv', 'age,salary\n30,1000\n');
    expectOneErrorLine(
      await mpc('clinic-1', ['submit', id, '--input', wrongHeader]),
      1,
      /wrong-header\.csv line 1, field "salary": unknown column .* nothing was uploaded/,
    );
    const notNumeric = await writeInput('not-numeric.csv', 'age,income\n30,1000\n41,12k\n');
    expectOneErrorLine(
      await mpc('clinic-1', ['submit', id, '--input', notNumeric]),
      1,
      /not-numeric\.csv line 3, field "income": not a number: "12k"; nothing was uploaded/,
    );
    const outOfBounds = await writeInput('out-of-bounds.csv', 'income,age\n1000,30\n2000,130\n3000,-1\n');
    expectOneErrorLine(
      await mpc('clinic-1', ['submit', id, '--input', outOfBounds]),
      1,
      /line 3, field "age": 130 is above the maximum 120 \(and 1 more problems\); nothing was uploaded/,
    );
    const participation = await e2e.client('clinic-1').getMyParticipation(id);
    expect(participation.status).toBe('READY_FOR_INPUT');
    expect(participation.input).toBeUndefined();
    for (const party of ['A', 'B'] as const) {
      const ownBucket = e2e.system.serverInputBuckets[party];
      expect(await keysUnder(e2e, ownBucket, storageLayout.inputSharePrefix(party, id))).toEqual([]);
    }

    // Good inputs: CSV (columns in any order) for most, JSON rows for clinic-5.
    const rows = clinics.map((_, i) => rowsOf(100 + i, 6 + 2 * i));
    const files = await Promise.all(
      clinics.map((clinic, i) =>
        clinic === 'clinic-5'
          ? writeInput(`${clinic}.json`, JSON.stringify(rows[i]!.map(([age, income]) => ({ income, age }))))
          : writeInput(`${clinic}.csv`, toCsv(fields, rows[i]!)),
      ),
    );

    const submitted = await mpcOk('clinic-1', ['submit', id, '--input', files[0]!]);
    expect(submitted).toMatch(/^input \S+ COMPLETE \(6 rows\)\n$/);
    expect(
      (await mpcJson<{ completedInputCount: number }>('clinic-1', ['show', id])).completedInputCount,
    ).toBe(1);

    // The other four run the whole participation in one command each, concurrently; quorum starts the job.
    const runs = Promise.all(
      clinics
        .slice(1)
        .map((clinic, i) =>
          mpcJson<{ results: AnalysisResult[]; participation: { status: string } }>(clinic, [
            'run',
            id,
            '--input',
            files[i + 1]!,
            '--timeout',
            '150',
          ]),
        ),
    );
    const waited = await mpcJson<{ status: string }>('clinic-1', ['wait', id, '--timeout', '150']);
    expect(waited.status).toBe('RESULT_READY');
    const clinic1 = await mpcJson<{ results: AnalysisResult[] }>('clinic-1', ['result', id]);
    const human = await mpcOk('clinic-1', ['result', id]);
    expect(human).toMatch(/^ANALYSIS +VALUE +ROWS\n/);
    expect(human).toMatch(/\ncount +50 +50\n/);
    expect(human).toMatch(/\nhistogram\(age\) \[18, 40\) +\d+/);
    expect(human).toMatch(/\ncountAbove\(income\) > 50000 +\d+/);
    expect(human).toMatch(/\nquantile\(age\) p=0\.5 +\d+ +50\n/);

    const others = await runs;
    for (const other of others) {
      expect(other.results).toEqual(clinic1.results);
      expect(other.participation.status).toBe('FINISHED');
    }
    const figures = compareWithCleartext(fields, rows.flat(), clinic1.results);
    // count, 2x(sum, mean, variance, stddev, min, max), 4 bins, 2 threshold counts, 2 quantiles
    expect(figures).toHaveLength(21);
    expect(figures.filter((figure) => !figure.withinBound)).toEqual([]);
    expect(figures.find((f) => f.label === 'count')!.secure).toBe(50);

    expect(await mpcOk('clinic-1', ['finish', id])).toMatch(/clinic-1 in .*: FINISHED/);
    const deadline = Date.now() + 30_000;
    let status = '';
    while (status !== 'COMPLETED' && Date.now() < deadline) {
      status = (await mpcJson<{ status: string }>('owner', ['show', id])).status;
      if (status !== 'COMPLETED') await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(status).toBe('COMPLETED');
  }, 300_000);

  it('a variance over [0, 10^6] at 16 fractional bits and 10^5 rows is exact on the encoded values', async () => {
    const wide: FieldSpec[] = [{ name: 'v', type: 'fixed', fractionalBits: 16, min: 0, max: 1e6 }];
    const id = (
      await mpcOk('owner', [
        'create',
        ...['--name', 'Variance at scale', '--field', 'v:fixed:16:0:1000000'],
        ...['--analysis', 'count,mean,variance,stddev', '--min', '2', '--max', '2', '--deadline', '1h'],
      ])
    ).trim();
    const labs = ['lab-1', 'lab-2'];
    const random = seededRandom(7);
    const rows = labs.map(() => Array.from({ length: 50_000 }, () => [Math.round(random() * 1e8) / 100]));
    const files = await Promise.all(labs.map((lab, i) => writeInput(`${lab}.csv`, toCsv(wide, rows[i]!))));
    // lab-2 runs the whole participation; lab-1 submits, waits and reads the result before finishing (once
    // both have finished, the result shares are deleted).
    expect(await mpcOk('lab-1', ['join', id])).toMatch(/READY_FOR_INPUT/);
    await mpcOk('lab-1', ['submit', id, '--input', files[0]!]);
    const running = mpcJson<{ results: AnalysisResult[] }>('lab-2', [
      ...['run', id, '--input', files[1]!, '--timeout', '300'],
    ]);
    expect((await mpcJson<{ status: string }>('lab-1', ['wait', id, '--timeout', '300'])).status).toBe(
      'RESULT_READY',
    );
    const first = await mpcJson<{ results: AnalysisResult[] }>('lab-1', ['result', id]);
    expect((await running).results).toEqual(first.results);
    // The cleartext on the encoded values, exactly: its sum of squares needs more than 64 bits.
    const encoded = rows.flat().map(([v]) => BigInt(Math.round(v! * 2 ** 16)));
    const n = BigInt(encoded.length);
    const sum = encoded.reduce((a, b) => a + b, 0n);
    const squares = encoded.reduce((a, b) => a + b * b, 0n);
    expect(squares).toBeGreaterThan(2n ** 64n);
    const variance = Number(n * squares - sum * sum) / Number(n * n) / 2 ** 32;
    const of = (kind: string) => first.results.find((result) => result.kind === kind)!;
    expect(of('count').value).toBe(100_000);
    expect(of('mean').value).toBe(Number(sum) / 2 ** 16 / 100_000);
    expect(of('variance').value).toBe(variance);
    expect(of('stddev').value).toBe(Math.sqrt(variance));
    // Printed at the field's precision: 16 fractional bits, 5 decimals.
    const human = await mpcOk('lab-1', ['result', id]);
    expect(human).toContain(`variance(v)  ${formatNumber(variance, 5)}`);
    expect(formatNumber(variance, 5)).toMatch(/^\d+(\.\d{1,5})?$/);
    expect(await mpcOk('lab-1', ['finish', id])).toMatch(/FINISHED/);
  }, 400_000);

  it('group-by: count, mean, variance and median per ward match the cleartext per ward', async () => {
    const grouped: FieldSpec[] = [
      { name: 'ward', type: 'category', categories: ['A', 'B', 'C'] },
      { name: 'days', type: 'int', min: 0, max: 30 },
    ];
    const id = (
      await mpcOk('owner', [
        'create',
        ...['--name', 'Stay by ward', '--field', 'ward:category:A,B,C', '--field', 'days:int:0:30'],
        ...['--analysis', 'count,mean:days,variance:days,median:days', '--group-by', 'ward'],
        ...['--min', '2', '--max', '2', '--deadline', '1h'],
      ])
    ).trim();
    expect(await mpcOk('owner', ['show', id])).toMatch(/ward: category of A, B, C/);
    const wards = ['ward-1', 'ward-2'];
    const random = seededRandom(11);
    // Ward C gets no rows from anyone: its cells are empty.
    const rows = wards.map(() =>
      Array.from({ length: 20 }, () => [Math.floor(random() * 2), Math.floor(random() * 31)]),
    );
    // CSV with the labels, as a user writes it.
    const files = await Promise.all(
      wards.map((ward, i) =>
        writeInput(`${ward}.csv`, `ward,days\n${rows[i]!.map(([w, d]) => `${'ABC'[w!]},${d}`).join('\n')}\n`),
      ),
    );
    // ward-2 runs the whole participation; ward-1 submits, waits and reads the result before finishing.
    expect(await mpcOk('ward-1', ['join', id])).toMatch(/READY_FOR_INPUT/);
    await mpcOk('ward-1', ['submit', id, '--input', files[0]!]);
    const second = mpcJson<{ results: AnalysisResult[] }>('ward-2', [
      'run',
      id,
      '--input',
      files[1]!,
      '--timeout',
      '150',
    ]);
    expect((await mpcJson<{ status: string }>('ward-1', ['wait', id, '--timeout', '150'])).status).toBe(
      'RESULT_READY',
    );
    const first = await mpcJson<{ results: AnalysisResult[] }>('ward-1', ['result', id]);
    const human = await mpcOk('ward-1', ['result', id]);
    expect(human).toMatch(/\ncount ward=C +0 +0\n/);
    expect(human).toMatch(/\nquantile\(days\) p=0\.5 ward=A +\d+ +\d+\n/);
    expect((await second).results).toEqual(first.results);
    const figures = compareWithCleartext(grouped, rows.flat(), first.results);
    // 3 wards x (count, mean, variance, median)
    expect(figures).toHaveLength(12);
    expect(figures.filter((figure) => !figure.withinBound)).toEqual([]);
    expect(await mpcOk('ward-1', ['finish', id])).toMatch(/FINISHED/);
  }, 300_000);

  it('usage errors exit 2 and API errors exit 1, each as one line', async () => {
    expectOneErrorLine(
      await mpc('clinic-1', ['show']),
      2,
      /^mpc: expected ID, got none \(see mpc show --help\)$/m,
    );
    expectOneErrorLine(
      await mpc('owner', [
        'create',
        ...createArguments.slice(0, 2),
        '--field',
        'age:float',
        '--analysis',
        'count',
        '--min',
        '2',
        '--max',
        '3',
      ]),
      2,
      /--field age:float: expected name:int/,
    );
    // Incomes up to 10^9 at 30 fractional bits would let the sum of squares overflow 2^128: refused before
    // anything is stored.
    expectOneErrorLine(
      await mpc('owner', [
        'create',
        ...createArguments.map((argument) =>
          argument.replace('income:fixed:8:-1000:100000', 'income:fixed:30:-1000:1000000000'),
        ),
      ]),
      1,
      /^mpc: the servers could not compute this: field "income": variance, stddev would overflow 128 bits .*at most \d+ fractionalBits or maxRowsPerParticipant at most \d+ \[request \S+\]$/m,
    );
    expectOneErrorLine(
      await mpc('clinic-1', ['show', '00000000-0000-4000-8000-000000000000']),
      1,
      /^mpc: .+ \(HTTP 404\).*\[request \S+\]$/m,
    );

    const id = (await mpcOk('owner', ['create', ...createArguments])).trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await mpcOk('owner', ['cancel', id])).toBe(`${id} CANCELLED\n`);
    expectOneErrorLine(await mpc('clinic-2', ['join', id]), 1, /\(HTTP 409\)/);
  }, 120_000);
});
