/**
 * One source of truth for how a Lambda handler is bundled: the CDK `NodejsFunction`s and the bundle report
 * (`bench/bundle-report.ts`) both read these settings, so the report measures what is deployed.
 */

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
   * The AWS SDK is bundled, not taken from the runtime: the clients and the presigner run at the exact
   * versions the tests pin, and one minified file imports faster than the runtime's unbundled SDK
   * (`npm run bench:bundle` measures it).
   */
  bundleAwsSdk: true,
} as const;
