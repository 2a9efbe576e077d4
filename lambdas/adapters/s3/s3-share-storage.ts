import { storageLayout } from '../../../contract/storage/storage-layout.ts';
import type { Party } from '../../../contract/party.ts';
import type { ShareDeclaration } from '../../domain/input.ts';
import type { PresignedRequest, ShareStorage, UploadCheck } from '../../ports/share-storage.ts';
import { S3RequestError, type S3Request, type S3SignedRequests } from './s3-signed-requests.ts';
import {
  checkUploadedShare,
  expiryAfter,
  sha256Base64,
  type UploadedObject,
} from './uploaded-share-check.ts';

export interface S3ShareStorageOptions {
  requests: S3SignedRequests;
  inputBucket: string;
  resultBucket: string;
  expiryMinutes: number;
  now: () => Date;
}

/**
 * Keeps the declared checksum a signed header instead of a query parameter, so S3 enforces it on upload
 * (DESIGN.md section 8). No CRC32 of an empty body is ever added: only the headers named here are signed.
 */
const UNHOISTABLE_HEADERS: ReadonlySet<string> = new Set(['x-amz-checksum-sha256']);

/**
 * Share uploads and result downloads on S3 through signed requests, not the S3 client: the presigned URLs are
 * exactly the SDK presigner's (tests compare them), HEAD and GET are header-signed fetches. `x-id` names the
 * operation as the SDK does (S3 ignores it; it is part of the signed URL).
 */
export class S3ShareStorage implements ShareStorage {
  constructor(private readonly options: S3ShareStorageOptions) {}

  async presignInputUpload(
    party: Party,
    collaborationId: string,
    inputId: string,
    share: ShareDeclaration,
  ): Promise<PresignedRequest> {
    // Both signed: S3 refuses a body of another length or another SHA-256.
    const headers = { 'content-length': String(share.sizeBytes), 'x-amz-checksum-sha256': share.sha256 };
    const { url, expiresAt } = await this.presign(
      {
        method: 'PUT',
        bucket: this.options.inputBucket,
        key: storageLayout.inputShare(party, collaborationId, inputId),
        query: { 'x-id': 'PutObject' },
        headers,
      },
      UNHOISTABLE_HEADERS,
    );
    return { method: 'PUT', url, headers, expiresAt };
  }

  async verifyInputUpload(
    party: Party,
    collaborationId: string,
    inputId: string,
    share: ShareDeclaration,
  ): Promise<UploadCheck> {
    const location = {
      bucket: this.options.inputBucket,
      key: storageLayout.inputShare(party, collaborationId, inputId),
    };
    return checkUploadedShare(await this.head(location), share, async () => {
      const response = await this.options.requests.send({
        method: 'GET',
        ...location,
        query: { 'x-id': 'GetObject' },
      });
      return sha256Base64(response.body as unknown as AsyncIterable<Uint8Array>);
    });
  }

  async presignResultDownload(
    party: Party,
    collaborationId: string,
    recipientId: string,
  ): Promise<PresignedRequest> {
    const { url, expiresAt } = await this.presign({
      method: 'GET',
      bucket: this.options.resultBucket,
      key: storageLayout.resultShare(party, collaborationId, recipientId),
      query: { 'x-id': 'GetObject' },
    });
    return { method: 'GET', url, headers: {}, expiresAt };
  }

  private async presign(
    request: S3Request,
    unhoistableHeaders?: ReadonlySet<string>,
  ): Promise<{ url: string; expiresAt: string }> {
    const expiresInSeconds = this.options.expiryMinutes * 60;
    const signingDate = this.options.now();
    const url = await this.options.requests.presign(request, {
      expiresInSeconds,
      signingDate,
      ...(unhoistableHeaders ? { unhoistableHeaders } : {}),
    });
    return { url, expiresAt: expiryAfter(signingDate, expiresInSeconds) };
  }

  /** Size and stored SHA-256 of the object; undefined when S3 has none (404, as the SDK client mapped it). */
  private async head(location: { bucket: string; key: string }): Promise<UploadedObject | undefined> {
    try {
      const response = await this.options.requests.send({
        method: 'HEAD',
        ...location,
        headers: { 'x-amz-checksum-mode': 'ENABLED' },
      });
      const sha256 = response.headers.get('x-amz-checksum-sha256');
      return {
        sizeBytes: Number(response.headers.get('content-length') ?? 0),
        ...(sha256 ? { sha256 } : {}),
      };
    } catch (error) {
      if (error instanceof S3RequestError && error.status === 404) return undefined;
      throw error;
    }
  }
}
