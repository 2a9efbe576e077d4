import { Arn, ArnFormat, Aws } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { resourceName, type DeploymentConfig } from '../config/deployment-config.ts';
import { domainNames } from '../config/domain-names.ts';
import type { CoordinatorShares } from '../stacks/server-stack.ts';

/**
 * The coordinator's buckets, key and table as a server's stack in another account refers to them: by the
 * names both sides derive from the configuration. The key's id is not derivable, so the identity statements
 * name any key of the coordinator's account; the coordinator's key policy grants exactly one.
 */
export function importedCoordinatorShares(
  scope: Construct,
  config: DeploymentConfig,
  coordinator: { account: string; region: string },
): CoordinatorShares {
  const { account, region } = coordinator;
  const bucket = (id: string, kind: 'jobs' | 'results'): s3.IBucket =>
    s3.Bucket.fromBucketAttributes(scope, id, {
      bucketName: domainNames.coordinatorBucket(config, kind, coordinator),
      account,
      region,
    });
  const tableArn = Arn.format({
    partition: Aws.PARTITION,
    service: 'dynamodb',
    account,
    region,
    resource: 'table',
    resourceName: resourceName(config, 'collaborations'),
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
  return {
    inputBucket: bucket('CoordinatorInputs', 'jobs'),
    resultBucket: bucket('CoordinatorResults', 'results'),
    shareKey: kms.Key.fromKeyArn(
      scope,
      'CoordinatorShareKey',
      Arn.format({
        partition: Aws.PARTITION,
        service: 'kms',
        account,
        region,
        resource: 'key',
        resourceName: '*',
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      }),
    ),
    table: dynamodb.TableV2.fromTableArn(scope, 'CoordinatorTable', tableArn),
    // DynamoDB takes a table of another account by its ARN.
    tableReference: tableArn,
  };
}
