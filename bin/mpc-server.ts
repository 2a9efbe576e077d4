/**
 * Computing server entry point: `mpc-server --party A|B --job ID` (configuration: see
 * `mpc-servers/runtime/environment.ts`). Exit code 0 when the result shares are written, 1 on failure with
 * the reason in the job status (also for failures before the computation starts, once the job is known),
 * the JSON log and one line on stderr.
 */
import { loadServerKeys, serverKeySourceFromEnv } from '../mpc-servers/keys/load-server-keys.ts';
import { dealerPublicKeyFrom } from '../mpc-servers/keys/pinned-keys.ts';
import { EntryPoint } from '../mpc-servers/runtime/entry-point.ts';
import {
  environmentFrom,
  optionalNumber,
  parseArguments,
  required,
  statusStoreFrom,
} from '../mpc-servers/runtime/environment.ts';
import { JobFailure } from '../mpc-servers/runtime/failure.ts';
import { runServer } from '../mpc-servers/server/run-server.ts';
import { taskPrivateIp } from '../mpc-servers/runtime/task-metadata.ts';
import { peakRssMiB } from '../mpc-servers/runtime/peak-rss.ts';
import { chunkWindowSetting } from '../mpc-servers/analyses/run-program.ts';

const entry = new EntryPoint('mpc-server');

async function main(env: NodeJS.ProcessEnv): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  const jobId = args.job ?? '';
  const party = args.party ?? '';
  if (jobId === '' || (party !== 'A' && party !== 'B')) {
    throw new JobFailure('CONFIGURATION', 'usage: mpc-server --party A|B --job ID');
  }
  entry.identify(jobId, party);
  const status = await entry.step('bad configuration', () => statusStoreFrom(env));
  entry.reportTo(status);
  const configuration = await entry.step('bad configuration', () => ({
    ...environmentFrom(env, status),
    allowPlaintext: env.MPC_PEER_PLAINTEXT === '1',
    peerFingerprint: env.MPC_PEER_PLAINTEXT === '1' ? undefined : required(env, 'PEER_TLS_FINGERPRINT'),
    // The dealer's key, pinned here like the peer's TLS identity: never taken from the job description.
    dealerPublicKey: dealerPublicKeyFrom(env),
    peerPort: optionalNumber(env, 'PEER_PORT'),
    silenceTimeoutMs: optionalNumber(env, 'MPC_PEER_SILENCE_MS'),
    linkTimeoutMs: optionalNumber(env, 'MPC_LINK_TIMEOUT_MS'),
    // Checked here, with the rest of the configuration, not first when the rows are reached.
    chunkWindow: chunkWindowSetting(env),
  }));
  const keys = await entry.step('cannot load its HPKE and TLS keys', () =>
    loadServerKeys(serverKeySourceFromEnv(env)),
  );
  // On Fargate B publishes its private IP for A (outside ECS there is no metadata endpoint).
  const advertisedHost =
    party === 'B'
      ? await entry.step(
          'cannot read the ECS task metadata',
          () => taskPrivateIp(env),
          'TASK_METADATA_UNAVAILABLE',
        )
      : undefined;
  const { peerFingerprint, ...settings } = configuration;
  const started = Date.now();
  const timings = await runServer({
    ...settings,
    party,
    jobId,
    privateKey: keys.hpkePrivateKey,
    peerHost: env.PEER_HOST || undefined,
    advertisedHost,
    ...(peerFingerprint === undefined ? {} : { tls: { ...keys.tls, peerFingerprint } }),
    log: (message) => entry.log({ message }),
  });
  entry.log({ outcome: 'DONE', ms: Date.now() - started, ...timings, peakRssMiB: peakRssMiB() });
}

const exitCode = await main(process.env).then(
  () => 0,
  (error: unknown) => entry.fail(error),
);
// Exit explicitly: idle SDK sockets or a half-closed peer link must not keep a finished task alive.
process.exit(exitCode);
