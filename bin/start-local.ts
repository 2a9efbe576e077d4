import { startLocalSystem } from '../local/runtime/local-system.ts';
import { serverKeyPinsLine } from '../local/runtime/server-keys.ts';
import { externalAwsFromEnv } from '../local/runtime/storage.ts';
import { localWorkflowPlugin } from '../local/workflow/local-workflow-plugin.ts';

// The handlers run in this process and log with Powertools: in dev mode it writes through the global console,
// which is pointed at stderr here, so stdout keeps only the four lines below.
process.env.POWERTOOLS_DEV ??= 'true';
console.log = console.info = console.debug = console.error;

// `npm start`: the coordinator on one machine. Stdout carries exactly four `KEY=value` lines a shell can
// eval once everything is ready (the last, MPC_SERVER_KEYS, gives clients the servers' keys to pin out of
// band, as their operators would); everything meant for humans goes to stderr.
const port = process.env.PORT === undefined ? 3000 : Number(process.env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${process.env.PORT}`);
  process.exit(2);
}

// Listening from the start: a signal during start-up stops the system as soon as it is up, leaving no
// emulator behind. Later signals are ignored while stopping.
const stopSignal = new Promise<string>((resolve) => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => resolve(signal));
});

const externalAws = externalAwsFromEnv();
// The collaboration workflow (same state machine definition) and the compute tasks as child processes; their
// JSON log lines go to stderr.
const workflow = localWorkflowPlugin({
  taskLog: (container, line) => process.stderr.write(`[${container}] ${line}\n`),
});
const system = await startLocalSystem({
  port,
  externalAws,
  logRequests: true,
  plugins: [workflow],
}).catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${port} is in use: stop what runs there or set PORT (0 lets the OS choose).`
      : `Local system failed to start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
void stopSignal.then(async (signal) => {
  console.error(`${signal}: stopping`);
  await system.stop();
  process.exit(0);
});

process.stdout.write(
  `MPC_API_URL=${system.apiUrl}\nMPC_TOKEN_URL=${system.tokenUrl}\nMPC_CLIENT_SECRET=${system.clientSecret}\n${serverKeyPinsLine(system.serverKeys)}\n`,
);
console.error(`Local coordinator ready on ${system.origin}`);
const stores = externalAws ? 'AWS_ENDPOINT_URL' : 'DynamoDB Local and s3rver';
console.error(`  ${stores}: DynamoDB ${system.dynamoEndpoint}, table ${system.tableName}`);
console.error(`  ${stores}: S3 ${system.s3Endpoint}, buckets ${system.inputBucket}, ${system.resultBucket}`);
for (const key of system.serverKeys)
  console.error(`  server ${key.id} key file (MPC_KEY_FILE) ${key.keyFilePath}`);
if (!process.env.MPC_LOCAL_CLIENT_SECRET)
  console.error('  client secret generated (set MPC_LOCAL_CLIENT_SECRET to fix it)');
console.error('Press Ctrl-C to stop.');
