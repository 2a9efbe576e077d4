import { CreateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoDbLocal, type RunningEmulator } from '../../../../local/emulators/dynamodb-local.ts';
import { DynamoDbJobStatusStore, jobStatusKey } from '../../../../contract/job/dynamodb-job-status-store.ts';
import { describeJobStatusStoreContract } from '../../../unit/contract/job/job-status-store-contract.ts';
import { localDynamoDbClient } from '../../../../local/emulators/local-clients.ts';

const tableName = 'mpc-job-status-test';
let dynamo: RunningEmulator;
let client: DynamoDBClient;

beforeAll(async () => {
  dynamo = await startDynamoDbLocal();
  client = localDynamoDbClient(dynamo.endpoint);
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    }),
  );
});
afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
});

describeJobStatusStoreContract(
  'DynamoDB Local',
  (clock) => new DynamoDbJobStatusStore({ tableName, client, clock }),
);

describe('DynamoDbJobStatusStore item layout', () => {
  it('writes pk JOB#<jobId>, sk PARTY#<party> and an expiry in epoch seconds', async () => {
    const now = new Date('2026-03-01T00:00:00.000Z');
    const store = new DynamoDbJobStatusStore({
      tableName,
      client,
      clock: () => now,
      retentionSeconds: 3_600,
    });
    await store.report('job-layout', 'DEALER', { state: 'RUNNING', progress: 0 });
    const { Item } = await DynamoDBDocumentClient.from(client).send(
      new GetCommand({ TableName: tableName, Key: jobStatusKey('job-layout', 'DEALER') }),
    );
    expect(Item).toMatchObject({
      pk: 'JOB#job-layout',
      sk: 'PARTY#DEALER',
      expiresAt: now.getTime() / 1000 + 3_600,
    });
  });
});
