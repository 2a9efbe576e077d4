import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Aes128Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';

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
  /** JSON file (mode 0600): the config above plus `privateKey`, the raw X25519 private key in base64url. */
  privateKeyPath: string;
}

const suite = new CipherSuite({
  kem: new DhkemX25519HkdfSha256(),
  kdf: new HkdfSha256(),
  aead: new Aes128Gcm(),
});

/** Fresh HPKE key pairs for servers A and B; private keys go to `directory`, readable by this user only. */
export async function generateServerKeys(directory: string): Promise<GeneratedServerKey[]> {
  return Promise.all((['A', 'B'] as const).map((id) => generateServerKey(directory, id)));
}

async function generateServerKey(directory: string, id: ServerId): Promise<GeneratedServerKey> {
  const pair = await suite.kem.generateKeyPair();
  const config: ServerKeyConfig = {
    id,
    publicKey: Buffer.from(await suite.kem.serializePublicKey(pair.publicKey)).toString('base64url'),
    kem: 'DHKEM-X25519-HKDF-SHA256',
    kdf: 'HKDF-SHA256',
    aead: 'AES-128-GCM',
  };
  const privateKey = Buffer.from(await suite.kem.serializePrivateKey(pair.privateKey)).toString('base64url');
  const privateKeyPath = join(directory, `server-${id}.hpke-key.json`);
  await writeFile(privateKeyPath, JSON.stringify({ ...config, privateKey }, null, 2), { mode: 0o600 });
  return { ...config, privateKeyPath };
}

export function publicServerKeyConfigs(keys: readonly GeneratedServerKey[]): ServerKeyConfig[] {
  return keys.map(({ id, publicKey, kem, kdf, aead }) => ({ id, publicKey, kem, kdf, aead }));
}
