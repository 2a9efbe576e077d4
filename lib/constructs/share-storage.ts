import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import type { DeploymentConfig } from '../config/deployment-config.ts';
import { removalPolicyFor } from '../config/removal-policy.ts';

export interface ShareStorageProps {
  readonly config: DeploymentConfig;
  /** Fixed names, for buckets that roles of other accounts are granted (else CloudFormation names them). */
  readonly bucketNames?: { readonly inputs: string; readonly results: string };
}

/**
 * The coordinator's input bucket (job descriptions, dealer material) and result bucket (sealed result shares),
 * both SSE-KMS with one customer key. Input shares go to each server's own bucket (stacks/server-stack.ts).
 * Everything stored is sealed to the servers' or the recipients' keys; KMS is the second layer that confines
 * each principal to its own prefixes.
 */
export class ShareStorage extends Construct {
  readonly key: kms.Key;
  readonly inputBucket: s3.Bucket;
  readonly resultBucket: s3.Bucket;
  readonly accessLogBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: ShareStorageProps) {
    super(scope, id);
    const { config } = props;
    const removalPolicy = removalPolicyFor(config);

    this.key = new kms.Key(this, 'ShareKey', {
      description: `MPC ${config.environmentName}: share buckets`,
      enableKeyRotation: true,
      removalPolicy,
    });

    this.accessLogBucket = accessLogBucket(this, config, removalPolicy);
    const share = { config, key: this.key, accessLogBucket: this.accessLogBucket, removalPolicy };
    this.inputBucket = shareBucket(this, 'Inputs', { ...share, bucketName: props.bucketNames?.inputs });
    this.resultBucket = shareBucket(this, 'Results', { ...share, bucketName: props.bucketNames?.results });
  }
}

/** Server access logs must go to an SSE-S3 bucket: S3 log delivery cannot write SSE-KMS objects. */
export function accessLogBucket(
  scope: Construct,
  config: DeploymentConfig,
  removalPolicy: RemovalPolicy,
): s3.Bucket {
  const bucket = new s3.Bucket(scope, 'AccessLogs', {
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    lifecycleRules: [{ expiration: Duration.days(config.logRetentionDays) }],
    removalPolicy,
  });
  NagSuppressions.addResourceSuppressions(bucket, [
    { id: 'AwsSolutions-S1', reason: 'This is the access log bucket; logging it into itself would loop.' },
  ]);
  return bucket;
}

export interface ShareBucketProps {
  readonly config: DeploymentConfig;
  readonly key: kms.IKey;
  readonly accessLogBucket: s3.IBucket;
  readonly removalPolicy: RemovalPolicy;
  readonly bucketName?: string;
}

/** A bucket of sealed shares: SSE-KMS with `key`, TLS only, private, logged, expiring. */
export function shareBucket(scope: Construct, id: string, props: ShareBucketProps): s3.Bucket {
  const { config, removalPolicy } = props;
  return new s3.Bucket(scope, id, {
    bucketName: props.bucketName,
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: props.key,
    bucketKeyEnabled: true,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    serverAccessLogsBucket: props.accessLogBucket,
    serverAccessLogsPrefix: `${id.toLowerCase()}/`,
    // The workflow deletes shares when a collaboration completes; expiry is the backstop for abandoned ones.
    lifecycleRules: [
      {
        expiration: Duration.days(config.shareRetentionDays),
        abortIncompleteMultipartUploadAfter: Duration.days(1),
      },
    ],
    // No CORS: clients are services that upload with presigned URLs from their back ends, not browsers.
    removalPolicy,
  });
}

/**
 * Lets a principal use the share key only through S3 (never to decrypt arbitrary ciphertexts directly).
 * The key policy delegates to IAM in the key's account, so an identity statement is enough.
 */
export function grantShareKeyViaS3(key: kms.IKey, grantee: iam.IGrantable, actions: readonly string[]): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: actions.map((action) => `kms:${action}`),
      resources: [key.keyArn],
      // The key's region, which for a key of another domain is not this stack's.
      conditions: { StringEquals: { 'kms:ViaService': `s3.${key.env.region}.amazonaws.com` } },
    }),
  );
}
