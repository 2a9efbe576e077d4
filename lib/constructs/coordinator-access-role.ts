import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import type { Party } from '../../contract/party.ts';
import type { DeploymentConfig } from '../config/deployment-config.ts';
import { domainNames } from '../config/domain-names.ts';
import type { MpcTask } from './mpc-tasks.ts';
import { listPrefixOf, shareObjectPatterns } from './share-object-patterns.ts';
import { TASK_DEFINITION_REVISIONS } from './scoped-wildcards.ts';
import { grantShareKeyViaS3 } from './share-storage.ts';

export interface CoordinatorAccessRoleProps {
  readonly config: DeploymentConfig;
  readonly party: Party;
  /** The coordinator's account: its operator decides which of its roles may assume this one. */
  readonly coordinatorAccount: string;
  readonly task: MpcTask;
  readonly clusterArn: string;
  readonly inputBucket: s3.IBucket;
  readonly inputKey: kms.IKey;
}

/**
 * The one door a server's operator opens to the coordinator: start this server's task (passing only its own
 * two roles), sign uploads of input shares into this server's bucket and list those keys to check an upload.
 * Nothing here reads a share, the key secret or a log; the job status comes back as the task's own write to
 * the coordinator's table.
 */
export class CoordinatorAccessRole extends Construct {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: CoordinatorAccessRoleProps) {
    super(scope, id);
    const { config, party, task } = props;
    const stack = Stack.of(this);
    this.role = new iam.Role(this, 'Role', {
      roleName: domainNames.coordinatorAccessRole(config, party),
      assumedBy: new iam.AccountPrincipal(props.coordinatorAccount),
      description: `MPC server ${party}: what the coordinator may do in this account`,
      // Presigned URLs stop working when the session that signed them ends: at least the upload lifetime.
      maxSessionDuration: Duration.hours(Math.max(1, Math.ceil(config.uploadUrlExpiryMinutes / 60))),
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['ecs:RunTask'],
        // Any revision of this server's family: its operator deploys new revisions, the coordinator runs them.
        resources: [
          stack.formatArn({
            service: 'ecs',
            resource: 'task-definition',
            resourceName: `${task.taskDefinition.family}:*`,
            arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
          }),
        ],
        conditions: { ArnEquals: { 'ecs:cluster': props.clusterArn } },
      }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [task.taskRole.roleArn, task.taskDefinition.obtainExecutionRole().roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
      }),
    );
    // The presigned PUT is signed with this role's session: S3 checks its PutObject, and its use of the
    // bucket's key to encrypt (only through S3), when the client uploads.
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [props.inputBucket.arnForObjects(shareObjectPatterns.inputShares(party))],
      }),
    );
    grantShareKeyViaS3(props.inputKey, this.role, ['GenerateDataKey']);
    // completeInput lists a share's own key (size, checksum algorithm; a missing share is an empty listing):
    // HeadObject and GetObjectAttributes would need s3:GetObject. Confined by s3:prefix to this input prefix.
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [props.inputBucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [listPrefixOf(shareObjectPatterns.inputShares(party))] } },
      }),
    );
    NagSuppressions.addResourceSuppressions(
      this.role,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason:
            "Wildcards name this server's task-definition revisions and its input share keys " +
            '(`inputs/<party>/<collaboration>/<input>.share`) only.',
          appliesTo: [
            TASK_DEFINITION_REVISIONS,
            { regex: '/^Resource::.+\\/inputs\\/(A|B)\\/\\*\\/\\*\\.share$/g' },
          ],
        },
      ],
      true,
    );
  }
}
