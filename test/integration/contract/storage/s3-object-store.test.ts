import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../../local/emulators/credentials.ts';
import type { RunningEmulator } from '../../../../local/emulators/dynamodb-local.ts';
import { startS3Server } from '../../../../local/emulators/s3-server.ts';
import { S3ObjectStore } from '../../../../contract/storage/s3-object-store.ts';
import { describeObjectStoreContract } from '../../../unit/contract/storage/object-store-contract.ts';
import { describeSealedObjects } from '../../../unit/mpc-servers/storage/sealed-objects-contract.ts';
import { localS3Client } from '../../../../local/emulators/local-clients.ts';

let s3: RunningEmulator;
let client: S3Client;
beforeAll(async () => {
  s3 = await startS3Server({ buckets: ['mpc-store'] });
  client = localS3Client(s3.endpoint);
});
afterAll(async () => {
  client?.destroy();
  await s3?.stop();
});

// 16 MiB: the budget of one chunk of dealer material, in one PutObject.
describeObjectStoreContract('S3 on s3rver', () => new S3ObjectStore({ bucket: 'mpc-store', client }), {
  largeBytes: 16 << 20,
});

describeSealedObjects('S3 on s3rver', () => new S3ObjectStore({ bucket: 'mpc-store', client }));

describe('S3ObjectStore configuration', () => {
  it('reaches the emulator through AWS_ENDPOINT_URL and S3_FORCE_PATH_STYLE alone', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: s3.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    });
    // The SDK prefers the service's own variable, which `npm run test:localstack` sets to its endpoint.
    delete process.env.AWS_ENDPOINT_URL_S3;
    try {
      const store = new S3ObjectStore({ bucket: 'mpc-store' });
      await store.putObject('env/check', Uint8Array.of(5));
      expect([...(await store.getObject('env/check'))]).toEqual([5]);
    } finally {
      process.env = saved;
    }
  });
});
