import { S3Client } from '@aws-sdk/client-s3';
import { SDK_SOCKET_TIMEOUTS } from '../../contract/aws/sdk-timeouts.ts';
import { DynamoDbJobStatusStore } from '../../contract/job/dynamodb-job-status-store.ts';
import type { JobStatusStore } from '../../contract/job/job-status.ts';
import { S3ObjectStore } from '../../contract/storage/s3-object-store.ts';
import type { ObjectStore } from '../../contract/storage/object-store.ts';
import { routeInputShares } from '../storage/input-share-routing.ts';
import {
  parseWorkerThreads,
  setWorkerThreads,
  startWorkers,
  workerThreads,
  WORKER_THREADS_VARIABLE,
} from '../engine/worker-pool.ts';
import { JobFailure } from './failure.ts';
import { materialPathFrom, type MaterialPath } from './material-path.ts';
import { optionalNumber, required } from './environment-values.ts';

export { optionalNumber, required };

/**
 * Configuration of the container entry points from the environment (the names the CDK task definitions
 * set): INPUT_BUCKET (job descriptions, dealer material, and input shares unless INPUT_SHARE_BUCKET names the
 * server's own bucket for them), RESULT_BUCKET, TABLE_NAME (job
 * status); MPC_KEY_FILE or KEY_SECRET_ARN (server keys, see `keys/`); PEER_PORT and PEER_HOST (B: listen
 * address; A: B's address, overriding the job description); PEER_TLS_FINGERPRINT (SHA-256 of the peer
 * server's TLS certificate, pinned on the link; configured per server by its operator, never taken from the
 * job); MPC_PEER_PLAINTEXT=1 (local development only); MPC_PEER_SILENCE_MS and MPC_LINK_TIMEOUT_MS (peer-link
 * timeouts); MPC_DEALER_STALL_MS (dealer: how long one step may take, see `dealer/run-dealer.ts`);
 * MPC_MATERIAL_PATH, MPC_MATERIAL_HOST, MPC_MATERIAL_PORT, MPC_MATERIAL_WINDOW_MIB (how dealer material
 * travels, see `material-path.ts`); MPC_WORKER_THREADS (threads for the DCF kernels and the dealer's chunks, default the machine's
 * parallelism, 1 = no worker thread; see `engine/worker-pool.ts`). AWS_ENDPOINT_URL is honoured by the SDK.
 *
 * This is the computation tasks' composition root: the settings are read once per process and each AWS
 * service gets one client, shared by every store that uses it.
 */
export interface Environment {
  inputStore: ObjectStore;
  resultStore: ObjectStore;
  status: JobStatusStore;
  /** How dealer material travels (MPC_MATERIAL_PATH and the stream's settings, `material-path.ts`). */
  material: MaterialPath;
}

export function environmentFrom(env: NodeJS.ProcessEnv, status = statusStoreFrom(env)): Environment {
  setWorkerThreads(workerThreadsFrom(env));
  // Start all but one of the workers now, while the job is being read: a server evaluates on its own thread
  // beside them and uses them only once they are ready (the dealer starts its last one with its first chunk).
  startWorkers(workerThreads() - 1).catch(() => undefined);
  const client = new S3Client({ forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true', ...SDK_SOCKET_TIMEOUTS });
  return {
    inputStore: inputStoreFrom(env, client),
    resultStore: new S3ObjectStore({ bucket: required(env, 'RESULT_BUCKET'), client }),
    status,
    material: materialPathFrom(env),
  };
}

/** The coordinator's input bucket, with the input shares read from the server's own bucket when it has one. */
function inputStoreFrom(env: NodeJS.ProcessEnv, client: S3Client): ObjectStore {
  const jobs = new S3ObjectStore({ bucket: required(env, 'INPUT_BUCKET'), client });
  const own = env.INPUT_SHARE_BUCKET;
  return own ? routeInputShares(jobs, new S3ObjectStore({ bucket: own, client })) : jobs;
}

/** MPC_WORKER_THREADS, checked: a bad value is a configuration failure before any work starts. */
export function workerThreadsFrom(env: NodeJS.ProcessEnv): number {
  try {
    return parseWorkerThreads(env[WORKER_THREADS_VARIABLE]);
  } catch (error) {
    throw new JobFailure('CONFIGURATION', (error as Error).message);
  }
}

/** The job status store alone: the entry points open it first, to report failures of later set-up steps. */
export function statusStoreFrom(env: NodeJS.ProcessEnv): JobStatusStore {
  return new DynamoDbJobStatusStore({ tableName: required(env, 'TABLE_NAME') });
}

/** `--name value` pairs from argv. */
export function parseArguments(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]!;
    if (!name.startsWith('--') || argv[i + 1] === undefined)
      throw new JobFailure('CONFIGURATION', `unexpected argument ${name}`);
    out[name.slice(2)] = argv[++i]!;
  }
  return out;
}

/** One JSON log line (CloudWatch-friendly). */
export function logLine(fields: Record<string, unknown>): void {
  console.log(JSON.stringify({ time: new Date().toISOString(), ...fields }));
}
