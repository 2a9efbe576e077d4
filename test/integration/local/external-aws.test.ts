import {
  DescribeTableCommand,
  ListTablesCommand,
  ScanCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand, ListBucketsCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoDbLocal, type RunningEmulator } from '../../../local/emulators/dynamodb-local.ts';
import { startS3Server } from '../../../local/emulators/s3-server.ts';
import { startLocalSystem, type LocalSystem } from '../../../local/runtime/ephemeral-system.ts';
import { localDynamoDbClient, localS3Client } from '../../../local/emulators/local-clients.ts';

// Stands in for LocalStack or Floci: emulators the local system does not own, reached by endpoint only.
describe('local system on external AWS emulators', () => {
  let dynamo: RunningEmulator;
  let s3: RunningEmulator;
  let system: LocalSystem;
  let dynamoClient: DynamoDBClient;
  let s3Client: S3Client;

  beforeAll(async () => {
    [dynamo, s3] = await Promise.all([startDynamoDbLocal(), startS3Server()]);
    dynamoClient = localDynamoDbClient(dynamo.endpoint);
    s3Client = localS3Client(s3.endpoint);
    system = await startLocalSystem({
      externalAws: { dynamoEndpoint: dynamo.endpoint, s3Endpoint: s3.endpoint },
    });
  });
  afterAll(async () => {
    await system?.stop();
    await Promise.all([dynamo?.stop(), s3?.stop()]);
  });

  it('creates a uniquely named table and buckets there, and the real handlers use them', async () => {
    expect(system.dynamoEndpoint).toBe(dynamo.endpoint);
    expect(system.tableName).toMatch(/^mpc-coordinator-[0-9a-f]{8}$/);
    expect(system.inputBucket).toMatch(/^mpc-input-shares-[0-9a-f]{8}$/);
    const table = await dynamoClient.send(new DescribeTableCommand({ TableName: system.tableName }));
    expect(table.Table?.TableStatus).toBe('ACTIVE');
    for (const bucket of [system.inputBucket, system.resultBucket]) {
      await s3Client.send(new HeadBucketCommand({ Bucket: bucket }));
    }

    const token = await system.tokenFor('owner-1');
    const created = await fetch(`${system.apiUrl}/v1/collaborations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': 'ext-1',
      },
      body: JSON.stringify({
        name: 'external',
        analyses: [{ kind: 'count' }],
        inputSchema: { fields: [{ name: 'x', type: 'int' }] },
        minParticipants: 1,
        maxParticipants: 2,
        inputDeadline: new Date(Date.now() + 3_600_000).toISOString(),
        resultRecipients: 'all-participants',
      }),
    });
    expect(created.status).toBe(201);
    const items = await dynamoClient.send(new ScanCommand({ TableName: system.tableName }));
    expect(items.Count).toBeGreaterThan(0);
  });

  it('on stop deletes its table and buckets (with their objects) and leaves the emulators running', async () => {
    await s3Client.send(new PutObjectCommand({ Bucket: system.inputBucket, Key: 'a/b', Body: 'x' }));
    await system.stop();
    const tables = await dynamoClient.send(new ListTablesCommand({}));
    expect(tables.TableNames ?? []).not.toContain(system.tableName);
    const buckets = await s3Client.send(new ListBucketsCommand({}));
    const names = (buckets.Buckets ?? []).map((bucket) => bucket.Name);
    expect(names).not.toContain(system.inputBucket);
    expect(names).not.toContain(system.resultBucket);
  });
});
