import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { storageLayout } from '../../../mpc-servers/contract/storage-layout.ts';
import type { Party } from '../../../mpc-servers/transport/peer-channel.ts';
import type { ShareDeclaration } from '../../domain/input.ts';
import type { PresignedRequest, ShareStorage, UploadCheck } from '../../ports/share-storage.ts';

export interface S3ShareStorageOptions {
  /** For HeadObject / GetObject. */
  client: S3Client;
  /** Built by presigningS3Client (checksum calculation WHEN_REQUIRED). */
  presigningClient: S3Client;
  inputBucket: string;
  resultBucket: string;
  expiryMinutes: number;
  now: () => Date;
}

/** Keeps the declared checksum a signed header instead of a query parameter, so S3 enforces it on upload. */
const UNHOISTABLE_HEADERS = new Set(['x-amz-checksum-sha256']);

export class S3ShareStorage implements ShareStorage {
  constructor(private readonly options: S3ShareStorageOptions) {}

  async presignInputUpload(
    party: Party,
    collaborationId: string,
    inputId: string,
    share: ShareDeclaration,
  ): Promise<PresignedRequest> {
    const command = new PutObjectCommand({
      Bucket: this.options.inputBucket,
      Key: storageLayout.inputShare(party, collaborationId, inputId),
      ContentLength: share.sizeBytes,
      ChecksumSHA256: share.sha256,
    });
    const expiresIn = this.options.expiryMinutes * 60;
    const expiresAt = new Date(this.options.now().getTime() + expiresIn * 1000).toISOString();
    const url = await getSignedUrl(this.options.presigningClient, command, {
      expiresIn,
      unhoistableHeaders: UNHOISTABLE_HEADERS,
      signingDate: this.options.now(),
    });
    return {
      method: 'PUT',
      url,
      headers: { 'content-length': String(share.sizeBytes), 'x-amz-checksum-sha256': share.sha256 },
      expiresAt,
    };
  }

  async verifyInputUpload(
    party: Party,
    collaborationId: string,
    inputId: string,
    share: ShareDeclaration,
  ): Promise<UploadCheck> {
    const location = {
      Bucket: this.options.inputBucket,
      Key: storageLayout.inputShare(party, collaborationId, inputId),
    };
    let head;
    try {
      head = await this.options.client.send(new HeadObjectCommand({ ...location, ChecksumMode: 'ENABLED' }));
    } catch (error) {
      if (isNotFound(error))
        return { ok: false, kind: 'upload-incomplete', detail: 'the share was not uploaded yet.' };
      throw error;
    }
    if (head.ContentLength !== share.sizeBytes)
      return mismatch(`uploaded ${head.ContentLength ?? 0} bytes, declared ${share.sizeBytes}.`);
    // S3 stores the checksum it enforced at upload; emulators that do not (s3rver) get the object hashed.
    const checksum = head.ChecksumSHA256 ?? (await this.hashObject(location));
    if (checksum !== share.sha256) return mismatch('its SHA-256 differs from the declared one.');
    return { ok: true };
  }

  async presignResultDownload(
    party: Party,
    collaborationId: string,
    recipientId: string,
  ): Promise<PresignedRequest> {
    const expiresIn = this.options.expiryMinutes * 60;
    const command = new GetObjectCommand({
      Bucket: this.options.resultBucket,
      Key: storageLayout.resultShare(party, collaborationId, recipientId),
    });
    const url = await getSignedUrl(this.options.presigningClient, command, {
      expiresIn,
      signingDate: this.options.now(),
    });
    return {
      method: 'GET',
      url,
      headers: {},
      expiresAt: new Date(this.options.now().getTime() + expiresIn * 1000).toISOString(),
    };
  }

  private async hashObject(location: { Bucket: string; Key: string }): Promise<string> {
    const object = await this.options.client.send(new GetObjectCommand(location));
    const hash = createHash('sha256');
    for await (const chunk of object.Body as AsyncIterable<Uint8Array>) hash.update(chunk);
    return hash.digest('base64');
  }
}

function mismatch(detail: string): UploadCheck {
  return { ok: false, kind: 'upload-mismatch', detail };
}

function isNotFound(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return (
    status === 404 || (error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey'))
  );
}
