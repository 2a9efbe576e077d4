import { startLocalSystem } from '../local/runtime/local-system.ts';

// `npm start`: the coordinator on one machine. Stdout carries exactly three `KEY=value` lines a shell can
// eval once everything is ready; everything meant for humans goes to stderr.
const port = process.env.PORT === undefined ? 3000 : Number(process.env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${process.env.PORT}`);
  process.exit(2);
}

const system = await startLocalSystem({ port });
process.stdout.write(
  `MPC_API_URL=${system.apiUrl}\nMPC_TOKEN_URL=${system.tokenUrl}\nMPC_CLIENT_SECRET=${system.clientSecret}\n`,
);
console.error(`Local coordinator ready on ${system.origin}`);
console.error(`  DynamoDB Local ${system.dynamoEndpoint}, table ${system.tableName}`);
console.error(`  S3 server      ${system.s3Endpoint}, buckets ${system.inputBucket}, ${system.resultBucket}`);
for (const key of system.serverKeys)
  console.error(`  server ${key.id} key file (MPC_KEY_FILE) ${key.keyFilePath}`);
if (!process.env.MPC_LOCAL_CLIENT_SECRET)
  console.error('  client secret generated (set MPC_LOCAL_CLIENT_SECRET to fix it)');
console.error('Press Ctrl-C to stop.');

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.error(`${signal}: stopping`);
  await system.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
