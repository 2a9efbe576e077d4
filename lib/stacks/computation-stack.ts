import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ComputationNetwork } from '../constructs/computation-network.ts';
import { MpcTasks, type MpcTasksProps } from '../constructs/mpc-tasks.ts';

/**
 * The deployment, the coordinator's share buckets, key and table, and the tasks this stack runs (see
 * `MpcTasksProps`); the app runs the dealer here and each server in its own `ServerStack`. The VPC is the
 * stack's own.
 */
export interface ComputationStackProps extends StackProps, Omit<MpcTasksProps, 'vpc'> {}

/** The dealer's computation service, in the coordinator's domain: isolated VPC, ECS cluster, Fargate task. */
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
