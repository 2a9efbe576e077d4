import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateKeyPair, publicKeyFromPrivateKey } from '../../contract/crypto/hpke.ts';
import type { HpkeKeyPair } from '../../contract/crypto/hpke.ts';
import { deletePrivateFile, pathSegment, readPrivateFile, writePrivateFileOnce } from './private-files.ts';

/**
 * A client's secrets per collaboration: the HPKE result key pair (the public key goes to the coordinator at
 * join, the private key opens the result shares later, possibly from another process: `mpc join` then
 * `mpc result`) and the webhook secret the coordinator returns at join. Layout under `home`:
 * `clients/<clientId>/result-keys/<collaborationId>.json` and
 * `clients/<clientId>/webhook-secrets/<collaborationId>`, 0700 directories, 0600 files, written once.
 * Secret material never appears in errors or logs.
 */
export class KeyStore {
  readonly home: string;

  constructor(home: string = defaultMpcHome()) {
    this.home = resolve(home);
  }

  /** The stored pair, or a new one stored first; concurrent callers all end with the same pair. */
  async getOrCreate(clientId: string, collaborationId: string): Promise<HpkeKeyPair> {
    const existing = await this.load(clientId, collaborationId);
    if (existing) return existing;
    const created = await generateKeyPair();
    const path = this.keyPath(clientId, collaborationId);
    const stored = await writePrivateFileOnce(
      this.home,
      path,
      serializeKeyFile(clientId, collaborationId, created),
    );
    return stored ? created : await this.require(clientId, collaborationId);
  }

  async load(clientId: string, collaborationId: string): Promise<HpkeKeyPair | undefined> {
    const path = this.keyPath(clientId, collaborationId);
    const text = await readPrivateFile(path);
    return text === undefined ? undefined : parseKeyFile(text, path);
  }

  async require(clientId: string, collaborationId: string): Promise<HpkeKeyPair> {
    const pair = await this.load(clientId, collaborationId);
    if (!pair) {
      throw new Error(
        `no result key for client ${clientId} in collaboration ${collaborationId} under ${this.home}`,
      );
    }
    return pair;
  }

  /** Removes a pair once its results are fetched and the participation finished. */
  async delete(clientId: string, collaborationId: string): Promise<void> {
    await deletePrivateFile(this.keyPath(clientId, collaborationId));
  }

  /** Keeps the first secret given: the coordinator returns it once, and a replayed join returns the same. */
  async saveWebhookSecret(clientId: string, collaborationId: string, secret: string): Promise<void> {
    await writePrivateFileOnce(this.home, this.webhookSecretPath(clientId, collaborationId), `${secret}\n`);
  }

  async loadWebhookSecret(clientId: string, collaborationId: string): Promise<string | undefined> {
    return (await readPrivateFile(this.webhookSecretPath(clientId, collaborationId)))?.trim();
  }

  keyPath(clientId: string, collaborationId: string): string {
    return join(
      this.clientDirectory(clientId),
      'result-keys',
      `${pathSegment(collaborationId, 'collaboration id')}.json`,
    );
  }

  webhookSecretPath(clientId: string, collaborationId: string): string {
    return join(
      this.clientDirectory(clientId),
      'webhook-secrets',
      pathSegment(collaborationId, 'collaboration id'),
    );
  }

  private clientDirectory(clientId: string): string {
    return join(this.home, 'clients', pathSegment(clientId, 'client id'));
  }
}

/** MPC_HOME, or ~/.mpc. */
export function defaultMpcHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.MPC_HOME || join(homedir(), '.mpc');
}

interface KeyFile {
  version: 1;
  clientId: string;
  collaborationId: string;
  publicKey: string;
  privateKey: string;
  createdAt: string;
}

function serializeKeyFile(clientId: string, collaborationId: string, pair: HpkeKeyPair): string {
  const file: KeyFile = {
    version: 1,
    clientId,
    collaborationId,
    publicKey: pair.publicKey,
    privateKey: Buffer.from(pair.privateKey).toString('base64url'),
    createdAt: new Date().toISOString(),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function parseKeyFile(text: string, path: string): HpkeKeyPair {
  // The error names the file only: the content is a private key.
  const corrupt = new Error(`result key file ${path} is corrupt`);
  let file: Partial<KeyFile>;
  try {
    file = JSON.parse(text) as Partial<KeyFile>;
  } catch {
    throw corrupt;
  }
  if (file.version !== 1 || typeof file.privateKey !== 'string' || typeof file.publicKey !== 'string')
    throw corrupt;
  const privateKey = new Uint8Array(Buffer.from(file.privateKey, 'base64url'));
  if (privateKey.length !== 32 || publicKeyFromPrivateKey(privateKey) !== file.publicKey) throw corrupt;
  return { publicKey: file.publicKey, privateKey };
}
