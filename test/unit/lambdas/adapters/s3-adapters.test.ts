import { createHash } from 'node:crypto';
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../../local/emulators/credentials.ts';
import type { RunningEmulator } from '../../../../local/emulators/dynamodb-local.ts';
import { startS3Server } from '../../../../local/emulators/s3-server.ts';
import { S3ObjectStore } from '../../../../contract/storage/s3-object-store.ts';
import { s3Client } from '../../../../lambdas/adapters/aws-clients.ts';
import { S3ShareStorage } from '../../../../lambdas/adapters/s3/s3-share-storage.ts';

/*
 * The share storage over real TCP against s3rver, on the client the composition root makes: its presigned
 * URLs and upload checks, and a result share the workflow's object store wrote.
 */

let s3: RunningEmulator;
let client: S3Client;

beforeAll(async () => {
  s3 = await startS3Server({ buckets: ['inputs', 'results'] });
  client = s3Client({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoints: { s3: s3.endpoint },
    s3ForcePathStyle: true,
  });
});
afterAll(async () => {
  client?.destroy();
  await s3?.stop();
});

const text = (value: string) => new TextEncoder().encode(value);

describe('S3ShareStorage', () => {
  const share = text('sealed share bytes');
  const declaration = {
    sizeBytes: share.length,
    sha256: createHash('sha256').update(share).digest('base64'),
  };
  const storage = () =>
    new S3ShareStorage({
      client,
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

    // s3rver checks no signature and keeps no checksum: other bytes of that length get in, hashing finds them.
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
    await new S3ObjectStore({ bucket: 'results', client }).putObject(
      'results/B/c-1/client-7.share',
      text('result'),
    );
    const download = await storage().presignResultDownload('B', 'c-1', 'client-7');
    const response = await fetch(download.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('result');
  });
});

describe('the upload check on AWS, through the role a server grants', () => {
  const declaration = { sizeBytes: 18, sha256: createHash('sha256').update('share').digest('base64') };
  /** A client that answers listings as S3 does and fails any other request, as the granted role would. */
  const listingOnly = (contents: { Key: string; Size: number; ChecksumAlgorithm?: string[] }[]) => {
    const sent: unknown[] = [];
    const client = {
      send: async (command: unknown) => {
        sent.push(command);
        if (!(command instanceof ListObjectsV2Command))
          throw Object.assign(new Error('denied'), { name: 'AccessDenied' });
        return { Contents: contents.filter((entry) => entry.Key.startsWith(command.input.Prefix ?? '')) };
      },
    } as unknown as S3Client;
    const storage = new S3ShareStorage({
      client,
      inputBucket: 'inputs',
      resultBucket: 'results',
      expiryMinutes: 5,
      now: () => new Date(),
    });
    return { storage, sent };
  };

  it('lists the share’s own key only, never reads it', async () => {
    const { storage, sent } = listingOnly([
      { Key: 'inputs/A/c-1/i-1.share', Size: 18, ChecksumAlgorithm: ['SHA256'] },
    ]);
    expect(await storage.verifyInputUpload('A', 'c-1', 'i-1', declaration)).toEqual({ ok: true });
    expect(sent).toHaveLength(1);
    expect((sent[0] as ListObjectsV2Command).input).toEqual({
      Bucket: 'inputs',
      Prefix: 'inputs/A/c-1/i-1.share',
      MaxKeys: 1,
    });
  });

  it('reads a missing share as upload-incomplete: an empty listing, no 403 to tell apart', async () => {
    const { storage } = listingOnly([
      { Key: 'inputs/A/c-1/i-10.share', Size: 18, ChecksumAlgorithm: ['SHA256'] },
    ]);
    expect(await storage.verifyInputUpload('A', 'c-1', 'i-1', declaration)).toMatchObject({
      ok: false,
      kind: 'upload-incomplete',
    });
  });

  it('refuses another size, or an object S3 keeps no SHA-256 of', async () => {
    const { storage } = listingOnly([
      { Key: 'inputs/A/c-1/i-1.share', Size: 17, ChecksumAlgorithm: ['SHA256'] },
      { Key: 'inputs/A/c-1/i-2.share', Size: 18, ChecksumAlgorithm: ['CRC64NVME'] },
    ]);
    expect(await storage.verifyInputUpload('A', 'c-1', 'i-1', declaration)).toEqual({
      ok: false,
      kind: 'upload-mismatch',
      detail: 'uploaded 17 bytes, declared 18.',
    });
    expect(await storage.verifyInputUpload('A', 'c-1', 'i-2', declaration)).toEqual({
      ok: false,
      kind: 'upload-mismatch',
      detail: 'it was uploaded without the declared SHA-256.',
    });
  });
});
