import { createHash } from 'node:crypto';
import type { ShareDeclaration } from '../../domain/input.ts';
import type { UploadCheck } from '../../ports/share-storage.ts';

/** What a HEAD of the uploaded share says; undefined when there is no object. */
export interface UploadedObject {
  sizeBytes: number;
  /** The SHA-256 S3 enforced at upload (base64); emulators that do not keep one leave it out. */
  sha256?: string;
}

/**
 * Whether the uploaded share is the declared one. `hashObject` reads and hashes the object, only needed when
 * storage kept no checksum (s3rver).
 */
export async function checkUploadedShare(
  uploaded: UploadedObject | undefined,
  share: ShareDeclaration,
  hashObject: () => Promise<string>,
): Promise<UploadCheck> {
  if (!uploaded) return { ok: false, kind: 'upload-incomplete', detail: 'the share was not uploaded yet.' };
  if (uploaded.sizeBytes !== share.sizeBytes)
    return mismatch(`uploaded ${uploaded.sizeBytes} bytes, declared ${share.sizeBytes}.`);
  const checksum = uploaded.sha256 ?? (await hashObject());
  if (checksum !== share.sha256) return mismatch('its SHA-256 differs from the declared one.');
  return { ok: true };
}

function mismatch(detail: string): UploadCheck {
  return { ok: false, kind: 'upload-mismatch', detail };
}

/** When a presigned request made at `now` stops working. */
export function expiryAfter(now: Date, expiresInSeconds: number): string {
  return new Date(now.getTime() + expiresInSeconds * 1000).toISOString();
}

/** The base64 SHA-256 of a stream of chunks. */
export async function sha256Base64(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest('base64');
}
