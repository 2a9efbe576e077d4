import { afterEach, describe, expect, it } from 'vitest';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { startS3Server } from '../../../../local/emulators/s3-server.ts';
import { ApiError } from '../../../../client/http/api-error.ts';
import { createRetryingFetch } from '../../../../client/http/retrying-fetch.ts';
import { declareShare, getPresigned, putPresigned } from '../../../../client/sdk/presigned-transfer.ts';
import {
  startLoopbackServer,
  type LoopbackServer,
  type ReceivedRequest,
} from '../support/loopback-server.ts';
import { localS3Client } from '../../../../local/emulators/local-clients.ts';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});
const expiresAt = new Date(Date.now() + 600_000).toISOString();
const share = new Uint8Array([7, 1, 2, 3, 250]);

describe('declareShare', () => {
  it('gives the exact size and the base64 SHA-256 S3 expects', () => {
    // sha256 of the empty string, base64: the well-known 47DEQpj8... value.
    expect(declareShare(new Uint8Array())).toEqual({
      sizeBytes: 0,
      sha256: '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
    });
    expect(declareShare(share).sizeBytes).toBe(5);
  });
});

describe('putPresigned and getPresigned', () => {
  it('send exactly the signed headers and the body, retrying a 503', async () => {
    const received: ReceivedRequest[] = [];
    const storage: LoopbackServer = await startLoopbackServer((request, response) => {
      received.push(request);
      response.writeHead(received.length === 1 ? 503 : 200).end();
    });
    stops.push(storage.close);
    const { sha256 } = declareShare(share);
    const request = {
      method: 'PUT' as const,
      url: `${storage.url}/inputs/A/c/i.share?X-Amz-Signature=abc`,
      headers: {
        'x-amz-checksum-sha256': sha256,
        'content-type': 'application/octet-stream',
        Host: 'ignored',
      },
      expiresAt,
    };
    await putPresigned(request, share, createRetryingFetch({ baseDelayMs: 1 }));
    expect(received).toHaveLength(2);
    const last = received[1]!;
    expect(last.method).toBe('PUT');
    expect(last.url).toBe('/inputs/A/c/i.share?X-Amz-Signature=abc');
    expect(last.headers['x-amz-checksum-sha256']).toBe(sha256);
    expect(last.headers['content-length']).toBe('5');
    expect(last.headers.authorization).toBeUndefined();
    expect(new Uint8Array(last.bytes)).toEqual(share);
  });

  it('surfaces a storage refusal as ApiError', async () => {
    const storage = await startLoopbackServer((_request, response) => {
      response
        .writeHead(403, { 'x-amz-request-id': 'S3-1' })
        .end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
    });
    stops.push(storage.close);
    const error = await getPresigned(
      { method: 'GET', url: storage.url, headers: {}, expiresAt },
      fetch,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, requestId: 'S3-1' });
  });

  it('round-trip through S3 presigned URLs with the checksum header signed', async () => {
    const s3 = await startS3Server({ buckets: ['shares'] });
    stops.push(s3.stop);
    const client = localS3Client(s3.endpoint, { requestChecksumCalculation: 'WHEN_REQUIRED' });
    const { sha256 } = declareShare(share);
    const putUrl = await getSignedUrl(
      client,
      new PutObjectCommand({ Bucket: 'shares', Key: 'k.share', ChecksumSHA256: sha256 }),
      { expiresIn: 60, unhoistableHeaders: new Set(['x-amz-checksum-sha256']) },
    );
    expect(putUrl).toContain('x-amz-checksum-sha256');
    await putPresigned(
      { method: 'PUT', url: putUrl, headers: { 'x-amz-checksum-sha256': sha256 }, expiresAt },
      share,
      fetch,
    );
    const getUrl = await getSignedUrl(client, new GetObjectCommand({ Bucket: 'shares', Key: 'k.share' }), {
      expiresIn: 60,
    });
    expect(await getPresigned({ method: 'GET', url: getUrl, headers: {}, expiresAt }, fetch)).toEqual(share);
  });
});
