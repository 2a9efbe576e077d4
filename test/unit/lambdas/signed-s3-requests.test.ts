import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../local/emulators/credentials.ts';
import type { RunningEmulator } from '../../../local/emulators/dynamodb-local.ts';
import { startS3Server } from '../../../local/emulators/s3-server.ts';
import { S3ObjectStore } from '../../../mpc-servers/storage/s3-object-store.ts';
import { ObjectNotFoundError } from '../../../mpc-servers/storage/object-store.ts';
import { S3SignedRequests } from '../../../lambdas/adapters/s3/s3-signed-requests.ts';
import { parseListPage, SignedS3ObjectStore } from '../../../lambdas/adapters/s3/signed-s3-object-store.ts';

/*
 * The signed-request object store over real TCP against s3rver, beside the SDK-based one on the same bucket:
 * what one writes the other reads.
 */

let s3: RunningEmulator;
let requests: S3SignedRequests;
let sdkClient: S3Client;
const BUCKET = 'jobs';

beforeAll(async () => {
  s3 = await startS3Server({ buckets: [BUCKET, 'inputs', 'results'] });
  process.env.AWS_ACCESS_KEY_ID = LOCAL_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = LOCAL_CREDENTIALS.secretAccessKey;
  delete process.env.AWS_SESSION_TOKEN;
  requests = new S3SignedRequests({ forcePathStyle: true, endpoint: s3.endpoint, region: LOCAL_REGION });
  sdkClient = new S3Client({
    endpoint: s3.endpoint,
    region: LOCAL_REGION,
    forcePathStyle: true,
    credentials: LOCAL_CREDENTIALS,
  });
});
afterAll(async () => {
  sdkClient?.destroy();
  await s3?.stop();
});

const text = (value: string) => new TextEncoder().encode(value);

describe('SignedS3ObjectStore', () => {
  it('puts, reads, lists, checks and deletes objects the SDK store sees the same way', async () => {
    const signed = new SignedS3ObjectStore(requests, BUCKET);
    const sdk = new S3ObjectStore({ bucket: BUCKET, client: sdkClient });
    const keys = ['jobs/j-1/job.json', 'jobs/j-1/odd name+&=ü.bin', 'jobs/j-1/nested/part'];
    for (const [index, key] of keys.entries()) await signed.putObject(key, text(`body ${index}`));
    await signed.putObject('jobs/j-1/from-chunks', [text('a'), text('bc')], { contentType: 'text/plain' });
    await sdk.putObject('other/j-2/kept', text('kept'));

    for (const [index, key] of keys.entries()) {
      expect(new TextDecoder().decode(await sdk.getObject(key))).toBe(`body ${index}`);
      expect(new TextDecoder().decode(await signed.getObject(key))).toBe(`body ${index}`);
    }
    expect(new TextDecoder().decode(await signed.getObject('jobs/j-1/from-chunks'))).toBe('abc');
    expect((await signed.listKeys('jobs/j-1/')).sort()).toEqual([...keys, 'jobs/j-1/from-chunks'].sort());
    expect(await signed.exists('other/j-2/kept')).toBe(true);
    expect(await signed.exists('other/j-2/missing')).toBe(false);
    await expect(signed.getObject('other/j-2/missing')).rejects.toBeInstanceOf(ObjectNotFoundError);

    expect(await signed.deleteKeys('jobs/j-1/')).toBe(4);
    expect(await sdk.listKeys('jobs/j-1/')).toEqual([]);
    expect(await sdk.listKeys('other/')).toEqual(['other/j-2/kept']);
  });

  it('surfaces a missing bucket as an error, not as a missing object', async () => {
    const signed = new SignedS3ObjectStore(requests, 'no-such-bucket');
    await expect(signed.getObject('a')).rejects.not.toBeInstanceOf(ObjectNotFoundError);
    await expect(signed.putObject('a', text('x'))).rejects.toThrow(/404 NoSuchBucket/);
  });

  it('follows continuation tokens and decodes XML text in listings', () => {
    const page = parseListPage(
      '<ListBucketResult><IsTruncated>true</IsTruncated><Contents><Key>a&amp;b&#x20;c&lt;</Key><Size>1</Size></Contents>' +
        '<Contents><Key>d&#47;e</Key></Contents><NextContinuationToken>t+1&amp;</NextContinuationToken></ListBucketResult>',
    );
    expect(page).toEqual({ keys: ['a&b c<', 'd/e'], nextToken: 't+1&' });
    expect(parseListPage('<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>')).toEqual({
      keys: [],
    });
  });
});
