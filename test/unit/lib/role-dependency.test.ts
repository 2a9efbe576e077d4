import { App, type CfnResource, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { omitRoleDependency } from '../../../lib/constructs/role-dependency.ts';

/** A function with its own role, the shape CDK renders DependsOn [policy, role] for. */
function functionStack(withPolicy: boolean, omit: boolean) {
  const stack = new Stack(new App(), 'Deps');
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  const fn = new lambda.Function(stack, 'Fn', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => {};'),
    role,
  });
  if (withPolicy) new sqs.Queue(stack, 'Queue').grantSendMessages(role);
  // Under the role, so the function depends on it, but empty: CDK leaves it out of the template.
  else new iam.Policy(role, 'Empty').attachToRole(role);
  const other = new sqs.Queue(stack, 'Other');
  fn.node.addDependency(other);
  if (omit) omitRoleDependency(fn.node.defaultChild as CfnResource, role);
  const logicalId = (construct: CfnResource): string => stack.getLogicalId(construct);
  const template = Template.fromStack(stack).toJSON() as {
    Resources: Record<string, { Type: string; DependsOn?: string[] }>;
  };
  const [, fnResource] = Object.entries(template.Resources).find(
    ([, r]) => r.Type === 'AWS::Lambda::Function',
  )!;
  return {
    dependsOn: fnResource.DependsOn ?? [],
    role: logicalId(role.node.defaultChild as CfnResource),
    other: logicalId(other.node.defaultChild as CfnResource),
    policies: Object.entries(template.Resources)
      .filter(([, r]) => r.Type === 'AWS::IAM::Policy')
      .map(([id]) => id),
  };
}

describe('omitRoleDependency', () => {
  it('drops the role from DependsOn and keeps its policy and every other dependency, as CDK orders them', () => {
    const plain = functionStack(true, false);
    expect(plain.dependsOn).toContain(plain.role);
    const omitted = functionStack(true, true);
    expect(omitted.policies).toHaveLength(1);
    expect(omitted.dependsOn).toEqual(plain.dependsOn.filter((id) => id !== plain.role));
    expect(omitted.dependsOn).toEqual(expect.arrayContaining([...omitted.policies, omitted.other]));
  });

  it('names no policy CDK leaves out of the template (one without statements)', () => {
    const omitted = functionStack(false, true);
    expect(omitted.policies).toEqual([]);
    expect(omitted.dependsOn).toEqual([omitted.other]);
  });
});
