import { join } from 'node:path';
import { writeSecretFile } from '../../mpc-servers/keys/file-secret-provider.ts';
import { createDealerKeyMaterial } from '../../mpc-servers/keys/dealer-keys.ts';
import { createServerKeyMaterial } from '../../mpc-servers/keys/server-keys.ts';
import type { Party } from '../../contract/party.ts';
import type { ComputationServerKey } from '../../lambdas/ports/server-directory.ts';

/** A server's published key config (what MPC_SERVER_KEYS lists) and what the local run keeps beside it. */
export interface GeneratedServerKey extends ComputationServerKey {
  /**
   * Mode 0600 file with the server's HPKE private key and TLS identity, in the computation service's key
   * format: give it to the server as MPC_KEY_FILE (`loadServerKeys({ file })`).
   */
  keyFilePath: string;
  /** SHA-256 of the server's TLS certificate (hex), which its peer pins. */
  tlsFingerprint: string;
}

/** Fresh key material for servers A and B, generated at every start and kept in `directory`. */
export async function generateServerKeys(directory: string): Promise<GeneratedServerKey[]> {
  return Promise.all((['A', 'B'] as const).map((id) => generateServerKey(directory, id)));
}

async function generateServerKey(directory: string, id: Party): Promise<GeneratedServerKey> {
  const material = await createServerKeyMaterial({ commonName: `mpc-server-${id.toLowerCase()}.local` });
  const keyFilePath = join(directory, `server-${id}.keys.json`);
  await writeSecretFile(keyFilePath, material.secretText);
  return {
    id,
    publicKey: material.hpkePublicKey,
    kem: 'DHKEM-X25519-HKDF-SHA256',
    kdf: 'HKDF-SHA256',
    aead: 'AES-128-GCM',
    keyFilePath,
    tlsFingerprint: material.tlsFingerprint,
  };
}

export function publicServerKeyConfigs(keys: readonly GeneratedServerKey[]): ComputationServerKey[] {
  return keys.map(({ id, publicKey, kem, kdf, aead }) => ({ id, publicKey, kem, kdf, aead }));
}

/** The dealer's key pair: its private key stays in its file (MPC_DEALER_KEY_FILE), servers pin the public key. */
export interface GeneratedDealerKey {
  /** HPKE public key (base64url): each server's MPC_DEALER_PUBLIC_KEY. */
  publicKey: string;
  /** Mode 0600 file in the dealer's key format (`mpc-servers/keys/dealer-keys.ts`). */
  keyFilePath: string;
}

export async function generateDealerKey(directory: string): Promise<GeneratedDealerKey> {
  const material = await createDealerKeyMaterial();
  const keyFilePath = join(directory, 'dealer.keys.json');
  await writeSecretFile(keyFilePath, material.secretText);
  return { publicKey: material.hpkePublicKey, keyFilePath };
}

/**
 * The servers' public keys as clients pin them, out of band from the coordinator: the `MPC_SERVER_KEYS`
 * line `npm start` prints, single-quoted so that a shell can eval it.
 */
export function serverKeyPinsLine(keys: readonly GeneratedServerKey[]): string {
  const pins = Object.fromEntries(keys.map((key) => [key.id, key.publicKey]));
  return `MPC_SERVER_KEYS='${JSON.stringify(pins)}'`;
}
