import { describe, expect, it } from 'vitest';
import { ConfigurationError, readConfig } from '../../../lambdas/config.ts';

const key = (fill: number) => Buffer.alloc(32, fill).toString('base64url');
const suite = { kem: 'DHKEM-X25519-HKDF-SHA256', kdf: 'HKDF-SHA256', aead: 'AES-128-GCM' };
const base = {
  TABLE_NAME: 't',
  INPUT_BUCKET: 'in',
  RESULT_BUCKET: 'out',
  MPC_SERVER_KEYS: JSON.stringify([
    { id: 'A', publicKey: key(1), ...suite },
    { id: 'B', publicKey: key(2), ...suite },
  ]),
};

describe('configuration', () => {
  it('reads the environment with defaults of 15 minutes and 64 MiB', () => {
    const config = readConfig(base);
    expect(config).toMatchObject({
      uploadUrlExpiryMinutes: 15,
      maxShareBytes: 64 * 1024 * 1024,
      s3ForcePathStyle: false,
      loopbackWebhooks: false,
    });
    expect(readConfig({ ...base, MPC_LOOPBACK_WEBHOOKS: 'true' }).loopbackWebhooks).toBe(true);
    expect(config.computationServers.map((server) => server.id)).toEqual(['A', 'B']);
    expect(
      readConfig({ ...base, UPLOAD_URL_EXPIRY_MINUTES: '5', S3_FORCE_PATH_STYLE: 'true' }),
    ).toMatchObject({
      uploadUrlExpiryMinutes: 5,
      s3ForcePathStyle: true,
    });
  });

  it('names every problem at once', () => {
    expect(() => readConfig({ ...base, TABLE_NAME: '', UPLOAD_URL_EXPIRY_MINUTES: '0' })).toThrow(
      /TABLE_NAME is not set; UPLOAD_URL_EXPIRY_MINUTES/,
    );
    expect(() =>
      readConfig({ ...base, MPC_SERVER_KEYS: JSON.stringify([{ id: 'A', publicKey: key(1), ...suite }]) }),
    ).toThrow(ConfigurationError);
    expect(() => readConfig({ ...base, MPC_SERVER_KEYS: '{' })).toThrow(/not JSON/);
  });
});
