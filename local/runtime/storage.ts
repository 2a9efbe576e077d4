import { CreateTableCommand, DeleteTableCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { startDynamoDbLocal, type RunningEmulator } from '../emulators/dynamodb-local.ts';
import { startS3Server, type S3DomainKeys } from '../emulators/s3-server.ts';
import type { TableSetup } from './api-modules.ts';
import { localDynamoDbClient, localS3Client } from '../emulators/local-clients.ts';

export interface AwsEndpoints {
  dynamoEndpoint: string;
  s3Endpoint: string;
}

export interface StorageOptions {
  tableName: string;
  inputBucket: string;
  resultBucket: string;
  /** Each server's own bucket for the input shares sealed to it. */
  serverInputBuckets?: readonly string[];
  /** The domains' key pairs and what each may do (embedded s3rver only; an external emulator has its own). */
  access?: S3DomainKeys;
  tableSetup: TableSetup;
  /** Use these (e.g. LocalStack or Floci) instead of starting DynamoDB Local and s3rver. */
  external?: AwsEndpoints;
}

export interface Storage extends AwsEndpoints {
  /** Embedded: stops the emulators. External: deletes the table and the buckets with their objects. */
  release(): Promise<void>;
}

export async function provideStorage(options: StorageOptions): Promise<Storage> {
  return options.external ? useExternalStorage(options.external, options) : startEmbeddedStorage(options);
}

async function startEmbeddedStorage(options: StorageOptions): Promise<Storage> {
  const started = await Promise.allSettled([
    startDynamoDbLocal(),
    startS3Server({
      buckets: bucketsOf(options),
      ...(options.access ? { access: options.access } : {}),
    }),
  ]);
  const emulators = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const stopAll = async (): Promise<void> => {
    await Promise.allSettled(emulators.map((emulator: RunningEmulator) => emulator.stop()));
  };
  const failure = started.find((result) => result.status === 'rejected');
  if (failure) {
    await stopAll();
    throw failure.reason;
  }
  const [dynamo, s3] = emulators as [RunningEmulator, RunningEmulator];
  try {
    await createTable(dynamo.endpoint, options);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { dynamoEndpoint: dynamo.endpoint, s3Endpoint: s3.endpoint, release: stopAll };
}

async function useExternalStorage(endpoints: AwsEndpoints, options: StorageOptions): Promise<Storage> {
  const s3 = localS3Client(endpoints.s3Endpoint);
  const buckets = bucketsOf(options);
  const release = async (): Promise<void> => {
    await Promise.allSettled([
      deleteTable(endpoints.dynamoEndpoint, options.tableName),
      ...buckets.map((bucket) => deleteBucket(s3, bucket)),
    ]);
    s3.destroy();
  };
  try {
    await createTable(endpoints.dynamoEndpoint, options);
    for (const bucket of buckets) await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    await release();
    throw error;
  }
  return { ...endpoints, release };
}

function bucketsOf(options: StorageOptions): string[] {
  return [options.inputBucket, options.resultBucket, ...(options.serverInputBuckets ?? [])];
}

async function createTable(endpoint: string, options: StorageOptions): Promise<void> {
  const client = localDynamoDbClient(endpoint);
  try {
    await client.send(new CreateTableCommand(options.tableSetup.definition(options.tableName)));
    if (options.tableSetup.ttlAttribute) {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: options.tableName,
          TimeToLiveSpecification: { AttributeName: options.tableSetup.ttlAttribute, Enabled: true },
        }),
      );
    }
  } finally {
    client.destroy();
  }
}

async function deleteTable(endpoint: string, tableName: string): Promise<void> {
  const client = localDynamoDbClient(endpoint);
  try {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  } finally {
    client.destroy();
  }
}

async function deleteBucket(client: S3Client, bucket: string): Promise<void> {
  for (;;) {
    const listing = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
    const keys = (listing.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
    if (keys.length === 0) break;
    await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys } }));
  }
  await client.send(new DeleteBucketCommand({ Bucket: bucket }));
}

/** AWS_ENDPOINT_URL set by the user means: use that emulator (LocalStack, Floci) for DynamoDB and S3. */
export function externalAwsFromEnv(env: NodeJS.ProcessEnv = process.env): AwsEndpoints | undefined {
  const endpoint = env.AWS_ENDPOINT_URL;
  return endpoint ? { dynamoEndpoint: endpoint, s3Endpoint: endpoint } : undefined;
}
