import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../client/sdk/fetch-result.ts';
import { startE2eSystem, type E2eSystem } from '../../local/harness/whole-system.ts';
import { runMpc, runMpcOk, type CliRun } from './support/mpc-cli.ts';

/**
 * Minimum cell size and differential privacy through the `mpc` executable against the whole local system:
 * bins under k print as "< k" and are null in --json while the others are exact; with a budget every figure
 * is noisy, scaled to the declared --max-rows-per-participant, the result states the mechanism and the cap,
 * a file over the cap is refused before anything is uploaded, and GET shows the cap and the budget spent.
 */

let e2e: E2eSystem;
let workDirectory: string;
beforeAll(async () => {
  e2e = await startE2eSystem();
  workDirectory = await mkdtemp(join(tmpdir(), 'mpc-release-e2e-'));
}, 120_000);
afterAll(async () => {
  await e2e?.stop();
  if (workDirectory) await rm(workDirectory, { recursive: true, force: true });
});

const mpc = (clientId: string, args: string[]): Promise<CliRun> => runMpc(e2e, workDirectory, clientId, args);
const mpcOk = (clientId: string, args: string[]): Promise<string> =>
  runMpcOk(e2e, workDirectory, clientId, args);

interface Released {
  results: AnalysisResult[];
  privacy?: {
    mechanism: string;
    epsilon: number;
    delta: number;
    figures: number;
    rowsPerParticipant: number;
  };
}

/** lab-2 runs the whole participation; lab-1 steps through it, reading the result (JSON, human) before finishing. */
async function twoLabs(
  id: string,
  csvs: string[],
): Promise<{ run: Released; json: Released; human: string }> {
  const files = await Promise.all(
    csvs.map(async (csv, i) => {
      const path = join(workDirectory, `${id}-${i}.csv`);
      await writeFile(path, csv);
      return path;
    }),
  );
  const stepped = (async () => {
    await mpcOk('lab-1', ['join', id]);
    await mpcOk('lab-1', ['submit', id, '--input', files[0]!]);
    await mpcOk('lab-1', ['wait', id, '--timeout', '150']);
    const json = JSON.parse(await mpcOk('lab-1', ['result', id, '--json'])) as Released;
    const human = await mpcOk('lab-1', ['result', id]);
    await mpcOk('lab-1', ['finish', id]);
    return { json, human };
  })();
  const run = JSON.parse(
    await mpcOk('lab-2', ['run', id, '--input', files[1]!, '--timeout', '150', '--json']),
  ) as Released;
  return { run, ...(await stepped) };
}

describe('minimum cell size and differential privacy through the CLI', () => {
  it('bins under k are suppressed, the others exact; a privacy budget noises every figure', async () => {
    const small = (
      await mpcOk('owner', [
        'create',
        ...['--name', 'Small cells', '--field', 'age:int:0:120', '--analysis', 'count,histogram:age'],
        ...['--bins', '18,65', '--min-cell-size', '3', '--min', '2', '--max', '2', '--deadline', '1h'],
      ])
    ).trim();
    const noisy = (
      await mpcOk('owner', [
        'create',
        ...['--name', 'Noisy sums', '--field', 'age:int:0:120', '--analysis', 'count,sum:age'],
        ...['--privacy', '2:0.00001', '--max-rows-per-participant', '2'],
        ...['--min', '2', '--max', '2', '--deadline', '1h'],
      ])
    ).trim();
    // Bins (-inf, 18): 2 rows, [18, 65): 4 rows, [65, +inf): 0 rows.
    const kept = await twoLabs(small, ['age\n10\n30\n40\n', 'age\n12\n50\n60\n']);
    expect(kept.run.results).toEqual(kept.json.results);
    const histogram = kept.json.results.find((result) => result.kind === 'histogram')!;
    expect(histogram.bins).toEqual([null, 4, null]);
    expect(histogram.suppressed).toEqual([true, false, true]);
    expect(kept.json.results.find((result) => result.kind === 'count')!.value).toBe(6);
    expect(kept.human).toMatch(/histogram\(age\) \(-inf, 18\) +< 3 *\n/);
    expect(kept.human).toMatch(/histogram\(age\) \[18, 65\) +4 *\n/);

    // Over the declared cap of 2 rows: one line, exit 1, and the participant still has no input.
    const tooMany = join(workDirectory, `${noisy}-too-many.csv`);
    await writeFile(tooMany, 'age\n1\n2\n3\n');
    await mpcOk('lab-3', ['join', noisy]);
    const refused = await mpc('lab-3', ['submit', noisy, '--input', tooMany]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^mpc: .*3 rows: .*accepts at most 2 rows per participant.*\n$/);
    expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);

    const noised = await twoLabs(noisy, ['age\n10\n20\n', 'age\n30\n40\n']);
    expect(noised.run.results).toEqual(noised.json.results);
    const count = noised.json.results.find((result) => result.kind === 'count')!;
    // Scale R m / epsilon with the declared R = 2 rows per participant and m = 3 figures.
    expect(count.noiseScales?.count).toBeCloseTo((2 * 3) / 2, 9);
    expect(Number.isInteger(count.value)).toBe(true);
    // The sum of two samples of scale 3 lies this far from the exact 4 with p < 1e-9.
    expect(Math.abs(count.value! - 4)).toBeLessThan(25 * 3);
    expect(noised.json.privacy).toMatchObject({
      mechanism: 'discrete-laplace',
      epsilon: 2,
      delta: 0,
      figures: 3,
      rowsPerParticipant: 2,
    });
    expect(noised.human).toMatch(
      /every figure has discrete Laplace noise: .*sensitivity from at most 2 rows per participant/,
    );
    const shown = JSON.parse(await mpcOk('owner', ['show', noisy, '--json'])) as {
      privacy: unknown;
      privacySpent: unknown;
      maxRowsPerParticipant: unknown;
    };
    expect(shown.maxRowsPerParticipant).toBe(2);
    expect(shown.privacy).toEqual({ epsilon: 2, delta: 0.00001 });
    expect(shown.privacySpent).toMatchObject({ epsilon: 2, delta: 0 });
  }, 400_000);

  it('a group-by cell under k is suppressed with all its figures, the others exact', async () => {
    const id = (
      await mpcOk('owner', [
        'create',
        ...['--name', 'Small wards', '--field', 'ward:category:A,B,C', '--field', 'age:int:0:120'],
        ...['--analysis', 'count,sum:age,variance:age,median:age', '--group-by', 'ward'],
        ...['--min-cell-size', '2', '--min', '2', '--max', '2', '--deadline', '1h'],
      ])
    ).trim();
    // Ward A: 3 rows (10, 30, 50), B: 1 row (40, under k), C: 2 rows (20, 60, at k).
    const grouped = await twoLabs(id, ['ward,age\nA,10\nA,30\nB,40\n', 'ward,age\nA,50\nC,20\nC,60\n']);
    expect(grouped.run.results).toEqual(grouped.json.results);
    const cells = (kind: string) => grouped.json.results.find((result) => result.kind === kind)!.groups!;
    expect(cells('count')).toEqual([
      { kind: 'count', category: 'A', count: 3, value: 3, suppressed: false },
      { kind: 'count', category: 'B', value: null, suppressed: true },
      { kind: 'count', category: 'C', count: 2, value: 2, suppressed: false },
    ]);
    // The grouped sum carries its count, the figure compared with k.
    expect(cells('sum').map((cell) => [cell.count, cell.value, cell.suppressed])).toEqual([
      [3, 90, false],
      [undefined, null, true],
      [2, 80, false],
    ]);
    const variance = cells('variance');
    expect(variance[0]).toMatchObject({ count: 3, mean: 30, suppressed: false });
    expect(variance[0]!.value).toBeCloseTo(800 / 3, 9);
    expect(variance[1]).toEqual({
      kind: 'variance',
      field: 'age',
      category: 'B',
      value: null,
      mean: null,
      suppressed: true,
    });
    expect(variance[2]).toMatchObject({ count: 2, mean: 40, value: 400, suppressed: false });
    expect(cells('quantile').map((cell) => cell.value)).toEqual([30, null, 20]);
    for (const kind of ['count', 'sum', 'variance', 'quantile'])
      expect(cells(kind)[1]).not.toHaveProperty('count');
    expect(grouped.human).toMatch(/count ward=B +< 2 *\n/);
    expect(grouped.human).toMatch(/variance\(age\) ward=B +< 2 *\n/);
    expect(grouped.human).toMatch(/count ward=A +3 +3 *\n/);
    expect(await mpcOk('owner', ['show', id])).toMatch(
      /min cell size 2 \(smaller histogram bins and group-by cells suppressed\)/,
    );
  }, 400_000);
});
