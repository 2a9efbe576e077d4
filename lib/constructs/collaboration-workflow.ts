import { readFileSync } from 'node:fs';
import { ArnFormat, type CfnResource, Stack, Validations } from 'aws-cdk-lib';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { definitionPath, definitionPlaceholders, loadDefinition } from '../../workflow/definition.ts';
import type { DeploymentConfig } from '../config/deployment-config.ts';
import { retentionDays } from '../config/log-retention.ts';
import type { ServerDomainRefs } from '../config/domain-names.ts';
import { distributedMaps, grantDistributedMaps } from './distributed-map-access.ts';
import type { MpcTask } from './mpc-tasks.ts';
import { omitRoleDependency } from './role-dependency.ts';
import { suppressScopedWildcards } from './scoped-wildcards.ts';
import type { WorkflowIdentity } from './workflow-identity.ts';
import { removalPolicyFor } from '../config/removal-policy.ts';

/** Placeholders of the definition that name a step function: `${<Step>FunctionArn}`. */
const STEP_FUNCTION_PLACEHOLDER = /^(\w+)FunctionArn$/;

/** The workflow steps (Lambda functions) the shared definition calls, by step name. */
export function workflowStepNames(): string[] {
  return definitionPlaceholders()
    .map((name) => STEP_FUNCTION_PLACEHOLDER.exec(name)?.[1])
    .filter((step): step is string => step !== undefined);
}

export interface CollaborationWorkflowProps {
  readonly config: DeploymentConfig;
  readonly identity: WorkflowIdentity;
  /** One function per step name of `workflowStepNames()`. */
  readonly stepFunctions: ReadonlyMap<string, lambda.IFunction>;
  readonly cluster: ecs.ICluster;
  /** The dealer runs in the coordinator's domain, next to the state machine. */
  readonly dealer: MpcTask;
  /** Servers A and B, each started in its own account through the role its operator grants. */
  readonly servers: readonly ServerDomainRefs[];
}

/**
 * The collaboration state machine, from the very file the local runtime runs (`workflow/collaboration.asl.json`),
 * with resource ARNs substituted. A placeholder without a value fails the synth instead of the first execution.
 */
export class CollaborationWorkflow extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: CollaborationWorkflowProps) {
    super(scope, id);
    const substitutions: Record<string, string> = {
      ClusterArn: props.cluster.clusterArn,
      DealerTaskDefinitionArn: props.dealer.taskDefinition.taskDefinitionArn,
    };
    for (const server of props.servers) {
      substitutions[`Server${server.party}ClusterArn`] = server.clusterArn;
      substitutions[`Server${server.party}TaskDefinitionArn`] = server.taskDefinitionArn;
      substitutions[`Server${server.party}AccessRoleArn`] = server.coordinatorAccessRoleArn;
    }
    for (const [step, stepFunction] of props.stepFunctions)
      substitutions[`${step}FunctionArn`] = stepFunction.functionArn;
    const missing = definitionPlaceholders().filter((name) => !(name in substitutions));
    if (missing.length > 0)
      throw new Error(`No value for placeholders of ${definitionPath}: ${missing.join(', ')}`);

    const logGroup = new logs.LogGroup(this, 'Logs', {
      // Step Functions requires the /aws/vendedlogs/ prefix for large resource policies.
      logGroupName: `/aws/vendedlogs/states/${props.identity.stateMachineName}`,
      retention: retentionDays(props.config.logRetentionDays),
      removalPolicy: removalPolicyFor(props.config),
    });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: props.identity.stateMachineName,
      stateMachineType: sfn.StateMachineType.STANDARD,
      // Inlined (not an S3 asset): the template then carries the file's exact text, checkable at synth.
      definitionBody: sfn.DefinitionBody.fromString(readFileSync(definitionPath, 'utf8')),
      definitionSubstitutions: substitutions,
      // Execution data stays out of the logs: it names participants; state names and errors suffice.
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });
    omitRoleDependency(this.stateMachine.node.defaultChild as CfnResource, this.stateMachine.role);
    Validations.of(this.stateMachine).acknowledge({
      id: 'CloudFormation-Validate::E1029',
      reason:
        'The ${...} placeholders are DefinitionSubstitutions, filled in by Step Functions, not Fn::Sub.',
    });
    this.grantDefinitionResources(props);
  }

  private grantDefinitionResources(props: CollaborationWorkflowProps): void {
    const role = this.stateMachine.role;
    const stack = Stack.of(this);
    for (const stepFunction of props.stepFunctions.values()) stepFunction.grantInvoke(role);
    const { taskDefinition } = props.dealer;
    // RunTask names a revision; the family wildcard keeps the grant valid across new revisions.
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ecs:RunTask'],
        resources: [
          stack.formatArn({
            service: 'ecs',
            resource: 'task-definition',
            resourceName: `${taskDefinition.family}:*`,
            arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
          }),
        ],
        conditions: { ArnEquals: { 'ecs:cluster': props.cluster.clusterArn } },
      }),
    );
    // The servers' RunTask happens in their accounts, under the roles their operators grant.
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['sts:AssumeRole'],
        resources: props.servers.map((server) => server.coordinatorAccessRoleArn),
      }),
    );
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [taskDefinition.taskRole.roleArn, taskDefinition.obtainExecutionRole().roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
      }),
    );
    // The states of a Map's item processor use the same role and the grants above (same task definitions,
    // same granted roles); a Distributed Map also starts and watches child executions.
    grantDistributedMaps(role, props.identity, distributedMaps(loadDefinition().States));
    suppressScopedWildcards(role, 'State machine role');
    NagSuppressions.addResourceSuppressions(
      role,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason:
            'Log delivery and X-Ray actions support no resource-level permission; lambda:InvokeFunction on ' +
            '`<function ARN>:*` covers the versions and aliases of the step functions only.',
          appliesTo: ['Resource::*', { regex: '/^Resource::<[A-Za-z0-9]+\\.Arn>:\\*$/g' }],
        },
      ],
      true,
    );
  }
}
