import { ArnFormat, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import type { FunctionAccess } from '../access/function-access.ts';
import { listPrefixOf, PARTIES, shareObjectPatterns } from './share-object-patterns.ts';
import { suppressScopedWildcards } from './scoped-wildcards.ts';
import { grantShareKeyViaS3 } from './share-storage.ts';
import type { WorkflowIdentity } from './workflow-identity.ts';
import type { ServerDomainRefs } from '../config/domain-names.ts';

/** The resources a function's access profile can name. */
export interface AccessibleResources {
  readonly table: dynamodb.ITableV2;
  readonly inputBucket: s3.IBucket;
  readonly resultBucket: s3.IBucket;
  readonly shareKey: kms.IKey;
  readonly eventBus: events.IEventBus;
  readonly workflow: WorkflowIdentity;
  /** Name of the ECS cluster the computation tasks run in. */
  readonly clusterName?: string;
  /** Servers A and B: the role each server's operator grants the coordinator. */
  readonly servers: readonly ServerDomainRefs[];
}

/** Adds to `role` exactly the statements `access` asks for, nothing broader. */
export function grantFunctionAccess(
  scope: Construct,
  id: string,
  role: iam.Role,
  access: FunctionAccess,
  resources: AccessibleResources,
): void {
  const allow = (actions: string[], arns: string[], conditions?: Record<string, unknown>): void => {
    role.addToPolicy(new iam.PolicyStatement({ actions, resources: arns, conditions }));
  };
  const { table, inputBucket, resultBucket, shareKey } = resources;
  if (access.table.length > 0)
    allow(
      access.table.map((action) => `dynamodb:${action}`),
      [table.tableArn],
    );
  if (access.queryIndexes) allow(['dynamodb:Query'], [`${table.tableArn}/index/*`]);

  if (access.inputShares) {
    // Input shares go to each server's own bucket, reached only through the role that server's operator
    // grants: the presigned PUT is signed with its session (PutObject under its input prefix, checked by S3
    // at upload), and an upload is checked by listing the share's key (ListBucket under that prefix).
    allow(
      ['sts:AssumeRole'],
      resources.servers.map((server) => server.coordinatorAccessRoleArn),
    );
  }
  if (access.resultShares === 'presignDownload') {
    allow(
      ['s3:GetObject'],
      PARTIES.map((party) => resultBucket.arnForObjects(shareObjectPatterns.resultShares(party))),
    );
    grantShareKeyViaS3(shareKey, role, ['Decrypt']);
  }
  if (access.writeJobDescriptions) {
    allow(['s3:PutObject'], [inputBucket.arnForObjects(shareObjectPatterns.jobDescriptions())]);
    grantShareKeyViaS3(shareKey, role, ['GenerateDataKey']);
  }
  if (access.deleteShares) {
    // What lambdas/use-cases/workflow/delete-collaboration-shares.ts lists and deletes, by prefix: a
    // collaboration's input prefix holds its input shares and, for a sharded job, its shards' partials.
    const deletable = [
      ...PARTIES.map((party) => shareObjectPatterns.inputShares(party)),
      ...PARTIES.map((party) => shareObjectPatterns.shardPartials(party)),
      ...PARTIES.map((party) => shareObjectPatterns.dealerMaterial(party)),
      shareObjectPatterns.jobDescriptions(),
    ];
    allow(
      ['s3:DeleteObject'],
      deletable.map((key) => inputBucket.arnForObjects(key)),
    );
    allow(['s3:ListBucket'], [inputBucket.bucketArn], {
      StringLike: { 's3:prefix': [...new Set(deletable.map(listPrefixOf))] },
    });
  }
  for (const use of access.workflow ?? []) {
    if (use === 'start') allow(['states:StartExecution'], [resources.workflow.stateMachineArn]);
    else grantTaskResponse(scope, `${id}TaskTokens`, role);
  }
  if (access.computeTasks) {
    if (!resources.clusterName) throw new Error(`${id} needs the computation cluster`);
    const taskArns = Stack.of(scope).formatArn({
      service: 'ecs',
      resource: 'task',
      resourceName: `${resources.clusterName}/*`,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    allow(
      access.computeTasks === 'describe' ? ['ecs:DescribeTasks'] : ['ecs:DescribeTasks', 'ecs:StopTask'],
      [taskArns],
    );
  }
  if (access.publishEvents) allow(['events:PutEvents'], [resources.eventBus.eventBusArn]);
  suppressScopedWildcards(role, id);
}

/** SendTaskSuccess/Failure authorise by activity ARN only; callback task tokens carry no resource to scope to. */
function grantTaskResponse(scope: Construct, id: string, role: iam.Role): void {
  const policy = new iam.Policy(scope, id, {
    statements: [
      new iam.PolicyStatement({
        actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
        resources: ['*'],
      }),
    ],
  });
  role.attachInlinePolicy(policy);
  NagSuppressions.addResourceSuppressions(policy, [
    {
      id: 'AwsSolutions-IAM5',
      reason: 'Step Functions task-token calls support no resource-level permission for callback tokens.',
      appliesTo: ['Resource::*'],
    },
  ]);
}
