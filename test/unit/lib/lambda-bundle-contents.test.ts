import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, repoPaths } from '../../../lib/config/repo-paths.ts';
import { lambdaBuildOptions } from '../../../scripts/lambda-build-options.ts';

/*
 * The operations that presign and check share uploads reach S3 through signed requests
 * (lambdas/adapters/s3/): their bundles, built as deployed, must carry neither the S3 client nor the SDK's
 * presigner (~170 KB), which only the tests use as a reference.
 */
const SHARE_OPERATIONS = ['createInput', 'completeInput', 'getResult'];
const S3_SDK = /@aws-sdk\/(client-s3|s3-request-presigner|signature-v4-multi-region)\//;

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

/** The coordinator only sizes sealed shares; HPKE itself (~26 KB) is the clients' and servers' business. */
const HPKE_LIBRARY = /@hpke\/core\//;

describe('Lambda bundles of the share operations', () => {
  for (const operationId of SHARE_OPERATIONS) {
    it(`${operationId} presigns and checks uploads without the S3 client or HPKE`, async () => {
      const modules = await bundledModules(operationId);
      expect(modules.some((module) => module.includes('lambdas/adapters/s3/s3-share-storage.ts'))).toBe(true);
      expect(modules.filter((module) => S3_SDK.test(module))).toEqual([]);
      expect(modules.filter((module) => HPKE_LIBRARY.test(module))).toEqual([]);
    });
  }
});

describe('Lambda bundles of every operation', () => {
  it('keep the DynamoDB endpoint cache on the Map-based LRU, not mnemonist', async () => {
    const modules = await bundledModules('createCollaboration');
    expect(modules.some((module) => module.includes('lambdas/adapters/lambda-lru-cache.ts'))).toBe(true);
    expect(modules.filter((module) => /node_modules\/(mnemonist|obliterator)\//.test(module))).toEqual([]);
  });
});
