import { CreateTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoDbLocal, type RunningEmulator } from '../../../local/emulators/dynamodb-local.ts';
import { ensureDynamoDbLocal } from '../../../local/emulators/fetch-dynamodb-local.ts';
import { startS3Server } from '../../../local/emulators/s3-server.ts';

import { localDynamoDbClient, localS3Client } from '../../../local/emulators/local-clients.ts';

describe('local emulators', () => {
  let dynamo: RunningEmulator;
  let s3: RunningEmulator;
  beforeAll(async () => {
    [dynamo, s3] = await Promise.all([startDynamoDbLocal(), startS3Server({ buckets: ['smoke'] })]);
  });
  afterAll(async () => {
    await Promise.all([dynamo?.stop(), s3?.stop()]);
  });

  it('DynamoDB Local creates and lists a table over the SDK', async () => {
    const client = localDynamoDbClient(dynamo.endpoint);
    await client.send(
      new CreateTableCommand({
        TableName: 'smoke',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );
    const tables = await client.send(new ListTablesCommand({}));
    expect(tables.TableNames).toContain('smoke');
  });

  it('the S3 server stores and returns an object over the SDK', async () => {
    const client = localS3Client(s3.endpoint);
    await client.send(new PutObjectCommand({ Bucket: 'smoke', Key: 'a/b', Body: 'hello' }));
    const object = await client.send(new GetObjectCommand({ Bucket: 'smoke', Key: 'a/b' }));
    expect(await object.Body?.transformToString()).toBe('hello');
  });

  it('DynamoDB Local without Java on PATH fails with a readable error', async () => {
    await ensureDynamoDbLocal();
    const emptyPath = await mkdtemp(join(tmpdir(), 'no-java-'));
    const path = process.env.PATH;
    process.env.PATH = emptyPath;
    try {
      await expect(startDynamoDbLocal()).rejects.toThrow(/could not start \(it needs Java 17\+\)/);
    } finally {
      process.env.PATH = path;
      await rm(emptyPath, { recursive: true, force: true });
    }
  });
});
