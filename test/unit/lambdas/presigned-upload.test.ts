import { createHash } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { presigningS3Client } from '../../../lambdas/adapters/aws-clients.ts';
import { S3ShareStorage } from '../../../lambdas/adapters/s3/s3-share-storage.ts';

const signingTime = new Date('2030-05-01T10:00:00.000Z');
const sha256 = createHash('sha256').update('sealed share').digest('base64');

function storage(expiryMinutes: number, presigningClient: S3Client) {
  return new S3ShareStorage({
    // Never contacted: presigning is local computation.
    client: new S3Client({ region: 'eu-west-1' }),
    presigningClient,
    inputBucket: 'inputs-bucket',
    resultBucket: 'results-bucket',
    expiryMinutes,
    now: () => signingTime,
  });
}

function productionLikeClient(): S3Client {
  process.env.AWS_REGION = 'eu-west-1';
  process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
  process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
  return presigningS3Client({ forcePathStyle: false });
}

describe('presigned share uploads', () => {
  for (const minutes of [1, 15, 60]) {
    it(`expire after the configured ${minutes} minutes and keep size and checksum signed`, async () => {
      const upload = await storage(minutes, productionLikeClient()).presignInputUpload('B', 'c-1', 'i-1', {
        sizeBytes: 12,
        sha256,
      });
      const url = new URL(upload.url);
      expect(url.pathname).toBe('/inputs/B/c-1/i-1.share');
      expect(Number(url.searchParams.get('X-Amz-Expires'))).toBe(minutes * 60);
      expect(url.searchParams.get('X-Amz-Date')).toBe('20300501T100000Z');
      expect(Date.parse(upload.expiresAt) - signingTime.getTime()).toBe(minutes * 60_000);
      const signed = (url.searchParams.get('X-Amz-SignedHeaders') ?? '').split(';');
      expect(signed).toEqual(expect.arrayContaining(['host', 'content-length', 'x-amz-checksum-sha256']));
      // The checksum travels as a signed header, never as a query value (that would not be enforced).
      expect(url.searchParams.has('x-amz-checksum-sha256')).toBe(false);
      // WHEN_REQUIRED: no CRC32 of an empty body sneaks in.
      expect([...url.searchParams.keys()].some((name) => /crc32/i.test(name))).toBe(false);
      expect(upload.headers).toEqual({ 'content-length': '12', 'x-amz-checksum-sha256': sha256 });
    });
  }

  it('result downloads expire after the configured minutes too', async () => {
    const download = await storage(15, productionLikeClient()).presignResultDownload('A', 'c-1', 'client-7');
    const url = new URL(download.url);
    expect(url.pathname).toBe('/results/A/c-1/client-7.share');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
  });
});
