import { fileURLToPath } from 'node:url';

/**
 * The credential provider of the Lambda bundles, standing in for `@aws-sdk/credential-provider-node` through
 * an esbuild alias: Lambda always hands a function its role's credentials in environment variables, so the
 * default chain's other sources (SSO, ini files, STS web identity, IMDS...) are ~130 KB of bundle that never
 * run there. Same contract as the SDK's `defaultProvider`: a factory of an async credentials provider.
 */
export interface EnvironmentCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export function defaultProvider(): () => Promise<EnvironmentCredentials> {
  return async () => {
    const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_CREDENTIAL_EXPIRATION } =
      process.env;
    if (!AWS_ACCESS_KEY_ID || !AWS_SECRET_ACCESS_KEY)
      throw new Error('No AWS credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)');
    return {
      accessKeyId: AWS_ACCESS_KEY_ID,
      secretAccessKey: AWS_SECRET_ACCESS_KEY,
      ...(AWS_SESSION_TOKEN ? { sessionToken: AWS_SESSION_TOKEN } : {}),
      ...(AWS_CREDENTIAL_EXPIRATION ? { expiration: new Date(AWS_CREDENTIAL_EXPIRATION) } : {}),
    };
  };
}

/** The esbuild alias that swaps this provider in for the SDK's default chain (for the bundling settings). */
export const LAMBDA_CREDENTIALS_ALIAS: Record<string, string> = {
  '@aws-sdk/credential-provider-node': /* @__PURE__ */ fileURLToPath(import.meta.url),
};
