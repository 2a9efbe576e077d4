import { randomBytes } from 'node:crypto';
import type { AwsClientSettings } from '../../../../../lambdas/adapters/aws-clients.ts';

/**
 * The coordinator's client settings for a contract test: what a Lambda gets (endpoint from AWS_ENDPOINT_URL,
 * which `npm run test:localstack` sets), with the emulators' region and test credentials where unset.
 */
export function endpointClientSettings(): AwsClientSettings {
  return {
    region: process.env.AWS_REGION ?? 'us-east-1',
    credentials: {
      accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'test',
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'test',
    },
    s3ForcePathStyle: true,
  };
}

/** A name no other run on the same endpoint uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/**
 * A subnet and a security group of the endpoint's default VPC, for a Fargate RunTask there. EC2's Query API
 * through plain HTTP: the project has no EC2 client, and emulators route by the credential scope without
 * checking the signature (the only place a test relies on that).
 */
export async function defaultNetwork(): Promise<{ subnet: string; securityGroup: string }> {
  const endpoint = process.env.AWS_ENDPOINT_URL;
  if (!endpoint) throw new Error('defaultNetwork needs AWS_ENDPOINT_URL (an emulator)');
  const region = process.env.AWS_REGION ?? 'us-east-1';
  const query = async (action: string, tag: string): Promise<string> => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/${region}/ec2/aws4_request, SignedHeaders=host, Signature=0`,
      },
      body: new URLSearchParams({ Action: action, Version: '2016-11-15' }),
    });
    const found = new RegExp(`<${tag}>([^<]+)</${tag}>`).exec(await response.text());
    if (!response.ok || !found) throw new Error(`${action} on ${endpoint}: ${response.status}, no ${tag}`);
    return found[1]!;
  };
  return {
    subnet: await query('DescribeSubnets', 'subnetId'),
    securityGroup: await query('DescribeSecurityGroups', 'groupId'),
  };
}
