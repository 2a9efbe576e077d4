import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DeleteObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_REGION } from '../../../local/emulators/credentials.ts';
import { S3SignedRequests, type S3Request } from '../../../lambdas/adapters/s3/s3-signed-requests.ts';

/*
 * s3rver does not check SigV4 signatures, so the header-signed requests are checked against the SDK's: a
 * recording server receives the same operation from the S3 client and from S3SignedRequests at the same
 * clock time, and the Authorization headers must be equal. The SDK's own extra headers (invocation id, user
 * agent...) are handed to S3SignedRequests as plain headers, so what is compared is what it builds itself:
 * host, path escaping, canonical query, payload hash.
 */

const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const BUILT_BY_SIGNER = [
  'authorization',
  'x-amz-date',
  'x-amz-content-sha256',
  'host',
  'user-agent',
  'connection',
];
let server: Server;
let endpoint: string;
/** How many of the next requests get S3's 503 SlowDown. */
let slowDowns = 0;
const received: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
      if (slowDowns > 0) {
        slowDowns -= 1;
        response.writeHead(503, { 'content-type': 'application/xml' });
        response.end('<Error><Code>SlowDown</Code></Error>');
        return;
      }
      const listing = request.url?.includes('list-type=2');
      response.writeHead(
        request.method === 'DELETE' ? 204 : 200,
        listing ? { 'content-type': 'application/xml' } : {},
      );
      response.end(listing ? '<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2030-05-01T10:00:00.000Z'));
  process.env.AWS_ACCESS_KEY_ID = CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = CREDENTIALS.secretAccessKey;
  delete process.env.AWS_SESSION_TOKEN;
});
afterAll(async () => {
  vi.useRealTimers();
  await new Promise((resolve) => server.close(resolve));
});

const body = new TextEncoder().encode('{"job":"j-1"}');
const cases: { name: string; sdk: (client: S3Client) => Promise<unknown>; signed: S3Request }[] = [
  {
    name: 'HEAD with checksum mode',
    sdk: (client) =>
      client.send(
        new HeadObjectCommand({ Bucket: 'inputs', Key: 'inputs/A/c 1/i+1.share', ChecksumMode: 'ENABLED' }),
      ),
    signed: { method: 'HEAD', bucket: 'inputs', key: 'inputs/A/c 1/i+1.share' },
  },
  {
    name: 'PUT of a body',
    sdk: (client) =>
      client.send(
        new PutObjectCommand({
          Bucket: 'jobs',
          Key: 'jobs/j-1/job.json',
          Body: body,
          ContentType: 'application/json',
        }),
      ),
    signed: { method: 'PUT', bucket: 'jobs', key: 'jobs/j-1/job.json', query: { 'x-id': 'PutObject' }, body },
  },
  {
    name: 'ListObjectsV2 with a continuation token',
    sdk: (client) =>
      client.send(
        new ListObjectsV2Command({ Bucket: 'jobs', Prefix: 'jobs/j 1/', ContinuationToken: 'a+b/c=' }),
      ),
    signed: {
      method: 'GET',
      bucket: 'jobs',
      key: '',
      query: { 'list-type': '2', prefix: 'jobs/j 1/', 'continuation-token': 'a+b/c=' },
    },
  },
  {
    name: 'DELETE',
    sdk: (client) => client.send(new DeleteObjectCommand({ Bucket: 'jobs', Key: 'jobs/j-1/ü.bin' })),
    signed: { method: 'DELETE', bucket: 'jobs', key: 'jobs/j-1/ü.bin', query: { 'x-id': 'DeleteObject' } },
  },
];

describe('header-signed S3 requests', () => {
  for (const { name, sdk, signed } of cases) {
    it(`${name}: same path, query and signature as the S3 client`, async () => {
      const client = new S3Client({
        endpoint,
        region: LOCAL_REGION,
        forcePathStyle: true,
        credentials: CREDENTIALS,
        requestChecksumCalculation: 'WHEN_REQUIRED',
      });
      received.length = 0;
      await sdk(client);
      client.destroy();
      const [fromSdk] = received.splice(0);
      const extra = Object.fromEntries(
        Object.entries(fromSdk!.headers).filter(([header]) => !BUILT_BY_SIGNER.includes(header)),
      ) as Record<string, string>;
      await new S3SignedRequests({ forcePathStyle: true, endpoint, region: LOCAL_REGION }).send({
        ...signed,
        headers: { ...extra, ...signed.headers },
      });
      const [fromSigned] = received.splice(0);
      expect(new URL(fromSigned!.url, endpoint).pathname).toBe(new URL(fromSdk!.url, endpoint).pathname);
      expect(fromSigned!.headers['x-amz-content-sha256']).toBe(fromSdk!.headers['x-amz-content-sha256']);
      expect(fromSigned!.headers.authorization).toBe(fromSdk!.headers.authorization);
    });
  }

  it('retries a SlowDown answer, signing again, and gives up after the attempts', async () => {
    const requests = new S3SignedRequests({ forcePathStyle: true, endpoint, region: LOCAL_REGION });
    const head: S3Request = { method: 'HEAD', bucket: 'inputs', key: 'k' };
    received.length = 0;
    slowDowns = 2;
    expect((await requests.send(head)).status).toBe(200);
    expect(received).toHaveLength(3);
    slowDowns = 3;
    await expect(requests.send(head)).rejects.toMatchObject({ status: 503 });
    slowDowns = 0;
  });
});
