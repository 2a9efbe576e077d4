import { readFileSync } from 'node:fs';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROWS_PER_SHARD } from '../../../contract/job/shard-plan.ts';
import {
  allStates,
  definitionPath,
  definitionPlaceholders,
  loadDefinition,
} from '../../../workflow/definition.ts';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { workflowStepHandler } from '../../../lib/config/repo-paths.ts';
import { workflowStepNames } from '../../../lib/constructs/collaboration-workflow.ts';
import { distributedMaps } from '../../../lib/constructs/distributed-map-access.ts';
import { WORKFLOW_STEP_ACCESS } from '../../../lib/access/workflow-step-access.ts';
import { allowedActions, resourcesFor, statementsOfRole } from './iam-statements.ts';
import { synthesizeApp, type SynthesizedApp } from './synthesize.ts';

let synthesized: SynthesizedApp;
let template: Template;
beforeAll(() => {
  synthesized = synthesizeApp();
  if (!synthesized.workflow) throw new Error('workflow stack missing');
  template = Template.fromStack(synthesized.workflow);
});

describe('collaboration workflow', () => {
  it('carries the shared definition file verbatim, placeholders left to CloudFormation', () => {
    const [stateMachine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
    expect(stateMachine?.Properties.DefinitionString).toBe(readFileSync(definitionPath, 'utf8'));
    expect(Object.keys(stateMachine?.Properties.DefinitionSubstitutions).sort()).toEqual(
      definitionPlaceholders(),
    );
    expect(stateMachine?.Properties).toMatchObject({
      StateMachineName: 'mpc-dev-collaboration',
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
    });
  });

  it('has one function per step of the definition, each with an access profile', () => {
    const steps = workflowStepNames();
    expect(steps.length).toBeGreaterThan(5);
    expect(Object.keys(WORKFLOW_STEP_ACCESS).sort()).toEqual([...steps].sort());
    const functions = Object.entries(template.findResources('AWS::Lambda::Function'));
    expect(functions).toHaveLength(steps.length);
    const slow = functions
      .filter(([, fn]) => fn.Properties.Timeout === 120)
      .map(([id]) => id.replace(/Function\w+$/, ''));
    expect(slow.sort()).toEqual(['CleanUpCancelled', 'Expire', 'MarkFailed', 'NotifyParticipants']);
  });

  it('runs the dealer in its own cluster, and the servers only through the roles their operators grant', () => {
    const statements = statementsOfRole(template, synthesized.workflow!.workflow.stateMachine.role);
    expect(resourcesFor(statements, 'ecs:RunTask')).toEqual([
      'arn:<AWS::Partition>:ecs:<AWS::Region>:<AWS::AccountId>:task-definition/mpc-dev-dealer:*',
    ]);
    expect(resourcesFor(statements, 'sts:AssumeRole')).toEqual([
      'arn:<AWS::Partition>:iam::<AWS::AccountId>:role/mpc-dev-coordinator-access-a',
      'arn:<AWS::Partition>:iam::<AWS::AccountId>:role/mpc-dev-coordinator-access-b',
    ]);
    const runTask = statements.find((statement) => statement.actions.includes('ecs:RunTask'));
    expect(JSON.stringify(runTask?.conditions)).toContain('ecs:cluster');
    const passRole = statements.find((statement) => statement.actions.includes('iam:PassRole'));
    expect(passRole?.resources).toHaveLength(2);
    expect(passRole?.conditions).toEqual({
      StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' },
    });
    expect(resourcesFor(statements, 'lambda:InvokeFunction')).toHaveLength(2 * workflowStepNames().length);
  });

  it('lets only the clean-ups and expiry delete shares, only prepare write job descriptions, only the token steps release', () => {
    const stepRoles = workflowStepNames().map((step) => ({
      step,
      role: synthesized.workflow!.node.findChild(step).node.findChild('Role') as IRole,
    }));
    const deleters: string[] = [];
    const jobWriters: string[] = [];
    const releasers: string[] = [];
    for (const { step, role } of stepRoles) {
      const statements = statementsOfRole(template, role);
      if (resourcesFor(statements, 's3:DeleteObject').length > 0) deleters.push(step);
      if (resourcesFor(statements, 's3:PutObject').some((arn) => arn.endsWith('/jobs/*/job.json')))
        jobWriters.push(step);
      if (allowedActions(statements).includes('states:SendTaskSuccess')) releasers.push(step);
    }
    expect(deleters.sort()).toEqual(['CleanUp', 'CleanUpCancelled', 'Expire']);
    expect(jobWriters).toEqual(['PrepareAttempt']);
    expect(releasers.sort()).toEqual(['StoreFinishToken', 'StoreInputToken']);
    const cleanUp = statementsOfRole(template, stepRoles.find(({ step }) => step === 'CleanUp')!.role);
    expect(resourcesFor(cleanUp, 's3:DeleteObject').map((arn) => arn.replace(/^<[^>]*>/, ''))).toEqual([
      '/dealer/A/*/*',
      '/dealer/B/*/*',
      '/inputs/A/*/*.share',
      '/inputs/A/*/shards/*',
      '/inputs/B/*/*.share',
      '/inputs/B/*/shards/*',
      '/jobs/*/job.json',
    ]);
    // Clean-up lists each collaboration's input prefix (its shares and its shards' partials) and deletes it.
    const listing = cleanUp.find((statement) => statement.actions.includes('s3:ListBucket'));
    expect(listing?.conditions).toEqual({
      StringLike: { 's3:prefix': ['inputs/A/*', 'inputs/B/*', 'dealer/A/*', 'dealer/B/*', 'jobs/*'] },
    });
  });

  it('hands the rows per shard to PrepareAttempt only: 2^40 unless configured', () => {
    const rowsPerShard = (stackTemplate: Template) =>
      Object.entries(stackTemplate.findResources('AWS::Lambda::Function'))
        .filter(([, fn]) => fn.Properties.Environment.Variables.MPC_ROWS_PER_SHARD !== undefined)
        .map(([id, fn]) => [
          id.replace(/Function\w+$/, ''),
          fn.Properties.Environment.Variables.MPC_ROWS_PER_SHARD,
        ]);
    expect(rowsPerShard(template)).toEqual([['PrepareAttempt', String(DEFAULT_ROWS_PER_SHARD)]]);
    expect(DEFAULT_ROWS_PER_SHARD).toBe(2 ** 40);
    const configured = synthesizeApp({ 'mpc:rowsPerShard': '250000' });
    expect(rowsPerShard(Template.fromStack(configured.workflow!))).toEqual([['PrepareAttempt', '250000']]);
  }, 240_000);

  it('lets the Distributed Map start and stop its child executions, by the fixed state machine name', () => {
    // RunShards has no Label, so its Map Runs get generated ones: any child execution of this machine.
    expect(distributedMaps(loadDefinition().States)).toEqual([{ stateName: 'RunShards' }]);
    const statements = statementsOfRole(template, synthesized.workflow!.workflow.stateMachine.role);
    const states = 'arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>';
    expect(resourcesFor(statements, 'states:StartExecution')).toEqual([
      `${states}:stateMachine:mpc-dev-collaboration`,
    ]);
    for (const action of ['states:DescribeExecution', 'states:StopExecution'])
      expect(resourcesFor(statements, action)).toEqual([`${states}:execution:mpc-dev-collaboration/*`]);
    expect(allowedActions(statements).filter((action) => action.startsWith('states:'))).toEqual([
      'states:DescribeExecution',
      'states:StartExecution',
      'states:StopExecution',
    ]);
  });

  it("runs the item processor's tasks with the top-level task definitions and granted roles only", () => {
    // So the RunTask, PassRole, AssumeRole and InvokeFunction grants above cover every state, nested or not.
    const runTasks = allStates(loadDefinition()).filter(
      ([, state]) => state.Resource === 'arn:aws:states:::ecs:runTask',
    );
    const uses = runTasks.map(([name, state]) => {
      const parameters = state.Parameters as { Cluster: string; TaskDefinition: string };
      const credentials = state.Credentials as { RoleArn: string } | undefined;
      return [name, parameters.Cluster, parameters.TaskDefinition, credentials?.RoleArn ?? 'own role'];
    });
    const expected = (names: string[]) => [
      [names[0], '${ClusterArn}', '${DealerTaskDefinitionArn}', 'own role'],
      [names[1], '${ServerBClusterArn}', '${ServerBTaskDefinitionArn}', '${ServerBAccessRoleArn}'],
      [names[2], '${ServerAClusterArn}', '${ServerATaskDefinitionArn}', '${ServerAAccessRoleArn}'],
    ];
    expect(uses).toEqual([
      ...expected(['RunShardDealer', 'StartShardServerB', 'StartShardServerA']),
      ...expected(['RunDealer', 'StartServerB', 'StartServerA']),
    ]);
    const functions = allStates(loadDefinition())
      .map(([, state]) => (state.Parameters as { FunctionName?: string } | undefined)?.FunctionName)
      .filter((name): name is string => name !== undefined);
    for (const name of functions)
      expect(workflowStepNames()).toContain(/^\$\{(\w+)FunctionArn\}$/.exec(name)?.[1]);
  });

  it('hands the steps the task network, the cluster and the state machine', () => {
    const prepare = Object.entries(template.findResources('AWS::Lambda::Function')).find(([id]) =>
      id.startsWith('PrepareAttempt'),
    );
    const variables = prepare?.[1].Properties.Environment.Variables;
    expect(Object.keys(variables)).toEqual(
      expect.arrayContaining([
        'MPC_TASK_NETWORK',
        'CLUSTER_ARN',
        'STATE_MACHINE_ARN',
        'MPC_PEER_PORT',
        'MPC_SERVER_KEYS',
      ]),
    );
    // One awsvpc configuration per task, each in its own domain's VPC with its own security group only.
    const network = JSON.stringify(variables.MPC_TASK_NETWORK);
    expect(network).toContain('AssignPublicIp');
    expect(network.match(/SecurityGroup\w*GroupId/g)).toHaveLength(3);
    expect(network.match(/isolatedSubnet\d/g)).toHaveLength(6);
    for (const task of ['dealer', 'serverA', 'serverB']) expect(network).toContain(`\\"${task}\\":{`);
    expect(Object.keys(variables)).toEqual(
      expect.arrayContaining(
        ['A', 'B'].flatMap((party) =>
          ['INPUT_BUCKET', 'ACCESS_ROLE_ARN', 'CLUSTER_ARN', 'TASK_DEFINITION_ARN'].map(
            (name) => `SERVER_${party}_${name}`,
          ),
        ),
      ),
    );
  });
});

describe('app without the step handlers', () => {
  it('leaves the workflow stack out while a step handler is missing', () => {
    const withoutSteps = synthesizeApp(
      {},
      { stepHandlerEntry: (step) => `${workflowStepHandler(step)}.missing` },
    );
    expect(withoutSteps.workflow).toBeUndefined();
  });
});
