import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateKeyPair, publicKeyFromPrivateKey } from '../../mpc-servers/crypto/hpke.ts';
import type { HpkeKeyPair } from '../../mpc-servers/crypto/hpke.ts';

/**
 * A client's HPKE result keys, one pair per collaboration: the public key goes to the coordinator at join,
 * the private key opens the result shares later, possibly from another process (`mpc join` then
 * `mpc result`). Layout: `<home>/clients/<clientId>/result-keys/<collaborationId>.json`, directories 0700,
 * files 0600, each written once and atomically. Key material never appears in errors or logs.
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
    const stored = await this.storeIfAbsent(clientId, collaborationId, created);
    return stored ?? (await this.require(clientId, collaborationId));
  }

  async load(clientId: string, collaborationId: string): Promise<HpkeKeyPair | undefined> {
    const path = this.keyPath(clientId, collaborationId);
    let text: string;
    try {
      await refuseOpenPermissions(path);
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return parseKeyFile(text, path);
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
    await unlink(this.keyPath(clientId, collaborationId)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  keyPath(clientId: string, collaborationId: string): string {
    return join(this.keyDirectory(clientId), `${pathSegment(collaborationId, 'collaboration id')}.json`);
  }

  private keyDirectory(clientId: string): string {
    return join(this.home, 'clients', pathSegment(clientId, 'client id'), 'result-keys');
  }

  /** Writes to a private temporary file, then links it into place: readers never see half a file, and an
   * existing pair is never replaced. Returns undefined when another writer got there first. */
  private async storeIfAbsent(
    clientId: string,
    collaborationId: string,
    pair: HpkeKeyPair,
  ): Promise<HpkeKeyPair | undefined> {
    const directory = this.keyDirectory(clientId);
    await makePrivateDirectories(this.home, directory);
    const finalPath = this.keyPath(clientId, collaborationId);
    const temporaryPath = join(directory, `.${randomBytes(8).toString('hex')}.tmp`);
    const file = await open(temporaryPath, 'wx', 0o600);
    try {
      await file.writeFile(serializeKeyFile(clientId, collaborationId, pair));
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await link(temporaryPath, finalPath);
      return pair;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
      throw error;
    } finally {
      await unlink(temporaryPath);
    }
  }
}

export function defaultMpcHome(): string {
  return process.env.MPC_HOME || join(homedir(), '.mpc');
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

/** Like ssh: a key file others can read is not used. */
async function refuseOpenPermissions(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const { mode } = await stat(path);
  if ((mode & 0o077) !== 0) {
    throw new Error(
      `result key file ${path} is accessible by others (mode ${(mode & 0o777).toString(8)}); chmod 600 it`,
    );
  }
}

/** Creates `home` and everything down to `directory` as 0700 (mkdir's mode is subject to the umask). */
async function makePrivateDirectories(home: string, directory: string): Promise<void> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  for (let current = directory; current.startsWith(home); current = join(current, '..')) {
    await chmod(current, 0o700);
    if (current === home) break;
  }
}

/** Ids become file names: allow only what cannot climb out of the directory. */
function pathSegment(id: string, what: string): string {
  if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/.test(id))
    throw new Error(`${what} cannot be used as a file name: ${id}`);
  return id;
}
