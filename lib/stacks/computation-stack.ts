import { Stack, type StackProps } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { DeploymentConfig } from '../config/deployment-config.ts';
import { ComputationNetwork } from '../constructs/computation-network.ts';
import { MpcTasks, type MpcTaskName } from '../constructs/mpc-tasks.ts';

export interface ComputationStackProps extends StackProps {
  readonly config: DeploymentConfig;
  /**
   * The coordinator's share buckets, key and table. Passed as interfaces so that a computation stack in
   * another account can take imported references (`Bucket.fromBucketAttributes`, ...) instead; see
   * docs/deploy.md, "Servers in other accounts".
   */
  readonly inputBucket: s3.IBucket;
  readonly resultBucket: s3.IBucket;
  readonly shareKey: kms.IKey;
  readonly table: dynamodb.ITableV2;
  /** See `MpcTasksProps`: the tasks this account runs, and the other server's network when split. */
  readonly taskNames?: readonly MpcTaskName[];
  readonly remotePeer?: ec2.IPeer;
}

/** The computation service: isolated VPC, ECS cluster, Fargate tasks for server A, server B and the dealer. */
export class ComputationStack extends Stack {
  readonly network: ComputationNetwork;
  readonly mpc: MpcTasks;

  constructor(scope: Construct, id: string, props: ComputationStackProps) {
    super(scope, id, props);
    this.network = new ComputationNetwork(this, 'Network', { config: props.config });
    this.mpc = new MpcTasks(this, 'Mpc', {
      config: props.config,
      vpc: this.network.vpc,
      inputBucket: props.inputBucket,
      resultBucket: props.resultBucket,
      shareKey: props.shareKey,
      table: props.table,
      taskNames: props.taskNames,
      remotePeer: props.remotePeer,
    });
  }
}
