import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { collaborationTableDefinition, TTL_ATTRIBUTE } from '../../contract/table/table-definition.ts';
import { resourceName, type DeploymentConfig } from '../config/deployment-config.ts';
import { tablePropsFromDefinition } from './table-from-definition.ts';
import { removalPolicyFor } from '../config/removal-policy.ts';

export interface CollaborationDataProps {
  readonly config: DeploymentConfig;
}

/** The single table of the coordinator (and the job status items of the computation service). */
export class CollaborationData extends Construct {
  readonly table: dynamodb.TableV2;

  constructor(scope: Construct, id: string, props: CollaborationDataProps) {
    super(scope, id);
    const { config } = props;
    const tableName = resourceName(config, 'collaborations');
    this.table = new dynamodb.TableV2(this, 'Table', {
      tableName,
      ...tablePropsFromDefinition(collaborationTableDefinition(tableName)),
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: config.isProduction,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: removalPolicyFor(config),
    });
  }
}
