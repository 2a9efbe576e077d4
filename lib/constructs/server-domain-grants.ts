import * as iam from 'aws-cdk-lib/aws-iam';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { ServerDomainRefs } from '../config/domain-names.ts';
import { JOB_ITEM_KEY_PATTERN } from './mpc-tasks.ts';
import { listPrefixOf, shareObjectPatterns } from './share-object-patterns.ts';

export interface ServerDomainGrantsProps {
  readonly table: dynamodb.TableV2;
  readonly inputBucket: s3.Bucket;
  readonly resultBucket: s3.Bucket;
  readonly shareKey: kms.Key;
  /** The servers in other accounts than the coordinator's. */
  readonly servers: readonly ServerDomainRefs[];
}

/**
 * The coordinator's half of each cross-account grant (the server's task role holds the other half): its job
 * description and dealer material, its result shares, its job status items, and the share key only through
 * S3. Resource policies, because the task roles live in the servers' accounts.
 */
export function grantServerDomains(props: ServerDomainGrantsProps): void {
  const { table, inputBucket, resultBucket, shareKey } = props;
  for (const server of props.servers) {
    const principal = new iam.ArnPrincipal(server.taskRoleArn);
    const readKeys = [
      shareObjectPatterns.jobDescriptions(),
      shareObjectPatterns.dealerMaterial(server.party),
    ];
    inputBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [principal],
        actions: ['s3:GetObject'],
        resources: readKeys.map((key) => inputBucket.arnForObjects(key)),
      }),
    );
    inputBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [principal],
        actions: ['s3:ListBucket'],
        resources: [inputBucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': readKeys.map(listPrefixOf) } },
      }),
    );
    resultBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [principal],
        actions: ['s3:PutObject'],
        resources: [resultBucket.arnForObjects(shareObjectPatterns.resultShares(server.party))],
      }),
    );
    shareKey.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [principal],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'kms:ViaService': `s3.${shareKey.env.region}.amazonaws.com` } },
      }),
    );
    // Job status travels back as the server's own write of JOB# items (docs/protocol.md, "Trust model").
    table.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [principal],
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: ['*'],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [JOB_ITEM_KEY_PATTERN] } },
      }),
    );
  }
}
