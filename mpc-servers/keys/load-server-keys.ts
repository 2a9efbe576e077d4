/**
 * Loads a server's `ServerKeys` from a local file or from a secret store.
 *
 * API:
 * - `loadServerKeys(source)`: `{ file }` or `{ secretId, provider? }` (Secrets Manager by default).
 * - `serverKeySourceFromEnv(env)`: `MPC_KEY_FILE` (local runtime) or `KEY_SECRET_ARN` (ECS task).
 */
import { FileSecretProvider } from './file-secret-provider.ts';
import type { SecretProvider } from './secret-provider.ts';
import { SecretsManagerSecretProvider } from './secrets-manager-secret-provider.ts';
import { ServerKeyError, parseServerKeys, type ServerKeys } from './server-keys.ts';

export type ServerKeySource = { file: string } | { secretId: string; provider?: SecretProvider };

export async function loadServerKeys(source: ServerKeySource): Promise<ServerKeys> {
  if ('file' in source) {
    const text = await new FileSecretProvider().getSecretText(source.file);
    return parseServerKeys(text, `file ${source.file}`);
  }
  const provider = source.provider ?? new SecretsManagerSecretProvider();
  return parseServerKeys(await provider.getSecretText(source.secretId), `secret ${source.secretId}`);
}

export function serverKeySourceFromEnv(env: NodeJS.ProcessEnv = process.env): ServerKeySource {
  if (env.MPC_KEY_FILE) return { file: env.MPC_KEY_FILE };
  if (env.KEY_SECRET_ARN) return { secretId: env.KEY_SECRET_ARN };
  throw new ServerKeyError('set MPC_KEY_FILE (local) or KEY_SECRET_ARN (AWS) to load the server keys');
}
