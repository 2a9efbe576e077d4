import { readFileSync } from 'node:fs';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { definitionPath, definitionPlaceholders } from '../../../local/workflow/definition.ts';
import { repoPaths } from '../../../lib/config/repo-paths.ts';
import { workflowStepNames } from '../../../lib/constructs/collaboration-workflow.ts';
import { WORKFLOW_STEP_ACCESS } from '../../../lib/access/workflow-step-access.ts';
import { resourcesFor, statementsOfRole } from './iam-statements.ts';
import { synthesizeApp, type SynthesizedApp } from './synthesize.ts';

const placeholderStep = repoPaths
  .operationHandler('x')
  .replace(/lambdas\/handlers\/x\.ts$/, 'test/unit/lib/fixtures/placeholder-step-handler.ts');

let synthesized: SynthesizedApp;
let template: Template;
beforeAll(() => {
  synthesized = synthesizeApp({}, { stepHandlerEntry: () => placeholderStep });
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
    expect(Object.keys(template.findResources('AWS::Lambda::Function'))).toHaveLength(steps.length);
  });

  it('lets the state machine run only the three task definitions, in its cluster, and pass only their roles', () => {
    const statements = statementsOfRole(template, synthesized.workflow!.workflow.stateMachine.role);
    expect(resourcesFor(statements, 'ecs:RunTask')).toEqual([
      'arn:<AWS::Partition>:ecs:<AWS::Region>:<AWS::AccountId>:task-definition/mpc-dev-dealer:*',
      'arn:<AWS::Partition>:ecs:<AWS::Region>:<AWS::AccountId>:task-definition/mpc-dev-serverA:*',
      'arn:<AWS::Partition>:ecs:<AWS::Region>:<AWS::AccountId>:task-definition/mpc-dev-serverB:*',
    ]);
    const runTask = statements.find((statement) => statement.actions.includes('ecs:RunTask'));
    expect(JSON.stringify(runTask?.conditions)).toContain('ecs:cluster');
    const passRole = statements.find((statement) => statement.actions.includes('iam:PassRole'));
    expect(passRole?.resources).toHaveLength(6);
    expect(passRole?.conditions).toEqual({
      StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' },
    });
    expect(resourcesFor(statements, 'lambda:InvokeFunction')).toHaveLength(2 * workflowStepNames().length);
  });

  it('lets only the clean-up step delete shares, and only the prepare step write job descriptions', () => {
    const roles = synthesized
      .workflow!.node.findAll()
      .filter((c) => c.node.id === 'Role' && c.node.scope?.node.id);
    const stepOf = (roleScope: string): string => roleScope;
    const deleters: string[] = [];
    const jobWriters: string[] = [];
    for (const role of roles) {
      const statements = statementsOfRole(template, role as never);
      const step = stepOf(role.node.scope!.node.id);
      if (resourcesFor(statements, 's3:DeleteObject').length > 0) deleters.push(step);
      if (resourcesFor(statements, 's3:PutObject').some((arn) => arn.endsWith('/jobs/*/job.json')))
        jobWriters.push(step);
    }
    expect(deleters).toEqual(['CleanUp']);
    expect(jobWriters).toEqual(['PrepareAttempt']);
  });

  it("tells the prepare step each task's own security group", () => {
    const prepare = Object.entries(template.findResources('AWS::Lambda::Function')).find(([id]) =>
      id.startsWith('PrepareAttempt'),
    );
    const variables = prepare?.[1].Properties.Environment.Variables;
    expect(Object.keys(variables)).toEqual(
      expect.arrayContaining(['MPC_SUBNET_IDS', 'MPC_SECURITY_GROUPS', 'CLUSTER_ARN']),
    );
    expect(JSON.stringify(variables.MPC_SECURITY_GROUPS)).toMatch(/serverA.*serverB.*dealer/);
  });
});

describe('app without the step handlers', () => {
  it('leaves the workflow stack out while a step handler is missing', () => {
    const withoutSteps = synthesizeApp(
      {},
      { stepHandlerEntry: (step) => `${placeholderStep}.missing-${step}` },
    );
    expect(withoutSteps.workflow).toBeUndefined();
  });
});
