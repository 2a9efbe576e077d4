import { RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

/**
 * A rotating customer key for a queue or topic that an AWS service writes into: the service principal must be
 * able to use the key. The key holds no data of its own (only messages in flight), so it is always destroyed.
 */
export function serviceWriterKey(
  scope: Construct,
  id: string,
  props: { description: string; servicePrincipal: string },
): kms.Key {
  const key = new kms.Key(scope, id, {
    description: props.description,
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal(props.servicePrincipal)],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
    }),
  );
  return key;
}
