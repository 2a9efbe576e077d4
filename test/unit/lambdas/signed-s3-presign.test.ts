import { createHash } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { presigningS3Client } from '../../../lambdas/adapters/aws-clients.ts';
import { S3ShareStorage } from '../../../lambdas/adapters/s3/s3-share-storage.ts';
import { S3SignedRequests } from '../../../lambdas/adapters/s3/s3-signed-requests.ts';
import { SignedS3ShareStorage } from '../../../lambdas/adapters/s3/signed-s3-share-storage.ts';

/*
 * The signed-request presigner must produce exactly the URL the SDK's presigner does (same signing date,
 * credentials and region), for AWS's virtual-hosted endpoint and for a path-style custom endpoint: then the
 * presigning rules the SDK path is tested for (checksum signed, no CRC32, expiry) hold for it too.
 */

const signingTime = new Date('2030-05-01T10:00:00.000Z');
const sha256 = createHash('sha256').update('sealed share').digest('base64');
const ENVIRONMENT = [
  'AWS_REGION',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_S3',
];
let saved: Record<string, string | undefined>;

beforeEach(() => {
  saved = Object.fromEntries(ENVIRONMENT.map((name) => [name, process.env[name]]));
  for (const name of ENVIRONMENT) delete process.env[name];
  process.env.AWS_REGION = 'eu-west-1';
  process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
  process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
});
afterEach(() => {
  for (const name of ENVIRONMENT) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

function bothStorages(expiryMinutes: number, forcePathStyle: boolean) {
  const common = {
    inputBucket: 'inputs-bucket',
    resultBucket: 'results-bucket',
    expiryMinutes,
    now: () => signingTime,
  };
  return {
    sdk: new S3ShareStorage({
      ...common,
      client: new S3Client({ region: 'eu-west-1' }),
      presigningClient: presigningS3Client({ forcePathStyle }),
    }),
    signed: new SignedS3ShareStorage({ ...common, requests: new S3SignedRequests({ forcePathStyle }) }),
  };
}

const endpoints = [
  { name: 'AWS (virtual-hosted)', endpoint: undefined, forcePathStyle: false },
  { name: 'a custom endpoint, path style', endpoint: 'http://127.0.0.1:4569', forcePathStyle: true },
  {
    name: 'a custom endpoint with a session token',
    endpoint: 'https://storage.example.test',
    forcePathStyle: false,
    sessionToken: 'token/with+chars=',
  },
];

describe('presigning on signed requests', () => {
  for (const { name, endpoint, forcePathStyle, sessionToken } of endpoints) {
    for (const minutes of [1, 15, 60]) {
      it(`gives the SDK's upload URL for ${name}, ${minutes} minutes`, async () => {
        if (endpoint) process.env.AWS_ENDPOINT_URL_S3 = endpoint;
        if (sessionToken) process.env.AWS_SESSION_TOKEN = sessionToken;
        const { sdk, signed } = bothStorages(minutes, forcePathStyle);
        const share = { sizeBytes: 12 + minutes, sha256 };
        const expected = await sdk.presignInputUpload('B', 'c-1', 'i-1', share);
        const actual = await signed.presignInputUpload('B', 'c-1', 'i-1', share);
        expect(actual).toEqual(expected);
        const url = new URL(actual.url);
        expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(
          expect.arrayContaining(['host', 'content-length', 'x-amz-checksum-sha256']),
        );
        expect(url.searchParams.has('x-amz-checksum-sha256')).toBe(false);
        expect(Number(url.searchParams.get('X-Amz-Expires'))).toBe(minutes * 60);
      });
    }

    it(`gives the SDK's download URL for ${name}`, async () => {
      if (endpoint) process.env.AWS_ENDPOINT_URL_S3 = endpoint;
      if (sessionToken) process.env.AWS_SESSION_TOKEN = sessionToken;
      const { sdk, signed } = bothStorages(15, forcePathStyle);
      expect(await signed.presignResultDownload('A', 'c-1', 'client-7')).toEqual(
        await sdk.presignResultDownload('A', 'c-1', 'client-7'),
      );
    });
  }

  it('signs with other credentials to another URL (the comparison can fail)', async () => {
    const { sdk } = bothStorages(15, false);
    const expected = await sdk.presignResultDownload('A', 'c-1', 'client-7');
    process.env.AWS_SECRET_ACCESS_KEY = 'another-secret';
    const { signed } = bothStorages(15, false);
    const actual = await signed.presignResultDownload('A', 'c-1', 'client-7');
    expect(new URL(actual.url).searchParams.get('X-Amz-Signature')).not.toBe(
      new URL(expected.url).searchParams.get('X-Amz-Signature'),
    );
  });
});
