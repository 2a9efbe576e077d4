import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandler } from '../../../local/http-adapter/http-api-adapter.ts';
import { open, seal } from '../../../contract/crypto/hpke.ts';
import { loadServerKeys } from '../../../mpc-servers/keys/load-server-keys.ts';
import { externalAwsFromEnv } from '../../../local/runtime/storage.ts';
import { startLocalSystem, type LocalSystem } from '../../../local/runtime/ephemeral-system.ts';
import { localDynamoDbClient, localS3Client } from '../../../local/emulators/local-clients.ts';

// Handlers written like the coordinator's: SDK clients with no explicit endpoint, configuration from env.
const createThing: ApiHandler = async (event) => {
  const clientId = event.requestContext.authorizer.jwt.claims.client_id as string;
  const dynamo = new DynamoDBClient({});
  const s3 = new S3Client({ forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true' });
  await dynamo.send(
    new PutItemCommand({
      TableName: process.env.TABLE_NAME,
      Item: { pk: { S: `THING#${clientId}` }, sk: { S: 'META' }, body: { S: event.body ?? '' } },
    }),
  );
  await s3.send(
    new PutObjectCommand({ Bucket: process.env.INPUT_BUCKET, Key: `things/${clientId}`, Body: event.body }),
  );
  return {
    statusCode: 201,
    body: JSON.stringify({ owner: clientId, servers: JSON.parse(process.env.MPC_SERVER_KEYS!) }),
  };
};

describe('local system harness (fixture spec, coordinator table definition)', () => {
  let system: LocalSystem;
  const pluginStops: { apiAnswered: boolean; dynamoAnswered: boolean }[] = [];
  beforeAll(async () => {
    system = await startLocalSystem({
      openApiPath: join(import.meta.dirname, '../../unit/local/http-adapter/fixtures/mini-openapi.yml'),
      loadOperationHandlers: async () => ({
        createThing: async () => createThing,
        getHealth: async () => async () => ({
          statusCode: 200,
          body: JSON.stringify({ status: 'ok', plugin: process.env.PLUGIN_MARK }),
        }),
      }),
      plugins: [
        {
          name: 'probe',
          start: async (context) => ({
            env: { PLUGIN_MARK: `saw ${context.tableName} at ${context.env.AWS_ENDPOINT_URL_DYNAMODB}` },
            stop: async () => {
              const answers = async (url: string): Promise<boolean> =>
                fetch(url).then(
                  () => true,
                  () => false,
                );
              pluginStops.push({
                apiAnswered: await answers(`${context.origin}/v1/health`),
                dynamoAnswered: await answers(context.dynamoEndpoint),
              });
            },
          }),
        },
      ],
    });
  });
  afterAll(() => system?.stop());

  it('serves the issuer and the API on one origin, and handlers reach both emulators through env alone', async () => {
    expect(system.tokenUrl).toBe(`${system.apiUrl}/oauth2/token`);
    const token = await system.tokenFor('hospital-1');
    const response = await fetch(`${system.apiUrl}/v1/things`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"n":1}',
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { owner: string; servers: unknown[] };
    expect(body.owner).toBe('hospital-1');
    expect(body.servers).toEqual(
      system.serverKeys.map(({ id, publicKey, kem, kdf, aead }) => ({ id, publicKey, kem, kdf, aead })),
    );

    const dynamo = localDynamoDbClient(system.dynamoEndpoint);
    const item = await dynamo.send(
      new GetItemCommand({
        TableName: system.tableName,
        Key: { pk: { S: 'THING#hospital-1' }, sk: { S: 'META' } },
      }),
    );
    expect(item.Item?.body?.S).toBe('{"n":1}');
    const ttl = await dynamo.send(new DescribeTimeToLiveCommand({ TableName: system.tableName }));
    expect(ttl.TimeToLiveDescription?.TimeToLiveStatus).toBe('ENABLED');
    const s3 = localS3Client(system.s3Endpoint);
    const object = await s3.send(
      new GetObjectCommand({ Bucket: system.inputBucket, Key: 'things/hospital-1' }),
    );
    expect(await object.Body?.transformToString()).toBe('{"n":1}');
    await s3.send(new PutObjectCommand({ Bucket: system.resultBucket, Key: 'probe', Body: 'x' }));
  });

  it('refuses a token request with the wrong secret, and API calls without a token', async () => {
    const denied = await fetch(system.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'x', client_secret: 'wrong' }),
    });
    expect(denied.status).toBe(401);
    expect((await fetch(`${system.apiUrl}/v1/things`, { method: 'POST' })).status).toBe(401);
    expect((await fetch(`${system.apiUrl}/v1/health`)).status).toBe(200);
  });

  it('writes each server key file (0600) in the format the computation service loads, matching the published key', async () => {
    expect(system.serverKeys.map((key) => key.id)).toEqual(['A', 'B']);
    for (const key of system.serverKeys) {
      expect((await stat(key.keyFilePath)).mode & 0o777).toBe(0o600);
      const loaded = await loadServerKeys({ file: key.keyFilePath });
      expect(loaded.hpkePublicKey).toBe(key.publicKey);
      expect(loaded.tlsFingerprint).toBe(key.tlsFingerprint);
      const aad = new TextEncoder().encode(`collab-1/input-1/${key.id}`);
      const plaintext = new TextEncoder().encode(`share for ${key.id}`);
      const sealed = await seal({ recipientPublicKey: key.publicKey, plaintext, aad });
      expect(await open({ privateKey: loaded.hpkePrivateKey, sealed, aad })).toEqual(plaintext);
    }
  });

  it('starts plugins before the handlers load and hands their env to the handlers', async () => {
    const health = (await (await fetch(`${system.apiUrl}/v1/health`)).json()) as { plugin?: string };
    expect(health.plugin).toBe(`saw ${system.tableName} at ${system.dynamoEndpoint}`);
    expect(system.env.PLUGIN_MARK).toBe(health.plugin);
  });

  it('stops everything: HTTP server, emulators and key files', async () => {
    const keyDirectory = dirname(system.serverKeys[0]!.keyFilePath);
    await system.stop();
    await expect(fetch(`${system.apiUrl}/v1/health`)).rejects.toThrow();
    if (externalAwsFromEnv()) {
      // An endpoint named by AWS_ENDPOINT_URL is not the system's: it keeps answering.
      expect((await fetch(system.dynamoEndpoint)).status).toBeGreaterThan(0);
    } else {
      await expect(fetch(system.dynamoEndpoint)).rejects.toThrow();
      await expect(fetch(system.s3Endpoint)).rejects.toThrow();
    }
    expect(existsSync(keyDirectory)).toBe(false);
    // Plugins stop after the HTTP server closed and while the stores still answer.
    expect(pluginStops).toEqual([{ apiAnswered: false, dynamoAnswered: true }]);
  });
});
