import { join } from 'node:path';
import { writeSecretFile } from '../../mpc-servers/keys/file-secret-provider.ts';
import { createServerKeyMaterial } from '../../mpc-servers/keys/server-keys.ts';

export type ServerId = 'A' | 'B';

/** The public key config the coordinator publishes (MPC_SERVER_KEYS entries). */
export interface ServerKeyConfig {
  id: ServerId;
  /** Raw X25519 public key, base64url. */
  publicKey: string;
  kem: 'DHKEM-X25519-HKDF-SHA256';
  kdf: 'HKDF-SHA256';
  aead: 'AES-128-GCM';
}

export interface GeneratedServerKey extends ServerKeyConfig {
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

async function generateServerKey(directory: string, id: ServerId): Promise<GeneratedServerKey> {
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

export function publicServerKeyConfigs(keys: readonly GeneratedServerKey[]): ServerKeyConfig[] {
  return keys.map(({ id, publicKey, kem, kdf, aead }) => ({ id, publicKey, kem, kdf, aead }));
}
