import { startDynamoDbLocal } from '../local/emulators/dynamodb-local.ts';
import { startS3Server } from '../local/emulators/s3-server.ts';

// Local runtime entry point (`npm start`). Part 1 brings up the emulators; the API, issuer and workflow
// runner are added as they land.
const [dynamo, s3] = await Promise.all([startDynamoDbLocal(), startS3Server()]);
console.log(`DynamoDB Local: ${dynamo.endpoint}`);
console.log(`S3 server:      ${s3.endpoint}`);
console.log('Press Ctrl-C to stop.');

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([dynamo.stop(), s3.stop()]);
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
