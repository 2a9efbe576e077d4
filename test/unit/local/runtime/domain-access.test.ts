import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageLayout } from '../../../../contract/storage/storage-layout.ts';
import { DOMAIN_CREDENTIALS } from '../../../../local/emulators/credentials.ts';
import { localS3Client } from '../../../../local/emulators/local-clients.ts';
import { startS3Server } from '../../../../local/emulators/s3-server.ts';
import type { RunningEmulator } from '../../../../local/emulators/dynamodb-local.ts';
import { localDomainAccess } from '../../../../local/runtime/domain-access.ts';

/*
 * The local S3 keeps each domain's credentials to its own objects, as the task roles do on AWS: a server reads
 * the input shares sealed to it only from its own bucket, and nothing of the other server's.
 */

const buckets = {
  inputBucket: 'jobs',
  resultBucket: 'results',
  serverInputBuckets: { A: 'inputs-a', B: 'inputs-b' },
};
let s3rver: RunningEmulator;
const clients: S3Client[] = [];
const as = (domain: keyof typeof DOMAIN_CREDENTIALS): S3Client => {
  const client = localS3Client(s3rver.endpoint, { credentials: DOMAIN_CREDENTIALS[domain] });
  clients.push(client);
  return client;
};
const outcome = (request: Promise<unknown>): Promise<string> =>
  request.then(
    () => 'ok',
    (error: { name?: string }) => error.name ?? 'error',
  );

beforeAll(async () => {
  s3rver = await startS3Server({
    buckets: ['jobs', 'results', 'inputs-a', 'inputs-b'],
    access: localDomainAccess(buckets),
  });
  const coordinator = as('coordinator');
  for (const party of ['A', 'B'] as const)
    await coordinator.send(
      new PutObjectCommand({
        Bucket: buckets.serverInputBuckets[party],
        Key: storageLayout.inputShare(party, 'c1', 'i1'),
        Body: 'sealed',
      }),
    );
  await coordinator.send(
    new PutObjectCommand({ Bucket: 'jobs', Key: storageLayout.jobDescription('j1'), Body: '{}' }),
  );
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await s3rver.stop();
});

describe('local domain access', () => {
  it("lets server A read its own shares and the job, never B's bucket", async () => {
    const a = as('serverA');
    const get = (Bucket: string, Key: string) => outcome(a.send(new GetObjectCommand({ Bucket, Key })));
    expect(await get('inputs-a', storageLayout.inputShare('A', 'c1', 'i1'))).toBe('ok');
    expect(await get('jobs', storageLayout.jobDescription('j1'))).toBe('ok');
    expect(await get('inputs-b', storageLayout.inputShare('B', 'c1', 'i1'))).toBe('AccessDenied');
    expect(await outcome(a.send(new ListObjectsV2Command({ Bucket: 'inputs-b', Prefix: 'inputs/B/' })))).toBe(
      'AccessDenied',
    );
    expect(await outcome(a.send(new ListObjectsV2Command({ Bucket: 'inputs-a', Prefix: 'inputs/A/' })))).toBe(
      'ok',
    );
  });

  it('lets a server write only its own result shares, and the dealer only dealer material', async () => {
    const put = (client: S3Client, Bucket: string, Key: string) =>
      outcome(client.send(new PutObjectCommand({ Bucket, Key, Body: 'x' })));
    const b = as('serverB');
    expect(await put(b, 'results', storageLayout.resultShare('B', 'c1', 'r1'))).toBe('ok');
    expect(await put(b, 'results', storageLayout.resultShare('A', 'c1', 'r1'))).toBe('AccessDenied');
    expect(await put(b, 'inputs-b', storageLayout.inputShare('B', 'c1', 'i2'))).toBe('AccessDenied');
    // A shard's partial goes to the server's own bucket, and nowhere else.
    expect(await put(b, 'inputs-b', storageLayout.shardPartial('B', 'c1', 'j1', 2))).toBe('ok');
    expect(await put(b, 'inputs-a', storageLayout.shardPartial('A', 'c1', 'j1', 2))).toBe('AccessDenied');
    expect(await put(b, 'inputs-b', `${storageLayout.shardPartial('B', 'c1', 'j1', 2)}/x.share`)).toBe(
      'AccessDenied',
    );
    const dealer = as('dealer');
    expect(await put(dealer, 'jobs', `${storageLayout.dealerMaterialPrefix('A', 'j1')}manifest`)).toBe('ok');
    expect(
      await outcome(
        dealer.send(
          new GetObjectCommand({ Bucket: 'inputs-a', Key: storageLayout.inputShare('A', 'c1', 'i1') }),
        ),
      ),
    ).toBe('AccessDenied');
  });
});
