import { Annotations, Aspects, Aws, Tags, type App, type Environment } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { Party } from '../contract/party.ts';
import { readApiOperations } from './api/openapi-operations.ts';
import { readDeploymentConfig, type DeploymentConfig, type TaskNetwork } from './config/deployment-config.ts';
import { domainEnvironment, serverDomain, singleOperator } from './config/domain-names.ts';
import { SERVER_VPC_CIDRS } from './constructs/computation-network.ts';
import { importedCoordinatorShares } from './constructs/coordinator-shares.ts';
import { PARTIES } from './constructs/share-object-patterns.ts';
import { fileExists, repoPaths, workflowStepHandler } from './config/repo-paths.ts';
import { workflowStepNames } from './constructs/collaboration-workflow.ts';
import { ComputationStack } from './stacks/computation-stack.ts';
import { CoordinatorStack } from './stacks/coordinator-stack.ts';
import { ServerStack } from './stacks/server-stack.ts';
import { WorkflowStack } from './stacks/workflow-stack.ts';

export interface MpcAppStacks {
  readonly config: DeploymentConfig;
  readonly coordinator: CoordinatorStack;
  /** The dealer, in the coordinator's domain. */
  readonly computation: ComputationStack;
  /** Each server in its own domain. */
  readonly servers: Readonly<Record<Party, ServerStack>>;
  /** The three domains are not three distinct accounts: privacy rests on one operator. */
  readonly singleOperator: boolean;
  /** Absent until the workflow definition and all its step handlers exist. */
  readonly workflow?: WorkflowStack;
}

export interface MpcAppOptions {
  /** Defaults to the repository's `openapi.yml`. */
  readonly openApiSpec?: string;
  /** Account and region; left unset the stacks are environment-agnostic (synth needs no credentials). */
  readonly env?: Environment;
  /** Handler module of an operation; defaults to `lambdas/handlers/<operation-id>.ts`. */
  readonly handlerEntry?: (operationId: string) => string;
  /** Handler module of a workflow step; defaults to `lambdas/handlers/workflow/<step-name>.ts`. */
  readonly stepHandlerEntry?: (stepName: string) => string;
  /** Where synth warnings go besides the CDK annotations; defaults to stderr. */
  readonly warn?: (message: string) => void;
}

export const SINGLE_OPERATOR_WARNING =
  'Development deployment: the coordinator, server A and server B are not in three different accounts ' +
  '(mpc:domains), so one operator can read every input; privacy rests on one operator.';

/** Adds every stack of the deployment to `app`, configured from its context. */
export function buildMpcApp(app: App, options: MpcAppOptions = {}): MpcAppStacks {
  const config = readDeploymentConfig(app.node);
  const stackName = (part: string): string => `Mpc-${config.environmentName}-${part}`;
  const coordinatorEnv = domainEnvironment(config, 'coordinator', options.env);
  const serverEnv = (party: Party) => domainEnvironment(config, serverDomain(party), options.env);
  const remoteServers = PARTIES.filter((party) => {
    const account = serverEnv(party)?.account;
    return (
      account !== undefined && coordinatorEnv?.account !== undefined && account !== coordinatorEnv.account
    );
  });
  const coordinator = new CoordinatorStack(app, stackName('Coordinator'), {
    config,
    env: coordinatorEnv,
    fallbackEnv: options.env,
    remoteServers,
    operations: readApiOperations(options.openApiSpec ?? repoPaths.openApiSpec),
    handlerEntry: options.handlerEntry,
    description: 'MPC coordination service: HTTP API, Lambda functions, DynamoDB, share buckets, event bus',
  });
  const computation = new ComputationStack(app, stackName('Computation'), {
    config,
    env: coordinatorEnv,
    inputBucket: coordinator.storage.inputBucket,
    resultBucket: coordinator.storage.resultBucket,
    shareKey: coordinator.storage.key,
    table: coordinator.data.table,
    taskNames: ['dealer'],
    description: "MPC dealer, in the coordinator's domain: isolated VPC, ECS cluster, Fargate task",
  });
  const server = (party: Party): ServerStack => {
    const remote = remoteServers.includes(party);
    return new ServerStack(app, stackName(`Server${party}`), {
      config,
      party,
      env: serverEnv(party),
      coordinatorAccount: coordinatorEnv?.account ?? Aws.ACCOUNT_ID,
      coordinatorShares: (scope) =>
        remote && coordinatorEnv?.account && coordinatorEnv.region
          ? importedCoordinatorShares(scope, config, {
              account: coordinatorEnv.account,
              region: coordinatorEnv.region,
            })
          : {
              inputBucket: coordinator.storage.inputBucket,
              resultBucket: coordinator.storage.resultBucket,
              shareKey: coordinator.storage.key,
              table: coordinator.data.table,
            },
      vpcCidr: SERVER_VPC_CIDRS[party],
      peerCidr: SERVER_VPC_CIDRS[party === 'A' ? 'B' : 'A'],
      description: `MPC server ${party}, its own domain: VPC, cluster, task, key, key secret, input bucket`,
    });
  };
  const servers = { A: server('A'), B: server('B') };
  const networkOf = (party: Party): TaskNetwork | undefined => {
    if (remoteServers.includes(party)) return config.domains[serverDomain(party)].taskNetwork;
    const { network, task } = servers[party];
    return {
      subnets: network.vpc.selectSubnets(network.subnets).subnetIds,
      securityGroups: [task.securityGroup.securityGroupId],
    };
  };
  const serverNetworks = { serverA: networkOf('A'), serverB: networkOf('B') };
  const unpublished = PARTIES.filter((party) => !networkOf(party)).map(
    (party) => `mpc:domains.${serverDomain(party)}.taskNetwork`,
  );
  const workflow =
    workflowReady(options) && unpublished.length === 0
      ? new WorkflowStack(app, stackName('Workflow'), {
          config,
          env: coordinatorEnv,
          coordinator,
          computation,
          taskNetworks: serverNetworks as Record<keyof typeof serverNetworks, TaskNetwork>,
          stepHandlerEntry: options.stepHandlerEntry,
          description: 'MPC collaboration workflow: Step Functions state machine and its step functions',
        })
      : undefined;
  if (unpublished.length > 0) {
    Annotations.of(app).addWarningV2(
      'mpc:server-network-missing',
      `The workflow stack is left out until the servers' operators publish their task networks: set ` +
        `${unpublished.join(' and ')} to the TaskNetwork output of their stacks (docs/deploy.md).`,
    );
  } else if (!workflow) {
    Annotations.of(app).addWarningV2(
      'mpc:workflow-not-ready',
      'The workflow stack is left out: workflow/collaboration.asl.json or a step handler is missing ' +
        `(${missingWorkflowFiles(options).join(', ')}).`,
    );
  }
  const oneOperator = singleOperator(config, options.env);
  if (oneOperator) {
    Annotations.of(coordinator).addWarningV2('mpc:single-operator', SINGLE_OPERATOR_WARNING);
    (options.warn ?? ((message: string) => process.stderr.write(`Warning: ${message}\n`)))(
      SINGLE_OPERATOR_WARNING,
    );
  }
  Tags.of(app).add('project', 'mpc-coordination');
  Tags.of(app).add('environment', config.environmentName);
  return { config, coordinator, computation, servers, singleOperator: oneOperator, workflow };
}

function missingWorkflowFiles(options: MpcAppOptions): string[] {
  if (!fileExists(repoPaths.workflowDefinition)) return [repoPaths.workflowDefinition];
  return workflowStepNames()
    .map((step) => (options.stepHandlerEntry ?? workflowStepHandler)(step))
    .filter((file) => !fileExists(file));
}

function workflowReady(options: MpcAppOptions): boolean {
  return missingWorkflowFiles(options).length === 0;
}

/** cdk-nag AwsSolutions rules over the whole app: findings become errors unless suppressed with a reason. */
export function applyNagChecks(app: App): void {
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
}
