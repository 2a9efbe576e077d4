/**
 * Dealer entry point: `mpc-dealer --job ID`. Reads the job description, writes each server's sealed
 * manifest and dealer material, reports to the job status; exit code 0 on success, 1 on failure.
 */
import { runDealer } from '../mpc-servers/dealer/run-dealer.ts';
import { environmentFrom, logLine, parseArguments } from '../mpc-servers/runtime/environment.ts';
import { asJobFailure, JobFailure } from '../mpc-servers/runtime/failure.ts';

async function main(): Promise<void> {
  let jobId = '';
  try {
    const args = parseArguments(process.argv.slice(2));
    jobId = args.job ?? '';
    if (jobId === '') throw new JobFailure('CONFIGURATION', 'usage: mpc-dealer --job ID');
    const environment = environmentFrom(process.env);
    const started = Date.now();
    const { chunkCount, bytes } = await runDealer({
      jobId,
      store: environment.inputStore,
      status: environment.status,
      log: (message) => logLine({ component: 'dealer', jobId, message }),
    });
    logLine({ component: 'dealer', jobId, outcome: 'DONE', chunkCount, bytes, ms: Date.now() - started });
  } catch (error) {
    const failure = asJobFailure(error);
    logLine({
      component: 'dealer',
      jobId,
      outcome: 'FAILED',
      reasonCode: failure.code,
      message: failure.message,
    });
    process.exitCode = 1;
  }
}

await main();
// Exit explicitly: idle SDK sockets or a half-closed peer link must not keep a finished task alive.
process.exit(process.exitCode ?? 0);
