import { createHash } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { S3ShareStorage } from '../../../lambdas/adapters/s3/s3-share-storage.ts';
import { S3SignedRequests } from '../../../lambdas/adapters/s3/s3-signed-requests.ts';

/*
 * The share storage presigns without the SDK, so its URLs are held to the SDK's presigner, configured as
 * DESIGN.md section 8 says (WHEN_REQUIRED checksums, the SHA-256 header unhoistable): for the same inputs,
 * clock, region and credentials both must give the same URL, byte for byte. Then the presigning rules (checksum
 * and size signed, no CRC32 of an empty body, expiry) hold because the SDK's do, and they are checked too.
 */

const signingTime = new Date('2030-05-01T10:00:00.000Z');
const sha256 = createHash('sha256').update('sealed share').digest('base64');
const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
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
  process.env.AWS_ACCESS_KEY_ID = CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = CREDENTIALS.secretAccessKey;
});
afterEach(() => {
  for (const name of ENVIRONMENT) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

interface Setting {
  name: string;
  region: string;
  forcePathStyle: boolean;
  /** Set as AWS_ENDPOINT_URL_S3, read by both the SDK and the signed requests. */
  endpoint?: string;
  sessionToken?: string;
}

const settings: Setting[] = [
  { name: 'AWS eu-west-1 (virtual-hosted)', region: 'eu-west-1', forcePathStyle: false },
  { name: 'AWS us-east-1 (virtual-hosted)', region: 'us-east-1', forcePathStyle: false },
  {
    name: 'AWS with a session token (Lambda role credentials)',
    region: 'eu-central-1',
    forcePathStyle: false,
    sessionToken: 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+token/with+chars==',
  },
  {
    name: 'an emulator endpoint, path style (s3rver)',
    region: 'us-east-1',
    forcePathStyle: true,
    endpoint: 'http://127.0.0.1:4569',
  },
  {
    name: 'a LocalStack-style endpoint, path style',
    region: 'us-east-1',
    forcePathStyle: true,
    endpoint: 'http://localhost:4566',
    sessionToken: 'test',
  },
  {
    name: 'an IP endpoint without forcePathStyle',
    region: 'us-east-1',
    forcePathStyle: false,
    endpoint: 'http://127.0.0.1:4566',
  },
  {
    name: 'a named endpoint, virtual-hosted, with a session token',
    region: 'eu-west-1',
    forcePathStyle: false,
    endpoint: 'https://storage.example.test',
    sessionToken: 'token/with+chars=',
  },
];

function useSetting(setting: Setting): void {
  process.env.AWS_REGION = setting.region;
  if (setting.endpoint) process.env.AWS_ENDPOINT_URL_S3 = setting.endpoint;
  if (setting.sessionToken) process.env.AWS_SESSION_TOKEN = setting.sessionToken;
}

/** The reference: the SDK's presigning client as the SDK-based adapter used to build it. */
function sdkPresigningClient(setting: Setting): S3Client {
  return new S3Client({
    region: setting.region,
    forcePathStyle: setting.forcePathStyle,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    credentials: { ...CREDENTIALS, ...(setting.sessionToken ? { sessionToken: setting.sessionToken } : {}) },
  });
}

async function sdkUploadUrl(
  setting: Setting,
  bucket: string,
  key: string,
  sizeBytes: number,
  expiresIn: number,
) {
  const command = new PutObjectCommand({
    Bucket: bucket,
    Key: key,
    ContentLength: sizeBytes,
    ChecksumSHA256: sha256,
  });
  return getSignedUrl(sdkPresigningClient(setting), command, {
    expiresIn,
    unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
    signingDate: signingTime,
  });
}

async function sdkDownloadUrl(setting: Setting, bucket: string, key: string, expiresIn: number) {
  return getSignedUrl(sdkPresigningClient(setting), new GetObjectCommand({ Bucket: bucket, Key: key }), {
    expiresIn,
    signingDate: signingTime,
  });
}

function storage(setting: Setting, expiryMinutes: number): S3ShareStorage {
  return new S3ShareStorage({
    requests: new S3SignedRequests({ forcePathStyle: setting.forcePathStyle }),
    inputBucket: 'inputs-bucket',
    resultBucket: 'results-bucket',
    expiryMinutes,
    now: () => signingTime,
  });
}

describe('presigned share uploads and downloads: the SDK presigner URL', () => {
  for (const setting of settings) {
    for (const minutes of [1, 15, 60]) {
      it(`upload, ${setting.name}, ${minutes} minutes`, async () => {
        useSetting(setting);
        const share = { sizeBytes: 12 + minutes, sha256 };
        const upload = await storage(setting, minutes).presignInputUpload('B', 'c-1', 'i-1', share);
        const expected = await sdkUploadUrl(
          setting,
          'inputs-bucket',
          'inputs/B/c-1/i-1.share',
          share.sizeBytes,
          minutes * 60,
        );
        expect(upload.url).toBe(expected);
        expect(upload.method).toBe('PUT');
        expect(upload.headers).toEqual({
          'content-length': String(share.sizeBytes),
          'x-amz-checksum-sha256': sha256,
        });
        expect(Date.parse(upload.expiresAt) - signingTime.getTime()).toBe(minutes * 60_000);
      });
    }

    it(`download, ${setting.name}`, async () => {
      useSetting(setting);
      const download = await storage(setting, 15).presignResultDownload('A', 'c-1', 'client-7');
      expect(download.url).toBe(
        await sdkDownloadUrl(setting, 'results-bucket', 'results/A/c-1/client-7.share', 900),
      );
      expect(download).toMatchObject({ method: 'GET', headers: {} });
      expect(Date.parse(download.expiresAt) - signingTime.getTime()).toBe(900_000);
    });
  }

  for (const key of [
    'inputs/A/c 1/i+1.share',
    'inputs/A/ü/€ & =?#%.share',
    "a/(b)!*'~/c.share",
    'a//b/./c',
  ]) {
    it(`keys that need encoding: ${JSON.stringify(key)}`, async () => {
      for (const setting of [settings[0]!, settings[3]!]) {
        useSetting(setting);
        const requests = new S3SignedRequests({ forcePathStyle: setting.forcePathStyle });
        const headers = { 'content-length': '12', 'x-amz-checksum-sha256': sha256 };
        const put = await requests.presign(
          { method: 'PUT', bucket: 'inputs-bucket', key, query: { 'x-id': 'PutObject' }, headers },
          {
            expiresInSeconds: 300,
            signingDate: signingTime,
            unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
          },
        );
        expect(put).toBe(await sdkUploadUrl(setting, 'inputs-bucket', key, 12, 300));
        const get = await requests.presign(
          { method: 'GET', bucket: 'inputs-bucket', key, query: { 'x-id': 'GetObject' } },
          { expiresInSeconds: 300, signingDate: signingTime },
        );
        expect(get).toBe(await sdkDownloadUrl(setting, 'inputs-bucket', key, 300));
      }
    });
  }

  it('signs with other credentials to another URL (the comparison can fail)', async () => {
    const setting = settings[0]!;
    useSetting(setting);
    const expected = await sdkDownloadUrl(setting, 'results-bucket', 'results/A/c-1/client-7.share', 900);
    process.env.AWS_SECRET_ACCESS_KEY = 'another-secret';
    const actual = await storage(setting, 15).presignResultDownload('A', 'c-1', 'client-7');
    expect(new URL(actual.url).searchParams.get('X-Amz-Signature')).not.toBe(
      new URL(expected).searchParams.get('X-Amz-Signature'),
    );
  });
});

describe('presigning rules (DESIGN.md section 8)', () => {
  for (const minutes of [1, 15, 60]) {
    it(`uploads expire after the configured ${minutes} minutes and keep size and checksum signed`, async () => {
      useSetting(settings[0]!);
      const upload = await storage(settings[0]!, minutes).presignInputUpload('B', 'c-1', 'i-1', {
        sizeBytes: 12,
        sha256,
      });
      const url = new URL(upload.url);
      expect(url.hostname).toBe('inputs-bucket.s3.eu-west-1.amazonaws.com');
      expect(url.pathname).toBe('/inputs/B/c-1/i-1.share');
      expect(Number(url.searchParams.get('X-Amz-Expires'))).toBe(minutes * 60);
      expect(url.searchParams.get('X-Amz-Date')).toBe('20300501T100000Z');
      const signed = (url.searchParams.get('X-Amz-SignedHeaders') ?? '').split(';');
      expect(signed).toEqual(expect.arrayContaining(['host', 'content-length', 'x-amz-checksum-sha256']));
      // The checksum travels as a signed header, never as a query value (that would not be enforced).
      expect(url.searchParams.has('x-amz-checksum-sha256')).toBe(false);
      // No CRC32 of an empty body sneaks in.
      expect([...url.searchParams.keys()].some((name) => /crc32|checksum/i.test(name))).toBe(false);
    });
  }

  it('puts the session token in the signed query and uses path style on an emulator endpoint', async () => {
    const setting = { ...settings[3]!, sessionToken: 'session/token+=' };
    useSetting(setting);
    const upload = await storage(setting, 15).presignInputUpload('A', 'c-1', 'i-1', { sizeBytes: 3, sha256 });
    const url = new URL(upload.url);
    expect(url.origin).toBe('http://127.0.0.1:4569');
    expect(url.pathname).toBe('/inputs-bucket/inputs/A/c-1/i-1.share');
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe('session/token+=');
  });
});
