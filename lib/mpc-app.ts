import { Annotations, Aspects, Tags, type App, type Environment } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readApiOperations } from './api/openapi-operations.ts';
import { readDeploymentConfig, type DeploymentConfig } from './config/deployment-config.ts';
import { fileExists, repoPaths, workflowStepHandler } from './config/repo-paths.ts';
import { workflowStepNames } from './constructs/collaboration-workflow.ts';
import { ComputationStack } from './stacks/computation-stack.ts';
import { CoordinatorStack } from './stacks/coordinator-stack.ts';
import { WorkflowStack } from './stacks/workflow-stack.ts';

export interface MpcAppStacks {
  readonly config: DeploymentConfig;
  readonly coordinator: CoordinatorStack;
  readonly computation: ComputationStack;
  /** Absent until the workflow definition and all its step handlers exist (issue 4). */
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
}

/** Adds every stack of the deployment to `app`, configured from its context. */
export function buildMpcApp(app: App, options: MpcAppOptions = {}): MpcAppStacks {
  const config = readDeploymentConfig(app.node);
  const stackName = (part: string): string => `Mpc-${config.environmentName}-${part}`;
  const coordinator = new CoordinatorStack(app, stackName('Coordinator'), {
    config,
    env: options.env,
    operations: readApiOperations(options.openApiSpec ?? repoPaths.openApiSpec),
    handlerEntry: options.handlerEntry,
    description: 'MPC coordination service: HTTP API, Lambda functions, DynamoDB, share buckets, event bus',
  });
  const computation = new ComputationStack(app, stackName('Computation'), {
    config,
    env: options.env,
    inputBucket: coordinator.storage.inputBucket,
    resultBucket: coordinator.storage.resultBucket,
    shareKey: coordinator.storage.key,
    table: coordinator.data.table,
    description:
      'MPC computation service: isolated VPC, ECS cluster, Fargate tasks for servers A, B and the dealer',
  });
  const workflow = workflowReady(options)
    ? new WorkflowStack(app, stackName('Workflow'), {
        config,
        env: options.env,
        coordinator,
        computation,
        stepHandlerEntry: options.stepHandlerEntry,
        description: 'MPC collaboration workflow: Step Functions state machine and its step functions',
      })
    : undefined;
  if (!workflow) {
    Annotations.of(app).addWarningV2(
      'mpc:workflow-not-ready',
      'The workflow stack is left out: workflow/collaboration.asl.json or a step handler is missing ' +
        `(${missingWorkflowFiles(options).join(', ')}).`,
    );
  }
  Tags.of(app).add('project', 'mpc-coordination');
  Tags.of(app).add('environment', config.environmentName);
  return { config, coordinator, computation, workflow };
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
