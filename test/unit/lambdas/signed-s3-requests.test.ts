import { createHash } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../local/emulators/credentials.ts';
import type { RunningEmulator } from '../../../local/emulators/dynamodb-local.ts';
import { startS3Server } from '../../../local/emulators/s3-server.ts';
import { S3ObjectStore } from '../../../mpc-servers/storage/s3-object-store.ts';
import { ObjectNotFoundError } from '../../../contract/storage/object-store.ts';
import { S3ShareStorage } from '../../../lambdas/adapters/s3/s3-share-storage.ts';
import { S3SignedRequests } from '../../../lambdas/adapters/s3/s3-signed-requests.ts';
import { parseListPage, SignedS3ObjectStore } from '../../../lambdas/adapters/s3/signed-s3-object-store.ts';

/*
 * The signed-request adapters over real TCP against s3rver: the object store beside the SDK-based one on the
 * same bucket (what one writes the other reads), and the share storage's presigned URLs and upload checks.
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
    await signed.putObject('jobs/j-1/typed', text('abc'), { contentType: 'text/plain' });
    await sdk.putObject('other/j-2/kept', text('kept'));

    for (const [index, key] of keys.entries()) {
      expect(new TextDecoder().decode(await sdk.getObject(key))).toBe(`body ${index}`);
      expect(new TextDecoder().decode(await signed.getObject(key))).toBe(`body ${index}`);
    }
    expect(new TextDecoder().decode(await signed.getObject('jobs/j-1/typed'))).toBe('abc');
    expect((await signed.listKeys('jobs/j-1/')).sort()).toEqual([...keys, 'jobs/j-1/typed'].sort());
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

describe('S3ShareStorage', () => {
  const share = text('sealed share bytes');
  const declaration = {
    sizeBytes: share.length,
    sha256: createHash('sha256').update(share).digest('base64'),
  };
  const storage = () =>
    new S3ShareStorage({
      requests,
      inputBucket: 'inputs',
      resultBucket: 'results',
      expiryMinutes: 5,
      now: () => new Date(),
    });

  it('takes uploads through its presigned PUTs and judges them by size and SHA-256', async () => {
    const shares = storage();
    expect(await shares.verifyInputUpload('A', 'c-1', 'i-1', declaration)).toEqual({
      ok: false,
      kind: 'upload-incomplete',
      detail: 'the share was not uploaded yet.',
    });

    const upload = await shares.presignInputUpload('A', 'c-1', 'i-1', declaration);
    const put = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: share });
    expect(put.status).toBe(200);
    expect(await shares.verifyInputUpload('A', 'c-1', 'i-1', declaration)).toEqual({ ok: true });

    // s3rver checks no signature: other bytes of the same length get in, and the stored SHA-256 finds them.
    const tampered = text('sealed share byteS');
    const other = await shares.presignInputUpload('A', 'c-1', 'i-2', declaration);
    await fetch(other.url, {
      method: 'PUT',
      headers: { 'content-length': String(tampered.length) },
      body: tampered,
    });
    expect(await shares.verifyInputUpload('A', 'c-1', 'i-2', declaration)).toEqual({
      ok: false,
      kind: 'upload-mismatch',
      detail: 'its SHA-256 differs from the declared one.',
    });

    const short = await shares.presignInputUpload('A', 'c-1', 'i-3', declaration);
    await fetch(short.url, { method: 'PUT', body: text('short') });
    expect(await shares.verifyInputUpload('A', 'c-1', 'i-3', declaration)).toEqual({
      ok: false,
      kind: 'upload-mismatch',
      detail: `uploaded 5 bytes, declared ${share.length}.`,
    });
  });

  it('hands out a presigned GET that reads the result share', async () => {
    await new SignedS3ObjectStore(requests, 'results').putObject(
      'results/B/c-1/client-7.share',
      text('result'),
    );
    const download = await storage().presignResultDownload('B', 'c-1', 'client-7');
    const response = await fetch(download.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('result');
  });
});
