import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { setTimeout } from 'node:timers/promises';
import { join } from 'node:path';
import type { AnalysisSpec } from '../../contract/analysis/analysis-spec.ts';
import { formatNumber, formatTable } from '../../client/cli/human-output.ts';
import { KeyStore } from '../../client/keys/key-store.ts';
import { fetchResult } from '../../client/sdk/fetch-result.ts';
import { joinCollaboration } from '../../client/sdk/join.ts';
import { MpcClient } from '../../client/sdk/mpc-client.ts';
import { submitInput } from '../../client/sdk/submit-input.ts';
import { waitForResult } from '../../client/sdk/wait-for-result.ts';
import { compareWithCleartext } from './cleartext-comparison.ts';
import type { FigureComparison } from './cleartext-comparison.ts';
import { connectDemoRuntime } from './demo-runtime.ts';
import type { DemoRuntime } from './demo-runtime.ts';
import { HOSPITAL_FIELDS, generatePatients, seededRandom } from './hospital-data.ts';

export interface DemoOptions {
  hospitals: number;
  /** Average patients per hospital (each gets between half and one and a half times this). */
  patients: number;
  seed: number;
  env: NodeJS.ProcessEnv;
  out: (text: string) => void;
  log: (message: string) => void;
}

export interface DemoOutcome {
  collaborationId: string;
  figures: FigureComparison[];
  allWithinBound: boolean;
}

const DEMO_ANALYSES: AnalysisSpec[] = [
  { kind: 'count' },
  { kind: 'sum' },
  { kind: 'mean' },
  { kind: 'variance' },
  { kind: 'stddev' },
  { kind: 'min' },
  { kind: 'max' },
  { kind: 'histogram', field: 'age', binEdges: [18, 40, 65, 80] },
  { kind: 'countAbove', field: 'bill', threshold: 20000 },
  { kind: 'countBelow', field: 'bmi', threshold: 18.5 },
];

/**
 * Several hospitals (client services, each with its own credentials and key store) compute joint statistics
 * over patients none of them reveals, through the SDK exactly as an embedding service would; then the demo,
 * which alone knows every row, prints each figure beside its cleartext answer and the absolute error.
 */
export async function runDemo(options: DemoOptions): Promise<DemoOutcome> {
  const runtime = await connectDemoRuntime(options.env, options.log);
  const home = await mkdtemp(join(tmpdir(), 'mpc-demo-'));
  try {
    return await collaborate(runtime, new KeyStore(home), options);
  } finally {
    await rm(home, { recursive: true, force: true });
    await runtime.stop();
  }
}

async function collaborate(runtime: DemoRuntime, keys: KeyStore, options: DemoOptions): Promise<DemoOutcome> {
  const clientFor = (clientId: string) =>
    new MpcClient({
      apiUrl: runtime.apiUrl,
      tokenUrl: runtime.tokenUrl,
      clientId,
      clientSecret: runtime.clientSecret,
    });
  const names = Array.from(
    { length: options.hospitals },
    (_, i) => `hospital-${String.fromCharCode(97 + i)}`,
  );
  const sizes = rowCounts(options);
  const rows = names.map((_, i) => generatePatients(options.seed, i, sizes[i]!));

  const registry = clientFor('health-registry');
  const { collaborationId } = await registry.createCollaboration({
    name: 'Hospital stays (demo)',
    description: `Seed ${options.seed}: age, length of stay, bill and BMI across ${options.hospitals} hospitals`,
    analyses: DEMO_ANALYSES,
    inputSchema: { fields: HOSPITAL_FIELDS },
    minParticipants: options.hospitals,
    maxParticipants: options.hospitals,
    inputDeadline: new Date(Date.now() + 3_600_000).toISOString(),
    resultRecipients: 'all-participants',
  } as Parameters<MpcClient['createCollaboration']>[0]);
  options.log(`health-registry created collaboration ${collaborationId}`);

  const hospitals = names.map((name) => ({ name, client: clientFor(name) }));
  for (const hospital of hospitals) await joinCollaboration(hospital.client, keys, collaborationId);
  options.log(`${names.join(', ')} joined`);

  await Promise.all(
    hospitals.map(async (hospital, i) => {
      await submitInput(
        hospital.client,
        collaborationId,
        { fields: HOSPITAL_FIELDS, rows: rows[i]! },
        { pinnedServerKeys: runtime.serverKeys },
      );
      options.log(
        `${hospital.name} submitted ${rows[i]!.length} patients (secret-shared, sealed to A and B)`,
      );
    }),
  );
  const submittedAt = Date.now();
  await Promise.all(
    hospitals.map((hospital) =>
      waitForResult(hospital.client, collaborationId, { minIntervalMs: 500, timeoutMs: 300_000 }),
    ),
  );
  options.log(`result ready ${((Date.now() - submittedAt) / 1000).toFixed(1)} s after the last input`);

  const results = await Promise.all(
    hospitals.map((h) =>
      fetchResult(h.client, keys, collaborationId, { pinnedServerKeys: runtime.serverKeys }),
    ),
  );
  const first = JSON.stringify(results[0]);
  if (results.some((result) => JSON.stringify(result) !== first)) {
    throw new Error('hospitals reconstructed different results');
  }
  await Promise.all(hospitals.map((h) => h.client.finishParticipation(collaborationId)));
  // Once all have finished, the workflow deletes every share; wait for it so the system stops idle.
  const final = await untilSettled(registry, collaborationId);
  options.log(`collaboration ${final}: shares deleted`);

  const figures = compareWithCleartext(HOSPITAL_FIELDS, rows.flat(), results[0]!);
  const allWithinBound = figures.every((figure) => figure.withinBound);
  options.out(report(collaborationId, names, rows.flat().length, figures, allWithinBound));
  return { collaborationId, figures, allWithinBound };
}

async function untilSettled(client: MpcClient, collaborationId: string): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { status } = await client.getCollaboration(collaborationId);
    if (status !== 'RESULT_READY' || Date.now() > deadline) return status;
    await setTimeout(250);
  }
}

/** Between half and one and a half times the average, from the seed. */
function rowCounts(options: DemoOptions): number[] {
  const random = seededRandom(options.seed);
  return Array.from({ length: options.hospitals }, () =>
    Math.max(1, Math.round(options.patients * (0.5 + random()))),
  );
}

function report(
  collaborationId: string,
  names: string[],
  patientCount: number,
  figures: FigureComparison[],
  allWithinBound: boolean,
): string {
  const table = formatTable([
    ['FIGURE', 'JOINT (MPC)', 'CLEARTEXT', 'ABS ERROR', 'ALLOWED', ''],
    ...figures.map((f) => [
      f.label,
      formatNumber(f.secure),
      formatNumber(f.cleartext),
      f.absoluteError.toExponential(2),
      f.allowedError.toExponential(2),
      f.withinBound ? 'ok' : 'OUT OF BOUND',
    ]),
  ]);
  const outside = figures.filter((f) => !f.withinBound).length;
  return [
    `Collaboration ${collaborationId}: ${names.length} hospitals (${names.join(', ')}), ${patientCount} patients.`,
    'Each hospital saw only its own rows; servers A and B saw only random-looking shares.',
    '',
    table,
    allWithinBound
      ? `All ${figures.length} figures are within the documented fixed-point error.`
      : `${outside} of ${figures.length} figures are OUTSIDE the documented fixed-point error.`,
    '',
  ].join('\n');
}
