/**
 * `ObjectStore` on Amazon S3 (AWS SDK v3), for the computation service and the workflow steps alike. Give it
 * the container's client; without one it makes its own, which honours `AWS_ENDPOINT_URL` natively, with
 * `forcePathStyle` from `S3_FORCE_PATH_STYLE=true` (s3rver, LocalStack). Every object goes up in one
 * PutObject (see `object-store.ts`).
 */
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { ObjectNotFoundError, collectBytes, type ObjectStore } from './object-store.ts';
import { SDK_SOCKET_TIMEOUTS } from '../aws/sdk-timeouts.ts';

export interface S3ObjectStoreOptions {
  bucket: string;
  /** A ready client; otherwise one is made from `clientConfig`. */
  client?: S3Client;
  clientConfig?: S3ClientConfig;
}

const DELETE_BATCH = 1000; // DeleteObjects limit

export class S3ObjectStore implements ObjectStore {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3ObjectStoreOptions) {
    this.bucket = options.bucket;
    this.client =
      options.client ??
      new S3Client({
        forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
        ...SDK_SOCKET_TIMEOUTS,
        ...options.clientConfig,
      });
  }

  async getObject(key: string): Promise<Uint8Array> {
    let body: Readable;
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (response.Body === undefined) throw new Error(`S3 returned no body for ${key}`);
      body = response.Body as Readable;
    } catch (error) {
      throw isNotFound(error) ? new ObjectNotFoundError(key) : error;
    }
    return collectBytes(body);
  }

  async putObject(key: string, body: Uint8Array, options: { contentType?: string } = {}): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: options.contentType }),
    );
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
}

function isNotFound(error: unknown): boolean {
  const { name, $metadata } = (error ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } };
  if (name === 'NoSuchBucket') return false;
  return name === 'NoSuchKey' || name === 'NotFound' || $metadata?.httpStatusCode === 404;
}
