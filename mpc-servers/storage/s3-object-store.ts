/**
 * `ObjectStore` on Amazon S3 (AWS SDK v3). The client honours `AWS_ENDPOINT_URL` natively; pass `endpoint`
 * only to override it (tests). `forcePathStyle` defaults to `S3_FORCE_PATH_STYLE=true` from the environment
 * (s3rver, LocalStack). Streamed bodies go up as a multipart upload in `partBytes` parts (default 8 MiB, the
 * S3 minimum is 5 MiB), one part in memory at a time; a body smaller than one part is a single PutObject.
 */
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  AbortMultipartUploadCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { ObjectNotFoundError, collectBytes, type ObjectBody, type ObjectStore } from './object-store.ts';
import { SDK_SOCKET_TIMEOUTS } from '../runtime/sdk-timeouts.ts';

export interface S3ObjectStoreOptions {
  bucket: string;
  /** A ready client; otherwise one is made from `clientConfig`. */
  client?: S3Client;
  clientConfig?: S3ClientConfig;
  partBytes?: number;
}

const MIN_PART_BYTES = 5 << 20;
const DELETE_BATCH = 1000; // DeleteObjects limit

export class S3ObjectStore implements ObjectStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly partBytes: number;

  constructor(options: S3ObjectStoreOptions) {
    this.bucket = options.bucket;
    this.partBytes = Math.max(MIN_PART_BYTES, options.partBytes ?? 8 << 20);
    this.client =
      options.client ??
      new S3Client({
        forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
        ...SDK_SOCKET_TIMEOUTS,
        ...options.clientConfig,
      });
  }

  async getObject(key: string): Promise<Uint8Array> {
    return collectBytes(await this.getObjectStream(key));
  }

  async getObjectStream(key: string): Promise<AsyncIterable<Uint8Array>> {
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (response.Body === undefined) throw new Error(`S3 returned no body for ${key}`);
      return response.Body as Readable;
    } catch (error) {
      throw isNotFound(error) ? new ObjectNotFoundError(key) : error;
    }
  }

  async putObject(key: string, body: ObjectBody, options: { contentType?: string } = {}): Promise<void> {
    if (body instanceof Uint8Array) return this.putWhole(key, body, options.contentType);
    const parts = rechunk(body, this.partBytes);
    const first = await parts.next();
    const second = first.done ? first : await parts.next();
    if (second.done)
      return this.putWhole(key, first.done ? new Uint8Array(0) : first.value, options.contentType);
    await this.putMultipart(key, [first.value, second.value], parts, options.contentType);
  }

  async listKeys(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.push(object.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
    return keys;
  }

  async deleteKeys(prefix: string): Promise<number> {
    const keys = await this.listKeys(prefix);
    for (let start = 0; start < keys.length; start += DELETE_BATCH) {
      const batch = keys.slice(start, start + DELETE_BATCH);
      const result = await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
      );
      const failed = result.Errors ?? [];
      if (failed.length > 0) {
        throw new Error(
          `could not delete ${failed.length} objects under ${prefix}: ${failed[0]?.Code ?? ''}`,
        );
      }
    }
    return keys.length;
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  private async putWhole(key: string, body: Uint8Array, contentType: string | undefined): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }),
    );
  }

  private async putMultipart(
    key: string,
    firstParts: Uint8Array[],
    rest: AsyncIterator<Uint8Array>,
    contentType: string | undefined,
  ): Promise<void> {
    const { UploadId } = await this.client.send(
      new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: key, ContentType: contentType }),
    );
    const completed: { ETag: string | undefined; PartNumber: number }[] = [];
    try {
      const upload = async (part: Uint8Array): Promise<void> => {
        const PartNumber = completed.length + 1;
        const { ETag } = await this.client.send(
          new UploadPartCommand({ Bucket: this.bucket, Key: key, UploadId, PartNumber, Body: part }),
        );
        completed.push({ ETag, PartNumber });
      };
      for (const part of firstParts) await upload(part);
      for (let next = await rest.next(); !next.done; next = await rest.next()) await upload(next.value);
      await this.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: this.bucket,
          Key: key,
          UploadId,
          MultipartUpload: { Parts: completed },
        }),
      );
    } catch (error) {
      // Best effort: S3 lifecycle rules also abort stale uploads; some emulators lack this call.
      await this.client
        .send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId }))
        .catch(() => undefined);
      throw error;
    }
  }
}

/** Regroups a stream of arbitrary chunks into parts of exactly `size` bytes (the last may be shorter). */
export async function* rechunk(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  size: number,
): AsyncGenerator<Uint8Array> {
  let part = new Uint8Array(size);
  let filled = 0;
  for await (const chunk of source) {
    let offset = 0;
    while (offset < chunk.length) {
      const count = Math.min(size - filled, chunk.length - offset);
      part.set(chunk.subarray(offset, offset + count), filled);
      filled += count;
      offset += count;
      if (filled === size) {
        yield part;
        part = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield part.subarray(0, filled);
}

function isNotFound(error: unknown): boolean {
  const { name, $metadata } = (error ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } };
  if (name === 'NoSuchBucket') return false;
  return name === 'NoSuchKey' || name === 'NotFound' || $metadata?.httpStatusCode === 404;
}
