import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { ComputationSpec } from '../contract/analysis/analysis-spec.ts';
import { bindingAad } from '../contract/crypto/aad.ts';
import { generateKeyPair, open, seal } from '../contract/crypto/hpke.ts';
import { shareRows } from '../contract/input/input-codec.ts';
import { declarationDigest } from '../contract/job/collaboration-declaration.ts';
import type { JobDescription } from '../contract/job/job-description.ts';
import {
  assignInputsToShards,
  chooseShardCount,
  combineJobDescription,
  shardJobDescription,
} from '../contract/job/shard-plan.ts';
import { decodeResult } from '../contract/result/result-codec.ts';
import { S3ObjectStore } from '../contract/storage/s3-object-store.ts';
import { storageLayout } from '../contract/storage/storage-layout.ts';
import { collaborationTableDefinition } from '../contract/table/table-definition.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/emulators/credentials.ts';
import { startDynamoDbLocal } from '../local/emulators/dynamodb-local.ts';
import { freePort } from '../local/emulators/free-port.ts';
import { startS3Server } from '../local/emulators/s3-server.ts';
import { createDealerKeyMaterial } from '../mpc-servers/keys/dealer-keys.ts';
import { writeSecretFile } from '../mpc-servers/keys/file-secret-provider.ts';
import { createServerKeyMaterial } from '../mpc-servers/keys/server-keys.ts';

/**
 * A sharded job against the same job in one shard: the real dealer and server entry points as processes on
 * s3rver and DynamoDB Local, the peer links pinned TLS on loopback, as `test/integration/mpc-servers/processes/`
 * runs them. K = 1 is one dealer, then B and A. K shards are K dealers and the combine job's dealer at once,
 * then K pairs at once, then the combine pair. Prints the wall-clock seconds of each stage and one JSON line.
 *
 * `npm run bench:shards` (BENCH_SHARD_ROWS total rows, default 120000; BENCH_SHARD_INPUTS, default 6;
 * BENCH_SHARDS, default 3). On one machine the K pairs share its cores; the figure that carries over to K
 * machines is the slowest shard pair plus the combine step.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const INPUT_BUCKET = 'bench-inputs';
const RESULT_BUCKET = 'bench-results';
const TABLE = 'bench-table';

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

interface Setup {
  environment: NodeJS.ProcessEnv;
  serverEnv: Record<'A' | 'B', NodeJS.ProcessEnv>;
  inputStore: S3ObjectStore;
  resultStore: S3ObjectStore;
  serverPublicKeys: Record<'A' | 'B', string>;
  stop(): Promise<void>;
}

async function setUp(): Promise<Setup> {
  const s3 = await startS3Server({ buckets: [INPUT_BUCKET, RESULT_BUCKET] });
  const dynamo = await startDynamoDbLocal().catch(async (error: unknown) => {
    await s3.stop();
    throw error;
  });
  const directory = await mkdtemp(join(tmpdir(), 'bench-shards-'));
  const clientConfig = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const dynamoClient = new DynamoDBClient({ ...clientConfig, endpoint: dynamo.endpoint });
  await dynamoClient.send(new CreateTableCommand(collaborationTableDefinition(TABLE)));
  const s3Client = new S3Client({ ...clientConfig, endpoint: s3.endpoint, forcePathStyle: true });
  const keys = {
    A: await createServerKeyMaterial({ commonName: 'A' }),
    B: await createServerKeyMaterial({ commonName: 'B' }),
  };
  const dealer = await createDealerKeyMaterial();
  const files = {
    A: join(directory, 'a.json'),
    B: join(directory, 'b.json'),
    dealer: join(directory, 'd.json'),
  };
  await writeSecretFile(files.A, keys.A.secretText);
  await writeSecretFile(files.B, keys.B.secretText);
  await writeSecretFile(files.dealer, dealer.secretText);
  const serverEnv = (party: 'A' | 'B'): NodeJS.ProcessEnv => ({
    MPC_KEY_FILE: files[party],
    MPC_DEALER_PUBLIC_KEY: dealer.hpkePublicKey,
    PEER_TLS_FINGERPRINT: keys[party === 'A' ? 'B' : 'A'].tlsFingerprint,
  });
  return {
    environment: {
      PATH: process.env.PATH,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_REGION: LOCAL_REGION,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      INPUT_BUCKET,
      RESULT_BUCKET,
      TABLE_NAME: TABLE,
      MPC_DEALER_KEY_FILE: files.dealer,
      MPC_SERVER_KEYS: JSON.stringify({ A: keys.A.hpkePublicKey, B: keys.B.hpkePublicKey }),
    },
    serverEnv: { A: serverEnv('A'), B: serverEnv('B') },
    inputStore: new S3ObjectStore({ bucket: INPUT_BUCKET, client: s3Client }),
    resultStore: new S3ObjectStore({ bucket: RESULT_BUCKET, client: s3Client }),
    serverPublicKeys: { A: keys.A.hpkePublicKey, B: keys.B.hpkePublicKey },
    async stop() {
      s3Client.destroy();
      dynamoClient.destroy();
      await Promise.all([s3.stop(), dynamo.stop(), rm(directory, { recursive: true, force: true })]);
    },
  };
}

/** Runs one entry point to its end; rejects on a non-zero exit with what it printed. */
function run(setup: Setup, script: 'mpc-dealer' | 'mpc-server', args: string[], env: NodeJS.ProcessEnv = {}) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bin', `${script}.ts`), ...args], {
      cwd: ROOT,
      env: { ...setup.environment, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${script} ${args.join(' ')} exited ${code}:\n${output}`)),
    );
  });
}

const dealerBytes = (output: string): number => {
  const line = output.split('\n').find((candidate) => candidate.includes('"outcome":"DONE"'));
  return line ? Number((JSON.parse(line) as { bytes?: number }).bytes ?? 0) : 0;
};

const runServers = (setup: Setup, jobId: string) =>
  Promise.all(
    (['B', 'A'] as const).map((party) =>
      run(setup, 'mpc-server', ['--party', party, '--job', jobId], setup.serverEnv[party]),
    ),
  );

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { seconds: (performance.now() - started) / 1000, value };
}

/** Uploads every participant's sealed shares once per collaboration; returns the whole job. */
async function prepare(
  setup: Setup,
  jobId: string,
  rows: number[][][],
  recipientKey: string,
): Promise<JobDescription> {
  const collaborationId = `collab-${jobId}`;
  const declared = { minParticipants: 1, resultRecipients: ['participant-0'] };
  const digest = declarationDigest({ spec, ...declared });
  const inputs = [];
  for (const [index, participantRows] of rows.entries()) {
    const payloads = shareRows(participantRows, spec.fields);
    for (const party of ['A', 'B'] as const) {
      const aad = bindingAad({
        purpose: 'input-share',
        collaborationId,
        inputId: `participant-${index}`,
        party,
        declarationDigest: digest,
      });
      const sealed = await seal({
        recipientPublicKey: setup.serverPublicKeys[party],
        plaintext: payloads[party],
        aad,
      });
      await setup.inputStore.putObject(
        storageLayout.inputShare(party, collaborationId, `input-${index}`),
        sealed,
      );
    }
    inputs.push({
      inputId: `input-${index}`,
      participantId: `participant-${index}`,
      rowCount: participantRows.length,
    });
  }
  return {
    jobId,
    collaborationId,
    attempt: 1,
    spec,
    inputs,
    ...declared,
    recipients: [{ recipientId: 'participant-0', publicKey: recipientKey }],
    peer: { host: '127.0.0.1', port: await freePort() },
  };
}

async function writeJob(setup: Setup, job: JobDescription): Promise<void> {
  await setup.inputStore.putObject(
    storageLayout.jobDescription(job.jobId),
    new TextEncoder().encode(JSON.stringify(job)),
  );
}

async function readResult(setup: Setup, job: JobDescription, privateKey: Uint8Array): Promise<unknown> {
  const shares = await Promise.all(
    (['A', 'B'] as const).map(async (party) =>
      open({
        privateKey,
        senderPublicKey: setup.serverPublicKeys[party],
        sealed: await setup.resultStore.getObject(
          storageLayout.resultShare(party, job.collaborationId, 'participant-0'),
        ),
        aad: bindingAad({
          purpose: 'result-share',
          collaborationId: job.collaborationId,
          jobId: job.jobId,
          party,
          recipientId: 'participant-0',
        }),
      }),
    ),
  );
  return decodeResult(spec, shares[0]!, shares[1]!);
}

async function main(): Promise<void> {
  const perInput = Math.ceil(totalRows / inputCount);
  const rows = Array.from({ length: inputCount }, (_, input) =>
    Array.from({ length: Math.min(perInput, totalRows - input * perInput) }, (_, i) => [
      (input * 7919 + i * 104_729) % 1001,
    ]),
  ).filter((participantRows) => participantRows.length > 0);
  const recipient = await generateKeyPair();
  const setup = await setUp();
  try {
    const one = await prepare(setup, 'bench-k1', rows, recipient.publicKey);
    await writeJob(setup, one);
    const k1Dealer = await timed(() => run(setup, 'mpc-dealer', ['--job', one.jobId]));
    const k1Servers = await timed(() => runServers(setup, one.jobId));
    const k1Result = await readResult(setup, one, recipient.privateKey);

    const whole = await prepare(setup, 'bench-shards', rows, recipient.publicKey);
    const choice = chooseShardCount(spec, whole.inputs, Math.ceil(totalRows / shardCount));
    const count = choice.count;
    for (let index = 0; index < count; index++)
      await writeJob(
        setup,
        shardJobDescription(whole, index, count, { host: '127.0.0.1', port: await freePort() }),
      );
    await writeJob(setup, combineJobDescription(whole, count));
    const shardIds = Array.from({ length: count }, (_, index) => `${whole.jobId}-shard-${index}`);
    const dealers = await timed(() =>
      Promise.all([...shardIds, whole.jobId].map((jobId) => run(setup, 'mpc-dealer', ['--job', jobId]))),
    );
    const shards = await timed(() =>
      Promise.all(shardIds.map((jobId) => timed(() => runServers(setup, jobId)))),
    );
    const combine = await timed(() => runServers(setup, whole.jobId));
    const shardedResult = await readResult(setup, whole, recipient.privateKey);
    if (JSON.stringify(shardedResult) !== JSON.stringify(k1Result))
      throw new Error('the sharded result differs from the unsharded one');

    const figures = {
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
    await setup.stop();
  }
}

const round = (seconds: number): number => Math.round(seconds * 100) / 100;

await main();
