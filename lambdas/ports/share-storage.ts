import type { Party } from '../../contract/party.ts';
import type { ShareDeclaration } from '../domain/input.ts';

/** A request the client makes itself, straight to storage. */
export interface PresignedRequest {
  method: 'PUT' | 'GET';
  url: string;
  /** Headers the client must send exactly (they are signed). */
  headers: Record<string, string>;
  expiresAt: string;
}

export type UploadCheck =
  { ok: true } | { ok: false; kind: 'upload-incomplete' | 'upload-mismatch'; detail: string };

export interface ShareStorage {
  presignInputUpload(
    party: Party,
    collaborationId: string,
    inputId: string,
    share: ShareDeclaration,
  ): Promise<PresignedRequest>;
  /** Checks the uploaded object exists with exactly the declared size and SHA-256. */
  verifyInputUpload(
    party: Party,
    collaborationId: string,
    inputId: string,
    share: ShareDeclaration,
  ): Promise<UploadCheck>;
  presignResultDownload(
    party: Party,
    collaborationId: string,
    recipientId: string,
  ): Promise<PresignedRequest>;
}
