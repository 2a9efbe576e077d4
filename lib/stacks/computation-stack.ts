import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ComputationNetwork } from '../constructs/computation-network.ts';
import { MpcTasks, type MpcTasksProps } from '../constructs/mpc-tasks.ts';

/**
 * The deployment, the coordinator's share buckets, key and table, and the tasks this account runs (see
 * `MpcTasksProps`). Buckets, key and table are interfaces so that a computation stack in another account can
 * take imported references (`Bucket.fromBucketAttributes`, ...) instead; see docs/deploy.md, "Servers in other
 * accounts". The VPC is the stack's own.
 */
export interface ComputationStackProps extends StackProps, Omit<MpcTasksProps, 'vpc'> {}

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
