import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, repoPaths } from '../../../lib/config/repo-paths.ts';
import { lambdaBuildOptions } from '../../../scripts/lambda-build-options.ts';

/*
 * What the Lambda bundles carry, built as deployed: the operations that presign and check share uploads
 * carry the S3 client and its presigner; the others carry neither (each handler names its ports, so esbuild
 * leaves the other adapters' clients out).
 */
const SHARE_OPERATIONS = ['createInput', 'completeInput', 'getResult'];
const S3_SDK = /@aws-sdk\/(client-s3|s3-request-presigner)\//;

/** The modules with code in the bundle (metafile.inputs also lists modules read and shaken out). */
async function bundledModules(operationId: string): Promise<string[]> {
  const outfile = path.join(REPO_ROOT, '.cache', 'lambda-bundle-contents', operationId, 'index.mjs');
  const result = await build({
    ...lambdaBuildOptions(repoPaths.operationHandler(operationId), outfile),
    metafile: true,
    write: false,
  });
  const output = Object.values(result.metafile.outputs).find((candidate) => candidate.entryPoint);
  return Object.entries(output?.inputs ?? {})
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([input]) => input);
}

/** The coordinator only sizes sealed shares; HPKE itself is the clients' and servers' business. */
const HPKE_LIBRARY = /@hpke\/core\//;

describe('Lambda bundles of the share operations', () => {
  for (const operationId of SHARE_OPERATIONS) {
    it(`${operationId} presigns and checks uploads with the S3 client and its presigner, without HPKE`, async () => {
      const modules = await bundledModules(operationId);
      expect(modules.some((module) => module.includes('lambdas/adapters/s3/s3-share-storage.ts'))).toBe(true);
      expect(modules.some((module) => module.includes('@aws-sdk/client-s3/'))).toBe(true);
      expect(modules.some((module) => module.includes('@aws-sdk/s3-request-presigner/'))).toBe(true);
      expect(modules.filter((module) => HPKE_LIBRARY.test(module))).toEqual([]);
    });
  }
});

describe('Lambda bundles of the other operations', () => {
  it('carry neither the S3 client nor the presigner', async () => {
    const modules = await bundledModules('listCollaborations');
    expect(modules.some((module) => module.includes('@aws-sdk/client-dynamodb/'))).toBe(true);
    expect(modules.filter((module) => S3_SDK.test(module))).toEqual([]);
  });
});
