import { App, Aspects, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import type { AslState } from '../../../workflow/definition.ts';
import { distributedMaps, grantDistributedMaps } from '../../../lib/constructs/distributed-map-access.ts';
import { suppressScopedWildcards } from '../../../lib/constructs/scoped-wildcards.ts';
import { workflowIdentity } from '../../../lib/constructs/workflow-identity.ts';
import { readDeploymentConfig } from '../../../lib/config/deployment-config.ts';
import { resourcesFor, statementsOfRole } from './iam-statements.ts';

const task = (next?: string): AslState => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::ecs:runTask',
  ...(next ? { Next: next } : { End: true }),
});
const map = (mode: 'INLINE' | 'DISTRIBUTED', states: Record<string, AslState>, extra = {}): AslState => ({
  Type: 'Map',
  ItemProcessor: { ProcessorConfig: { Mode: mode }, StartAt: Object.keys(states)[0], States: states },
  End: true,
  ...extra,
});

/** A role with the Distributed Map grants for `maps`, in a stack checked by cdk-nag. */
function grantedStack(maps: Parameters<typeof grantDistributedMaps>[2]) {
  const app = new App();
  const stack = new Stack(app, 'Workflow');
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('states.amazonaws.com') });
  grantDistributedMaps(role, workflowIdentity(stack, readDeploymentConfig(app.node)), maps);
  suppressScopedWildcards(role, 'State machine role');
  Aspects.of(app).add(new AwsSolutionsChecks());
  app.synth();
  return { stack, statements: statementsOfRole(Template.fromStack(stack), role) };
}

const EXECUTIONS =
  'arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:mpc-dev-collaboration';

describe('Distributed Map access', () => {
  it('finds Map states in Distributed mode at any depth, with their labels, and not inline ones', () => {
    const states: Record<string, AslState> = {
      Prepare: task('RunShards'),
      RunShards: map(
        'DISTRIBUTED',
        { Dealer: task('Inner'), Inner: map('INLINE', { Poll: task() }) },
        { Label: 'Shards', Next: 'Both' },
      ),
      Both: {
        Type: 'Parallel',
        Branches: [{ StartAt: 'Nested', States: { Nested: map('DISTRIBUTED', { Run: task() }) } }],
        End: true,
      },
      Inline: map('INLINE', { Run: task() }),
    };
    expect(distributedMaps(states)).toEqual([
      { stateName: 'RunShards', label: 'Shards' },
      { stateName: 'Nested' },
    ]);
    expect(distributedMaps({ Inline: map('INLINE', { Run: task() }) })).toEqual([]);
  });

  it('refuses a Distributed Map that reads items from or writes results to S3, which no grant covers', () => {
    const reader = map(
      'DISTRIBUTED',
      { Run: task() },
      { ItemReader: { Resource: 'arn:aws:states:::s3:getObject' } },
    );
    expect(() => distributedMaps({ RunShards: reader })).toThrow(/RunShards uses ItemReader/);
    const writer = map(
      'DISTRIBUTED',
      { Run: task() },
      { ResultWriter: { Resource: 'arn:aws:states:::s3:putObject' } },
    );
    expect(() => distributedMaps({ RunShards: writer })).toThrow(/RunShards uses ResultWriter/);
  });

  it('lets the role start its own state machine and describe and stop only its labelled child executions', () => {
    const { stack, statements } = grantedStack([{ stateName: 'RunShards', label: 'Shards' }]);
    expect(resourcesFor(statements, 'states:StartExecution')).toEqual([
      'arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:stateMachine:mpc-dev-collaboration',
    ]);
    for (const action of ['states:DescribeExecution', 'states:StopExecution'])
      expect(resourcesFor(statements, action)).toEqual([`${EXECUTIONS}/Shards:*`]);
    expect(statements.flatMap((statement) => statement.actions).sort()).toEqual([
      'states:DescribeExecution',
      'states:StartExecution',
      'states:StopExecution',
    ]);
    const findings = Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-'));
    expect(findings.map((finding) => finding.entry.data)).toEqual([]);
  });

  it('falls back to any child execution of the state machine for an unlabelled Map, and grants nothing without one', () => {
    const { stack, statements } = grantedStack([{ stateName: 'RunShards' }]);
    expect(resourcesFor(statements, 'states:StopExecution')).toEqual([`${EXECUTIONS}/*`]);
    expect(Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-'))).toEqual([]);
    expect(grantedStack([]).statements).toEqual([]);
  });
});
