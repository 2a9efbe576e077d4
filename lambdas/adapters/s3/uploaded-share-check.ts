import { createHash } from 'node:crypto';
import type { ShareDeclaration } from '../../domain/input.ts';
import type { UploadCheck } from '../../ports/share-storage.ts';

/** What a listing of the uploaded share's key says; undefined when there is no object. */
export interface UploadedObject {
  sizeBytes: number;
  /** The checksums S3 keeps of the object (`SHA256`, `CRC64NVME`); emulators that keep none leave it out. */
  checksumAlgorithms?: readonly string[];
}

/**
 * Whether the uploaded share is the declared one, without reading it. The presigned PUT signs the declared
 * SHA-256 as a header, so S3 stored the object only if its body has that SHA-256: an object of the declared
 * size that S3 keeps a SHA-256 of is the declared share. `hashObject` reads and hashes the object, used only
 * when storage reports no checksum at all (s3rver); on AWS every object has one, and the role a server grants
 * could not read it anyway.
 */
export async function checkUploadedShare(
  uploaded: UploadedObject | undefined,
  share: ShareDeclaration,
  hashObject: () => Promise<string>,
): Promise<UploadCheck> {
  if (!uploaded) return { ok: false, kind: 'upload-incomplete', detail: 'the share was not uploaded yet.' };
  if (uploaded.sizeBytes !== share.sizeBytes)
    return mismatch(`uploaded ${uploaded.sizeBytes} bytes, declared ${share.sizeBytes}.`);
  if (uploaded.checksumAlgorithms) {
    if (!uploaded.checksumAlgorithms.includes('SHA256'))
      return mismatch('it was uploaded without the declared SHA-256.');
    return { ok: true };
  }
  if ((await hashObject()) !== share.sha256) return mismatch('its SHA-256 differs from the declared one.');
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
