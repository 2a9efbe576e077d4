import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { accessProfile } from '../access/function-access.ts';
import { WORKFLOW_STEP_ACCESS } from '../access/workflow-step-access.ts';
import type { DeploymentConfig } from '../config/deployment-config.ts';
import { retentionDays } from '../config/log-retention.ts';
import { METRICS_NAMESPACE, WORKFLOW_SERVICE_NAME } from '../config/metrics-names.ts';
import { workflowStepHandler } from '../config/repo-paths.ts';
import { CollaborationWorkflow, workflowStepNames } from '../constructs/collaboration-workflow.ts';
import { grantFunctionAccess } from '../constructs/function-access-grants.ts';
import { LambdaFunction } from '../constructs/lambda-function.ts';
import type { DomainName, TaskNetwork } from '../config/deployment-config.ts';
import { serverDomainEnvironment } from '../config/domain-names.ts';
import type { ComputationStack } from './computation-stack.ts';
import type { CoordinatorStack } from './coordinator-stack.ts';
import { removalPolicyFor } from '../config/removal-policy.ts';

/**
 * Steps that deliver webhooks: up to 5 attempts of 10 s with 1-8 s backoff per participant (in parallel),
 * so about 65 s when an endpoint is down (lambdas/adapters/webhooks).
 */
const NOTIFYING_STEPS = new Set(['NotifyParticipants', 'Expire', 'MarkFailed', 'CleanUpCancelled']);

export interface WorkflowStackProps extends StackProps {
  readonly config: DeploymentConfig;
  readonly coordinator: CoordinatorStack;
  /** The dealer's computation stack (the coordinator's domain). */
  readonly computation: ComputationStack;
  /**
   * Where the workflow starts each task: the dealer's and same-account servers' from their stacks, a server
   * in another account from the `TaskNetwork` its operator published (`mpc:domains`).
   */
  readonly taskNetworks: Readonly<Record<Exclude<DomainName, 'coordinator'>, TaskNetwork>>;
  /** Handler module of a workflow step; defaults to `lambdas/handlers/workflow/<step-name>.ts`. */
  readonly stepHandlerEntry?: (stepName: string) => string;
}

/**
 * The collaboration workflow: the state machine and its step functions. A stack of its own because it uses
 * both the coordinator (table, buckets, bus) and the computation service (cluster, task definitions), while
 * the coordinator's functions reach the state machine by its fixed name (see `workflow-identity.ts`).
 */
export class WorkflowStack extends Stack {
  readonly workflow: CollaborationWorkflow;

  constructor(scope: Construct, id: string, props: WorkflowStackProps) {
    super(scope, id, props);
    const { config, coordinator, computation } = props;
    const { mpc, network } = computation;
    const resources = {
      table: coordinator.data.table,
      inputBucket: coordinator.storage.inputBucket,
      resultBucket: coordinator.storage.resultBucket,
      shareKey: coordinator.storage.key,
      eventBus: coordinator.notifications.eventBus,
      workflow: coordinator.workflow,
      clusterName: mpc.clusterName,
      servers: coordinator.servers,
    };
    const dealer = mpc.task('dealer');
    const awsvpc = (network: TaskNetwork) => ({
      Subnets: network.subnets,
      SecurityGroups: network.securityGroups,
      AssignPublicIp: 'DISABLED',
    });
    const environment = {
      TABLE_NAME: resources.table.tableName,
      INPUT_BUCKET: resources.inputBucket.bucketName,
      RESULT_BUCKET: resources.resultBucket.bucketName,
      EVENT_BUS_NAME: resources.eventBus.eventBusName,
      MPC_SERVER_KEYS: config.serverPublicKeysJson,
      STATE_MACHINE_ARN: coordinator.workflow.stateMachineArn,
      CLUSTER_ARN: mpc.cluster.clusterArn,
      MPC_PEER_PORT: String(config.peerPort),
      ...(config.peerHost ? { MPC_PEER_HOST: config.peerHost } : {}),
      ...serverDomainEnvironment(coordinator.servers),
      // The awsvpc configuration of each runTask state, per task: each in its own domain's VPC.
      MPC_TASK_NETWORK: Stack.of(this).toJsonString({
        dealer: awsvpc({
          subnets: network.vpc.selectSubnets(network.subnets).subnetIds,
          securityGroups: [dealer.securityGroup.securityGroupId],
        }),
        serverA: awsvpc(props.taskNetworks.serverA),
        serverB: awsvpc(props.taskNetworks.serverB),
      }),
      POWERTOOLS_SERVICE_NAME: WORKFLOW_SERVICE_NAME,
      POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
    };
    // Settings that only one step reads stay out of the others' environment.
    const stepEnvironment: Readonly<Record<string, Record<string, string>>> = {
      PrepareAttempt: { MPC_ROWS_PER_SHARD: String(config.rowsPerShard) },
    };
    const stepFunctions = new Map(
      workflowStepNames().map((step) => {
        const built = new LambdaFunction(this, step, {
          entry: (props.stepHandlerEntry ?? workflowStepHandler)(step),
          environment: { ...environment, ...stepEnvironment[step] },
          logRetention: retentionDays(config.logRetentionDays),
          removalPolicy: removalPolicyFor(config),
          timeout: Duration.seconds(NOTIFYING_STEPS.has(step) ? 120 : 30),
        });
        grantFunctionAccess(
          this,
          step,
          built.role,
          accessProfile(WORKFLOW_STEP_ACCESS, step, 'lib/access/workflow-step-access.ts'),
          resources,
        );
        return [step, built.function] as const;
      }),
    );
    this.workflow = new CollaborationWorkflow(this, 'Workflow', {
      config,
      identity: coordinator.workflow,
      stepFunctions,
      cluster: mpc.cluster,
      dealer,
      servers: coordinator.servers,
    });
  }
}
