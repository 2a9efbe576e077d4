/**
 * Computing server entry point: `mpc-server --party A|B --job ID` (configuration: see
 * `mpc-servers/runtime/environment.ts`). Exit code 0 when the result shares are written, 1 on failure with
 * the reason in the job status and the log.
 */
import { loadServerKeys, serverKeySourceFromEnv } from '../mpc-servers/keys/load-server-keys.ts';
import {
  environmentFrom,
  logLine,
  optionalNumber,
  parseArguments,
  required,
} from '../mpc-servers/runtime/environment.ts';
import { asJobFailure, JobFailure } from '../mpc-servers/runtime/failure.ts';
import { runServer } from '../mpc-servers/server/run-server.ts';
import { taskPrivateIp } from '../mpc-servers/runtime/task-metadata.ts';

async function main(): Promise<void> {
  let jobId = '';
  let party = '';
  try {
    const args = parseArguments(process.argv.slice(2));
    jobId = args.job ?? '';
    party = args.party ?? '';
    if (jobId === '' || (party !== 'A' && party !== 'B')) {
      throw new JobFailure('CONFIGURATION', 'usage: mpc-server --party A|B --job ID');
    }
    const environment = environmentFrom(process.env);
    const keys = await loadServerKeys(serverKeySourceFromEnv(process.env)).catch((error: Error) => {
      throw new JobFailure('CONFIGURATION', error.message);
    });
    const allowPlaintext = process.env.MPC_PEER_PLAINTEXT === '1';
    const started = Date.now();
    await runServer({
      party,
      jobId,
      inputStore: environment.inputStore,
      resultStore: environment.resultStore,
      status: environment.status,
      privateKey: keys.hpkePrivateKey,
      peerHost: process.env.PEER_HOST || undefined,
      // On Fargate B publishes its private IP for A (outside ECS there is no metadata endpoint).
      advertisedHost: party === 'B' ? await taskPrivateIp(process.env) : undefined,
      peerPort: optionalNumber(process.env, 'PEER_PORT'),
      allowPlaintext,
      ...(allowPlaintext
        ? {}
        : { tls: { ...keys.tls, peerFingerprint: required(process.env, 'PEER_TLS_FINGERPRINT') } }),
      silenceTimeoutMs: optionalNumber(process.env, 'MPC_PEER_SILENCE_MS'),
      linkTimeoutMs: optionalNumber(process.env, 'MPC_LINK_TIMEOUT_MS'),
      log: (message) => logLine({ component: `server-${party}`, jobId, message }),
    });
    logLine({ component: `server-${party}`, jobId, outcome: 'DONE', ms: Date.now() - started });
  } catch (error) {
    const failure = asJobFailure(error);
    logLine({
      component: `server-${party}`,
      jobId,
      outcome: 'FAILED',
      reasonCode: failure.code,
      message: failure.message,
      failedInputIds: failure.failedInputIds,
    });
    process.exitCode = 1;
  }
}

await main();
// Exit explicitly: idle SDK sockets or a half-closed peer link must not keep a finished task alive.
process.exit(process.exitCode ?? 0);
