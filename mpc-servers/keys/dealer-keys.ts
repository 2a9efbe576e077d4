/**
 * The dealer's long-lived HPKE key pair: it seals every piece of dealer material in Auth mode with it, and
 * each server pins its public key (MPC_DEALER_PUBLIC_KEY) in its own configuration. Made and kept in the
 * dealer's domain (`npm run keys:rotate -- --party dealer`), as one JSON secret document:
 *
 *   { "version": 1, "hpkePrivateKey": "<base64url, 32 bytes>" }
 *
 * API:
 * - `parseDealerKeys(text, source)`: validates the document; errors name the source, never a value.
 * - `createDealerKeyMaterial()`: fresh material as the secret text plus the public key to publish.
 * - `loadDealerKeys(env)`: MPC_DEALER_KEY_FILE (local runtime) or DEALER_KEY_SECRET_ARN (ECS task).
 * - `DealerKeys` prints and serializes only its public key.
 */
import { inspect } from 'node:util';
import { generateKeyPair, publicKeyFromPrivateKey } from '../../contract/crypto/hpke.ts';
import { FileSecretProvider } from './file-secret-provider.ts';
import type { SecretProvider } from './secret-provider.ts';
import { SecretsManagerSecretProvider } from './secrets-manager-secret-provider.ts';
import { ServerKeyError } from './server-keys.ts';

export class DealerKeys {
  readonly #hpkePrivateKey: Uint8Array;
  readonly hpkePublicKey: string;

  constructor(hpkePrivateKey: Uint8Array) {
    this.#hpkePrivateKey = hpkePrivateKey;
    this.hpkePublicKey = publicKeyFromPrivateKey(hpkePrivateKey);
  }

  get hpkePrivateKey(): Uint8Array {
    return this.#hpkePrivateKey;
  }

  toJSON(): { hpkePublicKey: string } {
    return { hpkePublicKey: this.hpkePublicKey };
  }

  [inspect.custom](): string {
    return `DealerKeys ${JSON.stringify(this.toJSON())}`;
  }
}

export function parseDealerKeys(text: string, source: string): DealerKeys {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new ServerKeyError(`dealer key material in ${source} is not JSON`);
  }
  const { version, hpkePrivateKey } = (document ?? {}) as Record<string, unknown>;
  if (version !== 1) throw new ServerKeyError(`dealer key material in ${source} has unsupported version`);
  if (typeof hpkePrivateKey !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(hpkePrivateKey))
    throw new ServerKeyError(`hpkePrivateKey in ${source} must be 32 bytes as base64url`);
  return new DealerKeys(new Uint8Array(Buffer.from(hpkePrivateKey, 'base64url')));
}

export async function createDealerKeyMaterial(): Promise<{ secretText: string; hpkePublicKey: string }> {
  const pair = await generateKeyPair();
  const secretText = JSON.stringify({
    version: 1,
    hpkePrivateKey: Buffer.from(pair.privateKey).toString('base64url'),
  });
  return { secretText, hpkePublicKey: pair.publicKey };
}

export async function loadDealerKeys(
  env: NodeJS.ProcessEnv,
  provider: SecretProvider = new SecretsManagerSecretProvider(),
): Promise<DealerKeys> {
  if (env.MPC_DEALER_KEY_FILE) {
    const file = env.MPC_DEALER_KEY_FILE;
    return parseDealerKeys(await new FileSecretProvider().getSecretText(file), `file ${file}`);
  }
  if (env.DEALER_KEY_SECRET_ARN) {
    const secretId = env.DEALER_KEY_SECRET_ARN;
    return parseDealerKeys(await provider.getSecretText(secretId), `secret ${secretId}`);
  }
  throw new ServerKeyError(
    'set MPC_DEALER_KEY_FILE (local) or DEALER_KEY_SECRET_ARN (AWS) to load the dealer key',
  );
}
