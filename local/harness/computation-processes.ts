import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../emulators/credentials.ts';
import { startDynamoDbLocal, type RunningEmulator } from '../emulators/dynamodb-local.ts';
import { freePort } from '../emulators/free-port.ts';
import { startS3Server } from '../emulators/s3-server.ts';
import { collaborationTableDefinition } from '../../contract/table/table-definition.ts';
import type { ComputationSpec } from '../../contract/analysis/analysis-spec.ts';
import { shareRows, type Row } from '../../contract/input/input-codec.ts';
import type { JobDescription } from '../../contract/job/job-description.ts';
import { decodeResult, type AnalysisResult } from '../../contract/result/result-codec.ts';
import { storageLayout } from '../../contract/storage/storage-layout.ts';
import { bindingAad } from '../../contract/crypto/aad.ts';
import { generateKeyPair, open, seal } from '../../contract/crypto/hpke.ts';
import { writeSecretFile } from '../../mpc-servers/keys/file-secret-provider.ts';
import { createDealerKeyMaterial } from '../../mpc-servers/keys/dealer-keys.ts';
import { createServerKeyMaterial } from '../../mpc-servers/keys/server-keys.ts';
import { declarationDigest } from '../../contract/job/collaboration-declaration.ts';
import { DynamoDbJobStatusStore } from '../../contract/job/dynamodb-job-status-store.ts';
import { S3ObjectStore } from '../../contract/storage/s3-object-store.ts';

/**
 * The computation service as the workflow runs it, on this machine: s3rver and DynamoDB Local, server keys
 * in files, clients sharing and sealing rows, and the real entry points (`bin/mpc-dealer.ts`,
 * `bin/mpc-server.ts`) as separate processes that talk over loopback TCP.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const INPUT_BUCKET = 'mpc-inputs';
const RESULT_BUCKET = 'mpc-results';
const TABLE = 'mpc-table';

export interface Harness {
  inputStore: S3ObjectStore;
  resultStore: S3ObjectStore;
  status: DynamoDbJobStatusStore;
  serverPublicKeys: { A: string; B: string };
  /** The dealer's public key, which each server pins (MPC_DEALER_PUBLIC_KEY). */
  dealerPublicKey: string;
  environment: NodeJS.ProcessEnv;
  keyFiles: { A: string; B: string };
  tlsFingerprints: { A: string; B: string };
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const s3 = await startS3Server({ buckets: [INPUT_BUCKET, RESULT_BUCKET] });
  let dynamo: RunningEmulator | undefined;
  const directory = await mkdtemp(join(tmpdir(), 'mpc-keys-'));
  try {
    dynamo = await startDynamoDbLocal();
    const clientConfig = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
    const dynamoClient = new DynamoDBClient({ ...clientConfig, endpoint: dynamo.endpoint });
    await dynamoClient.send(new CreateTableCommand(collaborationTableDefinition(TABLE)));
    const s3Client = new S3Client({ ...clientConfig, endpoint: s3.endpoint, forcePathStyle: true });
    const keys = {
      A: await createServerKeyMaterial({ commonName: 'A' }),
      B: await createServerKeyMaterial({ commonName: 'B' }),
    };
    const keyFiles = { A: join(directory, 'a.json'), B: join(directory, 'b.json') };
    await writeSecretFile(keyFiles.A, keys.A.secretText);
    await writeSecretFile(keyFiles.B, keys.B.secretText);
    const dealerKey = await createDealerKeyMaterial();
    const dealerKeyFile = join(directory, 'dealer.json');
    await writeSecretFile(dealerKeyFile, dealerKey.secretText);
    const stopDynamo = dynamo;
    return {
      inputStore: new S3ObjectStore({ bucket: INPUT_BUCKET, client: s3Client }),
      resultStore: new S3ObjectStore({ bucket: RESULT_BUCKET, client: s3Client }),
      status: new DynamoDbJobStatusStore({ tableName: TABLE, client: dynamoClient }),
      serverPublicKeys: { A: keys.A.hpkePublicKey, B: keys.B.hpkePublicKey },
      dealerPublicKey: dealerKey.hpkePublicKey,
      keyFiles,
      tlsFingerprints: { A: keys.A.tlsFingerprint, B: keys.B.tlsFingerprint },
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
        // The dealer's own configuration: its key pair and the servers' public keys (servers ignore both).
        MPC_DEALER_KEY_FILE: dealerKeyFile,
        MPC_SERVER_KEYS: JSON.stringify({ A: keys.A.hpkePublicKey, B: keys.B.hpkePublicKey }),
      },
      async stop() {
        s3Client.destroy();
        dynamoClient.destroy();
        await Promise.all([s3.stop(), stopDynamo.stop(), rm(directory, { recursive: true, force: true })]);
      },
    };
  } catch (error) {
    await Promise.all([s3.stop(), dynamo?.stop(), rm(directory, { recursive: true, force: true })]);
    throw error;
  }
}

/** Retries `createServerKeyMaterial`, whose TLS certificate encoding fails ~0.4 % of the time (reported). */

export interface PreparedJob {
  job: JobDescription;
  recipientPrivateKey: Uint8Array;
}

/**
 * What the clients and the workflow do before the computation: upload sealed shares, write the job. The
 * collaboration declares `declared` (default: at least one input, participant-0 receives the result), which
 * the clients seal under; `tamper` plays a coordinator that writes another job description than the honest one.
 */
export async function prepareJob(
  harness: Harness,
  spec: ComputationSpec,
  participants: readonly (readonly Row[])[],
  jobId: string,
  options: {
    declared?: Pick<JobDescription, 'minParticipants' | 'resultRecipients'>;
    tamper?: (job: JobDescription) => JobDescription;
  } = {},
): Promise<PreparedJob> {
  const collaborationId = `collab-${jobId}`;
  const declared = options.declared ?? { minParticipants: 1, resultRecipients: ['participant-0'] };
  const digest = declarationDigest({ spec, ...declared });
  const recipient = await generateKeyPair();
  const inputs = [];
  for (const [index, rows] of participants.entries()) {
    const inputId = `input-${index}`;
    const participantId = `participant-${index}`;
    const payloads = shareRows(rows, spec.fields);
    for (const party of ['A', 'B'] as const) {
      // Bound to the participant, as the SDK seals (client/sdk/share-bindings.ts).
      const aad = bindingAad({
        purpose: 'input-share',
        collaborationId,
        inputId: participantId,
        party,
        declarationDigest: digest,
      });
      const sealed = await seal({
        recipientPublicKey: harness.serverPublicKeys[party],
        plaintext: payloads[party],
        aad,
      });
      await harness.inputStore.putObject(storageLayout.inputShare(party, collaborationId, inputId), sealed);
    }
    inputs.push({ inputId, participantId, rowCount: rows.length });
  }
  const honest: JobDescription = {
    jobId,
    collaborationId,
    attempt: 1,
    spec,
    inputs,
    ...declared,
    recipients: [{ recipientId: 'participant-0', publicKey: recipient.publicKey }],
    peer: { host: '127.0.0.1', port: await freePort() },
  };
  const job = options.tamper ? options.tamper(honest) : honest;
  await harness.inputStore.putObject(
    storageLayout.jobDescription(jobId),
    new TextEncoder().encode(JSON.stringify(job)),
  );
  return { job, recipientPrivateKey: recipient.privateKey };
}

export interface EntryProcess {
  child: ChildProcess;
  /** Resolves when the process exits, with its exit code and everything it printed. */
  exited: Promise<{ code: number | null; output: string; ms: number }>;
  /** Resolves when a line containing `text` was printed. */
  printed(text: string): Promise<void>;
}

export function startEntry(
  harness: Harness,
  script: 'mpc-dealer' | 'mpc-server',
  args: string[],
  env: NodeJS.ProcessEnv = {},
): EntryProcess {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bin', `${script}.ts`), ...args], {
    cwd: ROOT,
    env: { ...harness.environment, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const watchers: { text: string; resolve: () => void }[] = [];
  const onData = (chunk: Buffer): void => {
    output += chunk.toString();
    for (const watcher of watchers.filter((w) => output.includes(w.text))) watcher.resolve();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<{ code: number | null; output: string; ms: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, output, ms: Date.now() - started })),
  );
  return {
    child,
    exited,
    printed: (text) =>
      new Promise((resolve) => (output.includes(text) ? resolve() : watchers.push({ text, resolve }))),
  };
}

export function serverEnvironment(harness: Harness, party: 'A' | 'B'): NodeJS.ProcessEnv {
  return {
    MPC_KEY_FILE: harness.keyFiles[party],
    MPC_DEALER_PUBLIC_KEY: harness.dealerPublicKey,
    PEER_TLS_FINGERPRINT: harness.tlsFingerprints[party === 'A' ? 'B' : 'A'],
    MPC_PEER_SILENCE_MS: '10000',
    MPC_LINK_TIMEOUT_MS: '30000',
  };
}

export async function readResults(harness: Harness, prepared: PreparedJob): Promise<AnalysisResult[]> {
  const { job } = prepared;
  const shares = await Promise.all(
    (['A', 'B'] as const).map(async (party) => {
      const recipientId = job.recipients[0]!.recipientId;
      const sealed = await harness.resultStore.getObject(
        storageLayout.resultShare(party, job.collaborationId, recipientId),
      );
      const aad = bindingAad({
        purpose: 'result-share',
        collaborationId: job.collaborationId,
        jobId: job.jobId,
        party,
        recipientId,
      });
      // Auth mode: the share opens only as sealed by that server's key.
      return open({
        privateKey: prepared.recipientPrivateKey,
        senderPublicKey: harness.serverPublicKeys[party],
        sealed,
        aad,
      });
    }),
  );
  return decodeResult(job.spec, shares[0]!, shares[1]!);
}
