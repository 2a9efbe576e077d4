import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import type { Party } from '../../contract/party.ts';
import type { DeploymentConfig } from '../config/deployment-config.ts';
import { domainNames, serverDomainRefs, serverTask } from '../config/domain-names.ts';
import { removalPolicyFor } from '../config/removal-policy.ts';
import { ComputationNetwork } from '../constructs/computation-network.ts';
import { CoordinatorAccessRole } from '../constructs/coordinator-access-role.ts';
import { MpcTasks, type MpcTask } from '../constructs/mpc-tasks.ts';
import { accessLogBucket, shareBucket } from '../constructs/share-storage.ts';

/** What a server's task uses of the coordinator's domain: its own or imported references. */
export interface CoordinatorShares {
  readonly inputBucket: s3.IBucket;
  readonly resultBucket: s3.IBucket;
  readonly shareKey: kms.IKey;
  readonly table: dynamodb.ITableV2;
  /** The tasks' TABLE_NAME: the table's ARN when it is in another account. */
  readonly tableReference?: string;
}

export interface ServerStackProps extends StackProps {
  readonly config: DeploymentConfig;
  readonly party: Party;
  /** The coordinator's account, which the granted role trusts. */
  readonly coordinatorAccount: string;
  /** Made in this stack's scope, so that imports of another account's resources belong to it. */
  readonly coordinatorShares: (scope: Construct) => CoordinatorShares;
  /** This server's VPC range, and the peer's (B admits A's range on the peer port; A dials B's). */
  readonly vpcCidr: string;
  readonly peerCidr: string;
}

/**
 * One server's administrative domain: its VPC, cluster and task definition, its own KMS key, key secret and
 * bucket for the input shares sealed to it, and the role its operator grants the coordinator.
 */
export class ServerStack extends Stack {
  readonly party: Party;
  readonly network: ComputationNetwork;
  readonly inputKey: kms.Key;
  readonly inputBucket: s3.Bucket;
  readonly mpc: MpcTasks;
  readonly task: MpcTask;
  readonly coordinatorAccess: CoordinatorAccessRole;

  constructor(scope: Construct, id: string, props: ServerStackProps) {
    super(scope, id, props);
    const { config, party } = props;
    const removalPolicy = removalPolicyFor(config);
    const refs = serverDomainRefs(this, config, party, props.env);
    this.party = party;
    this.network = new ComputationNetwork(this, 'Network', { config, cidr: props.vpcCidr });
    this.inputKey = new kms.Key(this, 'ServerKey', {
      description: `MPC ${config.environmentName}: server ${party}'s input shares and key secret`,
      enableKeyRotation: true,
      removalPolicy,
    });
    this.inputBucket = shareBucket(this, 'Inputs', {
      config,
      key: this.inputKey,
      accessLogBucket: accessLogBucket(this, config, removalPolicy),
      removalPolicy,
      bucketName: refs.inputBucketName,
    });
    const coordinator = props.coordinatorShares(this);
    const name = serverTask(party);
    this.mpc = new MpcTasks(this, 'Mpc', {
      config,
      vpc: this.network.vpc,
      inputBucket: coordinator.inputBucket,
      resultBucket: coordinator.resultBucket,
      shareKey: coordinator.shareKey,
      table: coordinator.table,
      tableReference: coordinator.tableReference,
      taskNames: [name],
      remotePeer: ec2.Peer.ipv4(props.peerCidr),
      inputShares: { bucket: this.inputBucket, key: this.inputKey },
      clusterName: domainNames.cluster(config, party),
      roleNames: {
        [name]: {
          task: domainNames.taskRole(config, party),
          execution: domainNames.executionRole(config, party),
        },
      },
    });
    this.task = this.mpc.task(name);
    if (coordinator.tableReference) {
      NagSuppressions.addResourceSuppressions(
        this.task.taskRole,
        [
          {
            id: 'AwsSolutions-IAM5',
            reason:
              "The coordinator's key id cannot be derived in this account: the statement names its account's " +
              'keys, used only through S3, and its key policy grants this role exactly the share key.',
            appliesTo: [{ regex: '/^Resource::arn:<AWS::Partition>:kms:[a-z0-9-]+:\\d{12}:key\\/\\*$/g' }],
          },
        ],
        true,
      );
    }
    this.coordinatorAccess = new CoordinatorAccessRole(this, 'CoordinatorAccess', {
      config,
      party,
      coordinatorAccount: props.coordinatorAccount,
      task: this.task,
      clusterArn: this.mpc.cluster.clusterArn,
      inputBucket: this.inputBucket,
      inputKey: this.inputKey,
    });

    // What this server's operator hands the coordinator's operator (docs/deploy.md, "Three operators").
    new CfnOutput(this, 'CoordinatorAccessRoleArn', { value: this.coordinatorAccess.role.roleArn });
    new CfnOutput(this, 'InputBucketName', { value: this.inputBucket.bucketName });
    new CfnOutput(this, 'TaskNetwork', {
      value: Stack.of(this).toJsonString({
        subnets: this.network.vpc.selectSubnets(this.network.subnets).subnetIds,
        securityGroups: [this.task.securityGroup.securityGroupId],
      }),
    });
  }
}
