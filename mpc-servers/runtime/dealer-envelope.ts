import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { bindingAad } from '../../contract/crypto/aad.ts';
import { concatBytes } from '../../contract/crypto/concat-bytes.ts';
import { HpkeOpenError, open, seal } from '../../contract/crypto/hpke.ts';
import { storageLayout } from '../../contract/storage/storage-layout.ts';
import type { Program } from '../analyses/program.ts';
import type { ObjectStore } from '../../contract/storage/object-store.ts';
import { ObjectNotFoundError } from '../../contract/storage/object-store.ts';
import type { Party } from '../../contract/party.ts';
import { JobFailure } from './failure.ts';

/**
 * How dealer material sits in storage: per party, under `storageLayout.dealerMaterialPrefix`, a sealed
 * `manifest` (the party's PRG seed and the program it was made for) and one sealed object per chunk
 * (`chunk-000000`, ...). Each object is HPKE-sealed to the party's key with AAD = the dealer-material
 * binding (collaboration, job, party) + the object's name, so chunks cannot be swapped, replayed into
 * another job or opened by the other party. Sealing is HPKE Auth mode with the dealer's own key pair, and a
 * server opens only with the dealer public key pinned in its own configuration: whoever else can write the
 * bucket (the coordinator) cannot substitute material whose masks it knows (DEALER_NOT_AUTHENTIC).
 */
export interface DealerManifest {
  version: 1;
  jobId: string;
  programDigest: string;
  chunkCount: number;
  /** Base64 of the party's 16-byte PRG seed (A's triples, masks and shares come from it). */
  seed: string;
  /**
   * Streamed material only (`MPC_MATERIAL_PATH=stream`): base64 of a fresh 32-byte AES-256-GCM key for
   * this job and party. Each chunk on the stream is sealed with it (`sealChunk`), under the same AAD as
   * an HPKE-sealed chunk object: one HPKE Auth seal per job authenticates the key, native AES-GCM the rest.
   */
  materialKey?: string;
}

export interface MaterialScope {
  collaborationId: string;
  jobId: string;
  party: Party;
}

const utf8 = new TextEncoder();

const objectName = (chunk: number | 'manifest'): string =>
  chunk === 'manifest' ? 'manifest' : `chunk-${String(chunk).padStart(6, '0')}`;

const keyOf = (scope: MaterialScope, name: string): string =>
  `${storageLayout.dealerMaterialPrefix(scope.party, scope.jobId)}${name}`;

const aadOf = (scope: MaterialScope, name: string): Uint8Array =>
  concatBytes(bindingAad({ purpose: 'dealer-material', ...scope }), utf8.encode(name));

/** Binds material to the exact program: spec, row count and chunking. */
export function programDigest(program: Program): string {
  const canonical = JSON.stringify([program.spec, program.totalRows, program.chunkRows, program.chunkCount]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** The dealer's side: its own private key and the server's public key, both from the dealer's configuration. */
export interface DealerSealing {
  dealerPrivateKey: Uint8Array;
  serverPublicKey: string;
}

/** A server's side: its own private key and the dealer's public key it pins. */
export interface DealerOpening {
  privateKey: Uint8Array;
  dealerPublicKey: string;
}

/** HPKE Auth seal of one object (the manifest or a chunk) to the party, bound to its scope and name. */
export function sealMaterial(
  scope: MaterialScope,
  keys: DealerSealing,
  chunk: number | 'manifest',
  plaintext: Uint8Array,
): Promise<Uint8Array> {
  return seal({
    recipientPublicKey: keys.serverPublicKey,
    senderPrivateKey: keys.dealerPrivateKey,
    plaintext,
    aad: aadOf(scope, objectName(chunk)),
  });
}

export async function writeSealed(
  store: ObjectStore,
  scope: MaterialScope,
  keys: DealerSealing,
  chunk: number | 'manifest',
  plaintext: Uint8Array,
): Promise<void> {
  const sealed = await sealMaterial(scope, keys, chunk, plaintext);
  await store.putObject(keyOf(scope, objectName(chunk)), sealed);
}

export async function readSealed(
  store: ObjectStore,
  scope: MaterialScope,
  keys: DealerOpening,
  chunk: number | 'manifest',
): Promise<Uint8Array> {
  const name = objectName(chunk);
  let sealed: Uint8Array;
  try {
    sealed = await store.getObject(keyOf(scope, name));
  } catch (error) {
    if (error instanceof ObjectNotFoundError) {
      throw new JobFailure(
        'DEALER_MATERIAL_MISSING',
        `dealer material ${name} for server ${scope.party} is missing`,
      );
    }
    throw error;
  }
  return openMaterial(scope, keys, chunk, sealed);
}

/** Opens what `sealMaterial` sealed, only as the pinned dealer's; failures carry the DEALER_* reasons. */
export async function openMaterial(
  scope: MaterialScope,
  keys: DealerOpening,
  chunk: number | 'manifest',
  sealed: Uint8Array,
): Promise<Uint8Array> {
  const name = objectName(chunk);
  try {
    return await open({
      privateKey: keys.privateKey,
      senderPublicKey: keys.dealerPublicKey,
      sealed,
      aad: aadOf(scope, name),
    });
  } catch (error) {
    // AEAD cannot tell another sender from tampering; either way the material is not the pinned dealer's.
    if (error instanceof HpkeOpenError && error.reason === 'authentication')
      throw new JobFailure(
        'DEALER_NOT_AUTHENTIC',
        `dealer material ${name} for server ${scope.party} was not sealed by the pinned dealer key (or was altered)`,
      );
    throw new JobFailure(
      'DEALER_MATERIAL_INVALID',
      `dealer material ${name} does not open: ${(error as Error).message}`,
    );
  }
}

const TAG_BYTES = 16;
export const MATERIAL_KEY_BYTES = 32;

/** A 96-bit GCM nonce from the chunk index: unique per key, since a key serves one job and party once. */
function chunkNonce(chunk: number): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUInt32BE(chunk, 8);
  return nonce;
}

/** AES-256-GCM of one streamed chunk under the manifest's material key: ciphertext, then the 16-byte tag. */
export function sealChunk(
  key: Uint8Array,
  scope: MaterialScope,
  chunk: number,
  plaintext: Uint8Array,
): Uint8Array {
  const cipher = createCipheriv('aes-256-gcm', key, chunkNonce(chunk));
  cipher.setAAD(aadOf(scope, objectName(chunk)));
  const out = Buffer.allocUnsafe(plaintext.byteLength + TAG_BYTES);
  // In pieces: each piece's output is a small buffer the allocator reuses, so only `out` is fresh memory
  // (one whole-chunk update would allocate a second chunk-sized buffer to copy from).
  let written = 0;
  for (let at = 0; at < plaintext.byteLength; at += SEAL_PIECE_BYTES)
    written += cipher.update(plaintext.subarray(at, at + SEAL_PIECE_BYTES)).copy(out, written);
  written += cipher.final().copy(out, written);
  cipher.getAuthTag().copy(out, written);
  return out;
}

/** Plaintext bytes per cipher call when sealing a chunk: below the allocator's mmap threshold. */
const SEAL_PIECE_BYTES = 64 * 1024;

/** Opens a streamed chunk; another key, job, party or chunk index, or any altered byte: DEALER_NOT_AUTHENTIC. */
export function openChunk(
  key: Uint8Array,
  scope: MaterialScope,
  chunk: number,
  sealed: Uint8Array,
): Uint8Array {
  const name = objectName(chunk);
  if (sealed.byteLength < TAG_BYTES)
    throw new JobFailure('DEALER_MATERIAL_INVALID', `dealer material ${name} is truncated`);
  const decipher = createDecipheriv('aes-256-gcm', key, chunkNonce(chunk));
  decipher.setAAD(aadOf(scope, name));
  decipher.setAuthTag(sealed.subarray(sealed.byteLength - TAG_BYTES));
  const body = sealed.subarray(0, sealed.byteLength - TAG_BYTES);
  const out = decipher.update(body);
  try {
    decipher.final();
  } catch {
    throw new JobFailure(
      'DEALER_NOT_AUTHENTIC',
      `streamed dealer material ${name} for server ${scope.party} does not authenticate under the job's material key`,
    );
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

export function encodeManifest(manifest: DealerManifest): Uint8Array {
  return utf8.encode(JSON.stringify(manifest));
}

export function decodeManifest(bytes: Uint8Array): DealerManifest {
  const manifest = JSON.parse(new TextDecoder().decode(bytes)) as DealerManifest;
  if (
    manifest.version !== 1 ||
    typeof manifest.seed !== 'string' ||
    (manifest.materialKey !== undefined && typeof manifest.materialKey !== 'string')
  ) {
    throw new JobFailure('DEALER_MATERIAL_INVALID', 'dealer manifest is malformed');
  }
  return manifest;
}
