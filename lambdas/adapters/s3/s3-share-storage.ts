import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { storageLayout } from '../../../mpc-servers/contract/storage-layout.ts';
import type { Party } from '../../../mpc-servers/transport/peer-channel.ts';
import type { ShareDeclaration } from '../../domain/input.ts';
import type { PresignedRequest, ShareStorage, UploadCheck } from '../../ports/share-storage.ts';
import { checkUploadedShare, expiryAfter, sha256Base64 } from './uploaded-share-check.ts';

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
    const expiresAt = expiryAfter(this.options.now(), expiresIn);
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
      if (!isNotFound(error)) throw error;
    }
    const uploaded = head && {
      sizeBytes: head.ContentLength ?? 0,
      ...(head.ChecksumSHA256 ? { sha256: head.ChecksumSHA256 } : {}),
    };
    return checkUploadedShare(uploaded, share, () => this.hashObject(location));
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
      expiresAt: expiryAfter(this.options.now(), expiresIn),
    };
  }

  private async hashObject(location: { Bucket: string; Key: string }): Promise<string> {
    const object = await this.options.client.send(new GetObjectCommand(location));
    return sha256Base64(object.Body as AsyncIterable<Uint8Array>);
  }
}

function isNotFound(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return (
    status === 404 || (error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey'))
  );
}
