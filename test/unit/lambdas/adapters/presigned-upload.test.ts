import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { s3Client, type AwsClientSettings } from '../../../../lambdas/adapters/aws-clients.ts';
import { S3ShareStorage } from '../../../../lambdas/adapters/s3/s3-share-storage.ts';
import { rawQuery, signatureS3Computes } from './support/presigned-url-signature.ts';

/*
 * The share storage's presigned URLs, on the S3 client the composition root makes, held to the
 * checksum-signed form of DESIGN.md section 8: size and SHA-256 are signed headers (never query values), no
 * CRC32 of an empty body is signed in, and the signature is the one S3 computes for the headers the client
 * is told to send (checked independently, since s3rver checks no signature) and not for another checksum.
 */

const signingTime = new Date('2030-05-01T10:00:00.000Z');
const sha256 = createHash('sha256').update('sealed share').digest('base64');
const otherSha256 = createHash('sha256').update('another share').digest('base64');
const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const ENVIRONMENT = ['AWS_REGION', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_S3'];
let saved: Record<string, string | undefined>;

beforeEach(() => {
  saved = Object.fromEntries(ENVIRONMENT.map((name) => [name, process.env[name]]));
  for (const name of ENVIRONMENT) delete process.env[name];
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
  /** The composition root's explicit endpoint (local runtime). */
  endpoint?: string;
  /** Set as AWS_ENDPOINT_URL, which the SDK reads itself. */
  environmentEndpoint?: string;
  sessionToken?: string;
  /** Where the URL must go. */
  origin: string;
  pathPrefix: string;
}

const settings: Setting[] = [
  {
    name: 'AWS eu-west-1 (virtual-hosted)',
    region: 'eu-west-1',
    forcePathStyle: false,
    origin: 'https://inputs-bucket.s3.eu-west-1.amazonaws.com',
    pathPrefix: '',
  },
  {
    name: 'AWS us-east-1 (virtual-hosted)',
    region: 'us-east-1',
    forcePathStyle: false,
    origin: 'https://inputs-bucket.s3.us-east-1.amazonaws.com',
    pathPrefix: '',
  },
  {
    name: 'AWS with a session token (Lambda role credentials)',
    region: 'eu-central-1',
    forcePathStyle: false,
    sessionToken: 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+token/with+chars==',
    origin: 'https://inputs-bucket.s3.eu-central-1.amazonaws.com',
    pathPrefix: '',
  },
  {
    name: 'an emulator endpoint, path style (s3rver)',
    region: 'us-east-1',
    forcePathStyle: true,
    endpoint: 'http://127.0.0.1:4569',
    origin: 'http://127.0.0.1:4569',
    pathPrefix: '/inputs-bucket',
  },
  {
    name: 'AWS_ENDPOINT_URL, path style (LocalStack)',
    region: 'us-east-1',
    forcePathStyle: true,
    environmentEndpoint: 'http://localhost:4566',
    sessionToken: 'test',
    origin: 'http://localhost:4566',
    pathPrefix: '/inputs-bucket',
  },
  {
    name: 'a named endpoint, virtual-hosted, with a session token',
    region: 'eu-west-1',
    forcePathStyle: false,
    endpoint: 'https://storage.example.test',
    sessionToken: 'token/with+chars=',
    origin: 'https://inputs-bucket.storage.example.test',
    pathPrefix: '',
  },
];

function storage(setting: Setting, expiryMinutes: number): S3ShareStorage {
  if (setting.environmentEndpoint) process.env.AWS_ENDPOINT_URL = setting.environmentEndpoint;
  const aws: AwsClientSettings = {
    region: setting.region,
    credentials: { ...CREDENTIALS, ...(setting.sessionToken ? { sessionToken: setting.sessionToken } : {}) },
    ...(setting.endpoint ? { endpoints: { s3: setting.endpoint } } : {}),
    s3ForcePathStyle: setting.forcePathStyle,
  };
  return new S3ShareStorage({
    client: s3Client(aws),
    inputBucket: 'inputs-bucket',
    resultBucket: 'inputs-bucket',
    expiryMinutes,
    now: () => signingTime,
  });
}

function expectChecksumSigned(url: string, headers: Record<string, string>, minutes: number): void {
  const query = new Map(rawQuery(url));
  expect(query.get('X-Amz-Expires')).toBe(String(minutes * 60));
  expect(query.get('X-Amz-Date')).toBe('20300501T100000Z');
  expect((query.get('X-Amz-SignedHeaders') ?? '').split(';').sort()).toEqual([
    'content-length',
    'host',
    'x-amz-checksum-sha256',
  ]);
  // The checksum travels as a signed header, never as a query value (that would not be enforced), and no
  // CRC32 of an empty body sneaks in.
  expect([...query.keys()].filter((name) => /crc32|checksum|x-amz-sdk/i.test(name))).toEqual([]);
  const signature = query.get('X-Amz-Signature');
  expect(signatureS3Computes(url, 'PUT', headers, CREDENTIALS.secretAccessKey)).toBe(signature);
  // A body with another checksum or another size is refused.
  for (const other of [
    { ...headers, 'x-amz-checksum-sha256': otherSha256 },
    { ...headers, 'content-length': String(Number(headers['content-length']) + 1) },
  ])
    expect(signatureS3Computes(url, 'PUT', other, CREDENTIALS.secretAccessKey)).not.toBe(signature);
}

describe('presigned share uploads and downloads', () => {
  for (const setting of settings) {
    for (const minutes of [1, 15, 60]) {
      it(`upload, ${setting.name}, ${minutes} minutes: checksum-signed`, async () => {
        const share = { sizeBytes: 12 + minutes, sha256 };
        const upload = await storage(setting, minutes).presignInputUpload('B', 'c-1', 'i-1', share);
        expect(upload.method).toBe('PUT');
        expect(upload.headers).toEqual({
          'content-length': String(share.sizeBytes),
          'x-amz-checksum-sha256': sha256,
        });
        expect(upload.url.startsWith(`${setting.origin}${setting.pathPrefix}/inputs/B/c-1/i-1.share?`)).toBe(
          true,
        );
        expectChecksumSigned(upload.url, upload.headers, minutes);
        expect(new Map(rawQuery(upload.url)).get('X-Amz-Security-Token')).toBe(setting.sessionToken);
        expect(Date.parse(upload.expiresAt) - signingTime.getTime()).toBe(minutes * 60_000);
      });
    }

    it(`download, ${setting.name}`, async () => {
      const download = await storage(setting, 15).presignResultDownload('A', 'c-1', 'client-7');
      expect(download).toMatchObject({ method: 'GET', headers: {} });
      expect(
        download.url.startsWith(`${setting.origin}${setting.pathPrefix}/results/A/c-1/client-7.share?`),
      ).toBe(true);
      const query = new Map(rawQuery(download.url));
      expect(query.get('X-Amz-SignedHeaders')).toBe('host');
      expect(query.get('X-Amz-Expires')).toBe('900');
      expect(signatureS3Computes(download.url, 'GET', {}, CREDENTIALS.secretAccessKey)).toBe(
        query.get('X-Amz-Signature'),
      );
      expect(Date.parse(download.expiresAt) - signingTime.getTime()).toBe(900_000);
    });
  }

  for (const [collaborationId, inputId] of [
    ['c 1', 'i+1'],
    ['ü', '€ & =?#%'],
    ["(b)!*'~", 'c'],
  ]) {
    it(`ids that need encoding in the key: ${JSON.stringify([collaborationId, inputId])}`, async () => {
      for (const setting of [settings[0]!, settings[3]!]) {
        const upload = await storage(setting, 5).presignInputUpload('A', collaborationId!, inputId!, {
          sizeBytes: 12,
          sha256,
        });
        expectChecksumSigned(upload.url, upload.headers, 5);
      }
    });
  }

  it('signs with other credentials to another signature (the check can fail)', async () => {
    const upload = await storage(settings[0]!, 15).presignInputUpload('A', 'c-1', 'i-1', {
      sizeBytes: 3,
      sha256,
    });
    expect(signatureS3Computes(upload.url, 'PUT', upload.headers, 'another-secret')).not.toBe(
      new Map(rawQuery(upload.url)).get('X-Amz-Signature'),
    );
  });
});
