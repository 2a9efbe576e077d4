import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoDbLocal, type RunningEmulator } from '../../../local/emulators/dynamodb-local.ts';
import { startS3Server } from '../../../local/emulators/s3-server.ts';

import { LOCAL_CREDENTIALS as credentials } from '../../../local/emulators/credentials.ts';

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
    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials });
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
    const client = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      credentials,
      forcePathStyle: true,
    });
    await client.send(new PutObjectCommand({ Bucket: 'smoke', Key: 'a/b', Body: 'hello' }));
    const object = await client.send(new GetObjectCommand({ Bucket: 'smoke', Key: 'a/b' }));
    expect(await object.Body?.transformToString()).toBe('hello');
  });
});
