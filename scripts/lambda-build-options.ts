import type { BuildOptions } from 'esbuild';
import { lambdaBundling } from '../lib/bundling/lambda-bundling.ts';
import { repoPaths } from '../lib/config/repo-paths.ts';

/**
 * esbuild options that bundle one Lambda handler exactly as the CDK `NodejsFunction`s do (settings from
 * lib/bundling/lambda-bundling.ts), for the bundle report, the bundle composition script and tests.
 */
export function lambdaBuildOptions(entry: string, outfile: string) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: lambdaBundling.target,
    format: lambdaBundling.format,
    minify: lambdaBundling.minify,
    sourcemap: lambdaBundling.sourceMap,
    mainFields: [...lambdaBundling.mainFields],
    banner: { js: lambdaBundling.banner },
    // What the Lambda runtime provides is left out, as NodejsFunction does when the SDK is not bundled.
    external: lambdaBundling.bundleAwsSdk ? [] : ['@aws-sdk/*', '@smithy/*'],
    tsconfig: repoPaths.tsconfig,
    logLevel: 'error',
  } satisfies BuildOptions;
}
