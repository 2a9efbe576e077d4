/**
 * One source of truth for how a Lambda handler is bundled: the CDK `NodejsFunction`s and the bundle report
 * (`bench/bundle-report.ts`) both read these settings, so the report measures what is deployed.
 */
// eslint-disable-next-line folders/folder-boundaries -- goes with the hand-written SDK replacements
import { LAMBDA_CREDENTIALS_ALIAS } from '../../lambdas/adapters/lambda-credentials.ts';
// eslint-disable-next-line folders/folder-boundaries -- goes with the hand-written SDK replacements
import { LAMBDA_LRU_CACHE_ALIAS } from '../../lambdas/adapters/lambda-lru-cache.ts';

export const LAMBDA_NODE_TARGET = 'node22';

/** ESM output needs `require` for the few CommonJS dependencies that call it (e.g. ajv, powertools). */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

export const lambdaBundling = {
  minify: true,
  sourceMap: true,
  target: LAMBDA_NODE_TARGET,
  format: 'esm',
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  /**
   * The AWS SDK is bundled, not taken from the runtime: the SigV4 signer (presigned URLs) and the DynamoDB
   * client run at the exact versions the tests pin, and one minified file imports 2-3x faster than the
   * runtime's unbundled SDK (measured with `npm run bench:bundle`).
   */
  bundleAwsSdk: true,
  /**
   * Module swaps: Lambda hands a function its role's credentials in environment variables, so the SDK's
   * default credential chain (SSO, ini files, web identity, IMDS: ~113 KB) is replaced by an environment-only
   * provider (lambdas/adapters/lambda-credentials.ts); the DynamoDB client's endpoint cache gets a Map-based
   * LRU instead of mnemonist's (~7 KB, lambdas/adapters/lambda-lru-cache.ts).
   */
  alias: { ...LAMBDA_CREDENTIALS_ALIAS, ...LAMBDA_LRU_CACHE_ALIAS },
} as const;

/** The aliases as esbuild command-line arguments, the form NodejsFunction's `esbuildArgs` takes. */
export function aliasEsbuildArgs(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(lambdaBundling.alias).map(([from, to]) => [`--alias:${from}`, to]),
  );
}
