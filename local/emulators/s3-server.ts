import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import AWSAccount from 's3rver/lib/models/account.js';
import type { RunningEmulator } from './dynamodb-local.ts';
import { s3DomainAccess, type S3AccessPolicy } from './s3-domain-access.ts';

/** Key pairs s3rver accepts besides its own, and what each may do (a key without rules: anything). */
export interface S3DomainKeys {
  keys: readonly { accessKeyId: string; secretAccessKey: string }[];
  policy: S3AccessPolicy;
}

/**
 * Starts s3rver on loopback. It does not verify signatures, so presigning rules are unit-tested separately.
 * Objects live in a temporary directory removed on stop.
 */
export async function startS3Server(
  options: { port?: number; buckets?: string[]; access?: S3DomainKeys } = {},
): Promise<RunningEmulator> {
  const directory = await mkdtemp(join(tmpdir(), 's3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory,
    configureBuckets: (options.buckets ?? []).map((name) => ({ name, configs: [] })),
  });
  if (options.access) {
    for (const key of options.access.keys)
      AWSAccount.DUMMY_ACCOUNT.createKeyPair(key.accessKeyId, key.secretAccessKey);
    // Before the router, the last middleware: koa composes the list when the server starts listening.
    server.middleware.splice(server.middleware.length - 1, 0, s3DomainAccess(options.access.policy));
  }
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
