import { createHash } from 'node:crypto';
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

export async function writeSealed(
  store: ObjectStore,
  scope: MaterialScope,
  keys: DealerSealing,
  chunk: number | 'manifest',
  plaintext: Uint8Array,
): Promise<void> {
  const name = objectName(chunk);
  const sealed = await seal({
    recipientPublicKey: keys.serverPublicKey,
    senderPrivateKey: keys.dealerPrivateKey,
    plaintext,
    aad: aadOf(scope, name),
  });
  await store.putObject(keyOf(scope, name), sealed);
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

export function encodeManifest(manifest: DealerManifest): Uint8Array {
  return utf8.encode(JSON.stringify(manifest));
}

export function decodeManifest(bytes: Uint8Array): DealerManifest {
  const manifest = JSON.parse(new TextDecoder().decode(bytes)) as DealerManifest;
  if (manifest.version !== 1 || typeof manifest.seed !== 'string') {
    throw new JobFailure('DEALER_MATERIAL_INVALID', 'dealer manifest is malformed');
  }
  return manifest;
}
