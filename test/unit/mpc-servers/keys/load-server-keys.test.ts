import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../../local/emulators/credentials.ts';
import { open, seal } from '../../../../contract/crypto/hpke.ts';
import { writeSecretFile } from '../../../../mpc-servers/keys/file-secret-provider.ts';
import { loadServerKeys, serverKeySourceFromEnv } from '../../../../mpc-servers/keys/load-server-keys.ts';
import { SecretsManagerSecretProvider } from '../../../../mpc-servers/keys/secrets-manager-secret-provider.ts';
import { createServerKeyMaterial, parseServerKeys } from '../../../../mpc-servers/keys/server-keys.ts';
import { createTlsIdentity } from '../../../../mpc-servers/transport/tls-identity.ts';

let directory: string;
let material: Awaited<ReturnType<typeof createServerKeyMaterial>>;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'mpc-keys-'));
  material = await createServerKeyMaterial({ commonName: 'server B' });
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('server keys', () => {
  it('loads from a 0600 file and the keys work: HPKE opens what was sealed to the public key', async () => {
    const path = join(directory, 'server-b.json');
    await writeSecretFile(path, material.secretText);
    const keys = await loadServerKeys({ file: path });
    expect(keys.hpkePublicKey).toBe(material.hpkePublicKey);
    expect(keys.tlsFingerprint).toBe(material.tlsFingerprint);
    const aad = Uint8Array.of(1);
    const sealed = await seal({ recipientPublicKey: keys.hpkePublicKey, plaintext: Uint8Array.of(42), aad });
    expect([...(await open({ privateKey: keys.hpkePrivateKey, sealed, aad }))]).toEqual([42]);
  });

  it('refuses a key file others can read', async () => {
    const path = join(directory, 'open.json');
    await writeFile(path, material.secretText);
    await chmod(path, 0o644);
    await expect(loadServerKeys({ file: path })).rejects.toThrow(/readable by group or others .*chmod 600/);
  });

  it('never shows private material when logged, inspected or serialized', async () => {
    const keys = parseServerKeys(material.secretText, 'test');
    const secret = JSON.parse(material.secretText) as { hpkePrivateKey: string; tls: { keyPem: string } };
    const keyBody = secret.tls.keyPem.split('\n')[1] as string;
    for (const shown of [JSON.stringify(keys), inspect(keys), String(keys), JSON.stringify({ keys })]) {
      expect(shown).not.toContain(secret.hpkePrivateKey);
      expect(shown).not.toContain(keyBody);
    }
    expect(JSON.parse(JSON.stringify(keys))).toEqual({
      hpkePublicKey: material.hpkePublicKey,
      tlsFingerprint: material.tlsFingerprint,
    });
  });

  it('names the field, never the value, when the material is wrong', () => {
    const secret = JSON.parse(material.secretText) as Record<string, unknown> & {
      tls: Record<string, string>;
    };
    const cases: [unknown, RegExp][] = [
      [{ ...secret, hpkePrivateKey: 'c2hvcnQ' }, /hpkePrivateKey in secret s must be 32 bytes/],
      [{ ...secret, version: 2 }, /unsupported version/],
      [
        { ...secret, tls: { ...secret.tls, keyPem: createTlsIdentity({ commonName: 'x' }).keyPem } },
        /does not belong/,
      ],
      [{ ...secret, tls: { ...secret.tls, certPem: 'garbage' } }, /does not parse/],
    ];
    for (const [document, expected] of cases) {
      let message = '';
      try {
        parseServerKeys(JSON.stringify(document), 'secret s');
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(expected);
      expect(message).not.toContain(String(secret.hpkePrivateKey));
    }
    expect(() => parseServerKeys('{not json', 'secret s')).toThrow(/not JSON/);
  });

  it('picks the source from the environment', () => {
    expect(serverKeySourceFromEnv({ MPC_KEY_FILE: '/k.json' })).toEqual({ file: '/k.json' });
    expect(serverKeySourceFromEnv({ KEY_SECRET_ARN: 'arn:x' })).toEqual({ secretId: 'arn:x' });
    expect(() => serverKeySourceFromEnv({})).toThrow(/MPC_KEY_FILE .* KEY_SECRET_ARN/);
  });
});

describe('SecretsManagerSecretProvider', () => {
  let server: Server;
  let endpoint: string;
  const requests: { target: string | undefined; body: string }[] = [];
  beforeAll(async () => {
    // A loopback endpoint speaking the Secrets Manager JSON protocol for one secret.
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        requests.push({ target: request.headers['x-amz-target'] as string | undefined, body });
        const { SecretId } = JSON.parse(body) as { SecretId: string };
        response.setHeader('content-type', 'application/x-amz-json-1.1');
        if (SecretId !== 'arn:aws:secretsmanager:us-east-1:000000000000:secret:server-b') {
          response.statusCode = 400;
          response.end(JSON.stringify({ __type: 'ResourceNotFoundException', message: 'not found' }));
          return;
        }
        response.end(JSON.stringify({ ARN: SecretId, Name: 'server-b', SecretString: material.secretText }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('loads the keys through the AWS SDK from the endpoint in AWS_ENDPOINT_URL', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: endpoint,
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    });
    try {
      const keys = await loadServerKeys({
        secretId: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:server-b',
      });
      expect(keys.tlsFingerprint).toBe(material.tlsFingerprint);
      expect(requests.at(-1)?.target).toBe('secretsmanager.GetSecretValue');
    } finally {
      process.env = saved;
    }
  });

  it('passes a missing secret through as the SDK error', async () => {
    const provider = new SecretsManagerSecretProvider({
      client: new SecretsManagerClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
    });
    await expect(provider.getSecretText('missing')).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });
});
