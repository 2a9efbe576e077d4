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
   * The AWS SDK is bundled, not taken from the runtime: the presigning rules (DESIGN.md section 8) depend on
   * the exact SDK version we test against, and one minified file imports 2-3x faster than the runtime's
   * unbundled SDK (measured with `npm run bench:bundle`), at the price of ~700 KB instead of ~220 KB.
   */
  bundleAwsSdk: true,
} as const;
