import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Readable } from 'node:stream';
import { storageLayout } from '../../../contract/storage/storage-layout.ts';
import type { Party } from '../../../contract/party.ts';
import type { ShareDeclaration } from '../../domain/input.ts';
import type { PresignedRequest, ShareStorage, UploadCheck } from '../../ports/share-storage.ts';
import {
  checkUploadedShare,
  expiryAfter,
  sha256Base64,
  type UploadedObject,
} from './uploaded-share-check.ts';

export interface S3ShareStorageOptions {
  /** Made with `requestChecksumCalculation: 'WHEN_REQUIRED'` (see aws-clients.ts `s3Client`). */
  client: S3Client;
  inputBucket: string;
  resultBucket: string;
  /** Each server's own input bucket and the client that signs for it (the role its operator grants). */
  serverInputs?: Partial<Record<Party, { bucket: string; client: S3Client }>>;
  expiryMinutes: number;
  now: () => Date;
}

/**
 * Keeps the declared checksum a signed header instead of a query parameter, so S3 enforces it on upload
 * (DESIGN.md section 8).
 */
const UNHOISTABLE_HEADERS = new Set(['x-amz-checksum-sha256']);

/** Share uploads and result downloads on S3: presigned PUTs and GETs, and a listing to check an upload. */
export class S3ShareStorage implements ShareStorage {
  constructor(private readonly options: S3ShareStorageOptions) {}

  async presignInputUpload(
    party: Party,
    collaborationId: string,
    inputId: string,
    share: ShareDeclaration,
  ): Promise<PresignedRequest> {
    // Both signed: S3 refuses a body of another length or another SHA-256.
    const { bucket, client } = this.inputsOf(party);
    const command = new PutObjectCommand({
      Bucket: bucket,
      Key: storageLayout.inputShare(party, collaborationId, inputId),
      ContentLength: share.sizeBytes,
      ChecksumSHA256: share.sha256,
    });
    const { url, expiresAt } = await this.presign(command, UNHOISTABLE_HEADERS, client);
    const headers = { 'content-length': String(share.sizeBytes), 'x-amz-checksum-sha256': share.sha256 };
    return { method: 'PUT', url, headers, expiresAt };
  }

  async verifyInputUpload(
    party: Party,
    collaborationId: string,
    inputId: string,
    share: ShareDeclaration,
  ): Promise<UploadCheck> {
    const { bucket, client } = this.inputsOf(party);
    const location = { Bucket: bucket, Key: storageLayout.inputShare(party, collaborationId, inputId) };
    return checkUploadedShare(await this.listed(location, client), share, async () => {
      const object = await client.send(new GetObjectCommand(location));
      return sha256Base64(object.Body as Readable);
    });
  }

  async presignResultDownload(
    party: Party,
    collaborationId: string,
    recipientId: string,
  ): Promise<PresignedRequest> {
    const command = new GetObjectCommand({
      Bucket: this.options.resultBucket,
      Key: storageLayout.resultShare(party, collaborationId, recipientId),
    });
    const { url, expiresAt } = await this.presign(command);
    return { method: 'GET', url, headers: {}, expiresAt };
  }

  /** The bucket of the shares sealed to `party` and the client that signs for it. */
  private inputsOf(party: Party): { bucket: string; client: S3Client } {
    return (
      this.options.serverInputs?.[party] ?? { bucket: this.options.inputBucket, client: this.options.client }
    );
  }

  private async presign(
    command: PutObjectCommand | GetObjectCommand,
    unhoistableHeaders?: Set<string>,
    client: S3Client = this.options.client,
  ): Promise<{ url: string; expiresAt: string }> {
    const expiresIn = this.options.expiryMinutes * 60;
    const signingDate = this.options.now();
    const url = await getSignedUrl(client, command, {
      expiresIn,
      signingDate,
      ...(unhoistableHeaders ? { unhoistableHeaders } : {}),
    });
    return { url, expiresAt: expiryAfter(signingDate, expiresIn) };
  }

  /**
   * Size and checksum algorithm of the object, from a listing of its own key; undefined when S3 has none.
   * A listing needs only `s3:ListBucket` (confined by `s3:prefix`) and no key use: HeadObject and
   * GetObjectAttributes both need `s3:GetObject`, which the role a server grants never has.
   */
  private async listed(
    location: { Bucket: string; Key: string },
    client: S3Client,
  ): Promise<UploadedObject | undefined> {
    const listing = await client.send(
      new ListObjectsV2Command({ Bucket: location.Bucket, Prefix: location.Key, MaxKeys: 1 }),
    );
    const object = listing.Contents?.find((entry) => entry.Key === location.Key);
    if (!object) return undefined;
    return {
      sizeBytes: object.Size ?? 0,
      ...(object.ChecksumAlgorithm?.length ? { checksumAlgorithms: object.ChecksumAlgorithm } : {}),
    };
  }
}
