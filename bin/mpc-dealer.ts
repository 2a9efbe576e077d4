/**
 * Dealer entry point: `mpc-dealer --job ID`. Reads the job description, writes each server's sealed
 * manifest and dealer material, reports to the job status; exit code 0 on success, 1 on failure (the reason
 * in the job status once the job is known, the JSON log and one line on stderr). MPC_DEALER_STALL_MS bounds
 * each step (default sized per step, see `dealer/run-dealer.ts`). Keys come from the dealer's own
 * configuration: its key pair (MPC_DEALER_KEY_FILE or DEALER_KEY_SECRET_ARN) and the servers' public keys
 * (MPC_SERVER_KEYS), never from the job description. MPC_MATERIAL_PATH (default stream) says how the
 * material travels (`mpc-servers/runtime/material-path.ts`).
 */
import { loadDealerKeys } from '../mpc-servers/keys/dealer-keys.ts';
import { serverPublicKeysFrom } from '../mpc-servers/keys/pinned-keys.ts';
import { runDealer } from '../mpc-servers/dealer/run-dealer.ts';
import { EntryPoint } from '../mpc-servers/runtime/entry-point.ts';
import {
  environmentFrom,
  optionalNumber,
  parseArguments,
  statusStoreFrom,
} from '../mpc-servers/runtime/environment.ts';
import { JobFailure } from '../mpc-servers/runtime/failure.ts';
import { peakRssMiB } from '../mpc-servers/runtime/peak-rss.ts';
import { taskPrivateIp } from '../mpc-servers/runtime/task-metadata.ts';

const entry = new EntryPoint('mpc-dealer');
const DEALER_HEARTBEAT_MS = 15_000;

async function main(env: NodeJS.ProcessEnv): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  const jobId = args.job ?? '';
  if (jobId === '') throw new JobFailure('CONFIGURATION', 'usage: mpc-dealer --job ID');
  entry.identify(jobId, 'DEALER');
  const status = await entry.step('bad configuration', () => statusStoreFrom(env));
  entry.reportTo(status);
  const { inputStore, material, stallTimeoutMs, serverPublicKeys } = await entry.step(
    'bad configuration',
    () => {
      const stall = optionalNumber(env, 'MPC_DEALER_STALL_MS');
      if (stall !== undefined && stall <= 0)
        throw new JobFailure('CONFIGURATION', 'environment variable MPC_DEALER_STALL_MS must be positive');
      return {
        ...environmentFrom(env, status),
        stallTimeoutMs: stall,
        serverPublicKeys: serverPublicKeysFrom(env),
      };
    },
  );
  const dealerKeys = await entry.step('cannot load its HPKE key', () => loadDealerKeys(env));
  // On Fargate the dealer publishes its private IP for the servers' material stream (as B does for A).
  const advertisedHost =
    material.mode === 'stream'
      ? await entry.step(
          'cannot read the ECS task metadata',
          () => taskPrivateIp(env),
          'TASK_METADATA_UNAVAILABLE',
        )
      : undefined;
  const started = Date.now();
  // The workflow polls the dealer beside the servers: a long step must not look like a dead dealer.
  const heartbeat = setInterval(
    () => void status.heartbeat(jobId, 'DEALER').catch(() => undefined),
    DEALER_HEARTBEAT_MS,
  );
  const { chunkCount, bytes } = await runDealer({
    jobId,
    store: inputStore,
    status,
    dealerPrivateKey: dealerKeys.hpkePrivateKey,
    serverPublicKeys,
    material,
    ...(advertisedHost === undefined ? {} : { advertisedHost }),
    ...(stallTimeoutMs === undefined ? {} : { stallTimeoutMs }),
    log: (message) => entry.log({ message }),
  }).finally(() => clearInterval(heartbeat));
  entry.log({ outcome: 'DONE', chunkCount, bytes, ms: Date.now() - started, peakRssMiB: peakRssMiB() });
}

const exitCode = await main(process.env).then(
  () => 0,
  (error: unknown) => entry.fail(error),
);
// Exit explicitly: idle SDK sockets must not keep a finished task alive.
process.exit(exitCode);
