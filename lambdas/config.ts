import type { Party } from '../contract/party.ts';
import type { ComputationServerKey } from './ports/server-directory.ts';
import { settingsReader, type Environment } from './environment-settings.ts';

/** The coordinator's whole configuration, read from the environment by this module only. */
export interface CoordinatorConfig {
  tableName: string;
  inputBucket: string;
  resultBucket: string;
  uploadUrlExpiryMinutes: number;
  maxShareBytes: number;
  computationServers: ComputationServerKey[];
  /** s3rver (and most S3 emulators) need path-style URLs. */
  s3ForcePathStyle: boolean;
  /** Local runtime only (MPC_LOOPBACK_WEBHOOKS=true): accept http webhooks to this machine. */
  loopbackWebhooks: boolean;
  /**
   * Where the input shares sealed to each server go: that server's own bucket (SERVER_<P>_INPUT_BUCKET), signed
   * for with the role its operator grants (SERVER_<P>_ACCESS_ROLE_ARN). A party without a bucket uses
   * `inputBucket`; without a role, this function's own credentials.
   */
  serverInputs: Partial<Record<Party, { bucket: string; accessRoleArn?: string }>>;
}

export const DEFAULT_UPLOAD_URL_EXPIRY_MINUTES = 15;
export const DEFAULT_MAX_SHARE_BYTES = 64 * 1024 * 1024;
/** SigV4 presigned URLs live at most 7 days. */
const MAX_EXPIRY_MINUTES = 7 * 24 * 60;

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** Development aid: the handlers check their own answers against openapi.yml (MPC_VALIDATE_RESPONSES=true). */
export function responseValidationEnabled(env: Environment = process.env): boolean {
  return env.MPC_VALIDATE_RESPONSES === 'true';
}

export function readConfig(env: Environment = process.env): CoordinatorConfig {
  const problems: string[] = [];
  const { required, integer } = settingsReader(env, problems);
  const config: CoordinatorConfig = {
    tableName: required('TABLE_NAME'),
    inputBucket: required('INPUT_BUCKET'),
    resultBucket: required('RESULT_BUCKET'),
    uploadUrlExpiryMinutes: integer(
      'UPLOAD_URL_EXPIRY_MINUTES',
      DEFAULT_UPLOAD_URL_EXPIRY_MINUTES,
      MAX_EXPIRY_MINUTES,
    ),
    maxShareBytes: integer('MAX_SHARE_BYTES', DEFAULT_MAX_SHARE_BYTES, 2 ** 30),
    computationServers: parseServerKeys(required('MPC_SERVER_KEYS'), problems),
    s3ForcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
    loopbackWebhooks: env.MPC_LOOPBACK_WEBHOOKS === 'true',
    serverInputs: serverInputsFrom(env),
  };
  if (problems.length > 0) throw new ConfigurationError(`Invalid configuration: ${problems.join('; ')}`);
  return config;
}

function serverInputsFrom(env: Environment): CoordinatorConfig['serverInputs'] {
  const inputs: CoordinatorConfig['serverInputs'] = {};
  for (const party of ['A', 'B'] as const satisfies readonly Party[]) {
    const bucket = env[`SERVER_${party}_INPUT_BUCKET`];
    const accessRoleArn = env[`SERVER_${party}_ACCESS_ROLE_ARN`];
    if (bucket) inputs[party] = { bucket, ...(accessRoleArn ? { accessRoleArn } : {}) };
  }
  return inputs;
}

const HPKE_SUITE = { kem: 'DHKEM-X25519-HKDF-SHA256', kdf: 'HKDF-SHA256', aead: 'AES-128-GCM' } as const;

function parseServerKeys(raw: string, problems: string[]): ComputationServerKey[] {
  if (raw === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push('MPC_SERVER_KEYS is not JSON');
    return [];
  }
  const keys: ComputationServerKey[] = [];
  for (const party of ['A', 'B'] as const satisfies readonly Party[]) {
    const entry = Array.isArray(parsed)
      ? (parsed as unknown[]).find((item) => (item as { id?: unknown })?.id === party)
      : undefined;
    const key = entry as Partial<ComputationServerKey> | undefined;
    const publicKey = typeof key?.publicKey === 'string' ? key.publicKey : '';
    const suiteMatches =
      key?.kem === HPKE_SUITE.kem && key?.kdf === HPKE_SUITE.kdf && key?.aead === HPKE_SUITE.aead;
    if (Buffer.from(publicKey, 'base64url').length !== 32 || !suiteMatches) {
      problems.push(
        `MPC_SERVER_KEYS needs server ${party} with a base64url X25519 publicKey and the HPKE suite ${JSON.stringify(HPKE_SUITE)}`,
      );
      continue;
    }
    keys.push({ id: party, publicKey, ...HPKE_SUITE });
  }
  return keys;
}
