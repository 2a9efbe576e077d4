import { createHash } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../local/emulators/credentials.ts';
import type { RunningEmulator } from '../../../local/emulators/dynamodb-local.ts';
import { startS3Server } from '../../../local/emulators/s3-server.ts';
import { S3ObjectStore } from '../../../mpc-servers/storage/s3-object-store.ts';
import { ObjectNotFoundError } from '../../../mpc-servers/storage/object-store.ts';
import { S3ShareStorage } from '../../../lambdas/adapters/s3/s3-share-storage.ts';
import { S3SignedRequests } from '../../../lambdas/adapters/s3/s3-signed-requests.ts';
import { parseListPage, SignedS3ObjectStore } from '../../../lambdas/adapters/s3/signed-s3-object-store.ts';
import { SignedS3ShareStorage } from '../../../lambdas/adapters/s3/signed-s3-share-storage.ts';

/*
 * The signed-request adapters over real TCP against s3rver, beside the SDK-based ones on the same bucket: what
 * one writes the other reads, and both judge uploads alike.
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

describe('SignedS3ShareStorage', () => {
  const share = text('sealed share bytes');
  const declaration = {
    sizeBytes: share.length,
    sha256: createHash('sha256').update(share).digest('base64'),
  };
  const options = { inputBucket: 'inputs', resultBucket: 'results', expiryMinutes: 5, now: () => new Date() };

  function storages() {
    return {
      signed: new SignedS3ShareStorage({ ...options, requests }),
      sdk: new S3ShareStorage({ ...options, client: sdkClient, presigningClient: sdkClient }),
    };
  }

  it('uploads through its presigned PUT and judges uploads as the SDK storage does', async () => {
    const { signed, sdk } = storages();
    const verdicts = async (inputId: string) => [
      await signed.verifyInputUpload('A', 'c-1', inputId, declaration),
      await sdk.verifyInputUpload('A', 'c-1', inputId, declaration),
    ];
    expect(await verdicts('i-1')).toEqual(
      Array(2).fill({ ok: false, kind: 'upload-incomplete', detail: 'the share was not uploaded yet.' }),
    );

    const upload = await signed.presignInputUpload('A', 'c-1', 'i-1', declaration);
    const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: share });
    expect(put.status).toBe(200);
    expect(await verdicts('i-1')).toEqual([{ ok: true }, { ok: true }]);

    const other = await signed.presignInputUpload('A', 'c-1', 'i-2', declaration);
    const tampered = text('sealed share byteS');
    await fetch(other.url, {
      method: 'PUT',
      headers: { 'content-length': String(tampered.length) },
      body: tampered,
    });
    const [signedVerdict, sdkVerdict] = await verdicts('i-2');
    expect(signedVerdict).toEqual({
      ok: false,
      kind: 'upload-mismatch',
      detail: 'its SHA-256 differs from the declared one.',
    });
    expect(sdkVerdict).toEqual(signedVerdict);

    await fetch((await signed.presignInputUpload('A', 'c-1', 'i-3', declaration)).url, {
      method: 'PUT',
      body: text('short'),
    });
    expect((await signed.verifyInputUpload('A', 'c-1', 'i-3', declaration)).ok).toBe(false);
  });

  it('hands out a presigned GET that reads the result share', async () => {
    const { signed } = storages();
    await new SignedS3ObjectStore(requests, 'results').putObject(
      'results/B/c-1/client-7.share',
      text('result'),
    );
    const download = await signed.presignResultDownload('B', 'c-1', 'client-7');
    const response = await fetch(download.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('result');
  });
});
