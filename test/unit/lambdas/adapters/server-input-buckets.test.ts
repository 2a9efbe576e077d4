import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { s3Client, type AwsClientSettings } from '../../../../lambdas/adapters/aws-clients.ts';
import { S3ShareStorage } from '../../../../lambdas/adapters/s3/s3-share-storage.ts';
import { readConfig } from '../../../../lambdas/config.ts';

/*
 * Input shares go to each server's own bucket, presigned with the client made for that server (deployed: the
 * session of the role its operator grants), never the coordinator's own credentials.
 */

const aws = (accessKeyId: string): AwsClientSettings => ({
  region: 'eu-west-1',
  credentials: { accessKeyId, secretAccessKey: 'secret' },
  s3ForcePathStyle: false,
});
const share = { sizeBytes: 42, sha256: createHash('sha256').update('share').digest('base64') };
const credentialOf = (url: string): string =>
  new URL(url).searchParams.get('X-Amz-Credential')?.split('/')[0] ?? '';

describe('input shares in the servers’ own buckets', () => {
  const storage = new S3ShareStorage({
    client: s3Client(aws('COORDINATOR')),
    inputBucket: 'coordinator-jobs',
    resultBucket: 'coordinator-results',
    serverInputs: { B: { bucket: 'server-b-inputs', client: s3Client(aws('GRANTED-BY-B')) } },
    expiryMinutes: 15,
    now: () => new Date('2030-05-01T10:00:00.000Z'),
  });

  it("presigns B's upload into B's bucket, signed by B's client", async () => {
    const { url } = await storage.presignInputUpload('B', 'c1', 'i1', share);
    expect(new URL(url).host).toBe('server-b-inputs.s3.eu-west-1.amazonaws.com');
    expect(new URL(url).pathname).toBe('/inputs/B/c1/i1.share');
    expect(credentialOf(url)).toBe('GRANTED-BY-B');
  });

  it('keeps a server without its own bucket on the input bucket and the own credentials', async () => {
    const { url } = await storage.presignInputUpload('A', 'c1', 'i1', share);
    expect(new URL(url).host).toBe('coordinator-jobs.s3.eu-west-1.amazonaws.com');
    expect(credentialOf(url)).toBe('COORDINATOR');
  });

  it('reads each server’s bucket and granted role from the environment', () => {
    const config = readConfig({
      TABLE_NAME: 't',
      INPUT_BUCKET: 'coordinator-jobs',
      RESULT_BUCKET: 'coordinator-results',
      MPC_SERVER_KEYS: JSON.stringify(
        (['A', 'B'] as const).map((id, index) => ({
          id,
          publicKey: Buffer.alloc(32, index + 1).toString('base64url'),
          kem: 'DHKEM-X25519-HKDF-SHA256',
          kdf: 'HKDF-SHA256',
          aead: 'AES-128-GCM',
        })),
      ),
      SERVER_A_INPUT_BUCKET: 'server-a-inputs',
      SERVER_B_INPUT_BUCKET: 'server-b-inputs',
      SERVER_B_ACCESS_ROLE_ARN: 'arn:aws:iam::333333333333:role/mpc-dev-coordinator-access-b',
    });
    expect(config.serverInputs).toEqual({
      A: { bucket: 'server-a-inputs' },
      B: {
        bucket: 'server-b-inputs',
        accessRoleArn: 'arn:aws:iam::333333333333:role/mpc-dev-coordinator-access-b',
      },
    });
  });

  it('makes a client that assumes the granted role only when it signs', async () => {
    const client = s3Client(aws('COORDINATOR'), {
      roleArn: 'arn:aws:iam::333333333333:role/mpc-dev-coordinator-access-b',
    });
    // A provider, not static keys: nothing calls STS until a request or a presign needs credentials.
    expect(typeof client.config.credentials).toBe('function');
    client.destroy();
  });
});
