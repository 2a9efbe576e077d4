import { Stack, type CfnElement } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { IRole } from 'aws-cdk-lib/aws-iam';

/** One IAM statement with intrinsics rendered as readable strings (`<Logical.Arn>/inputs/A/*`). */
export interface RenderedStatement {
  effect: string;
  actions: string[];
  resources: string[];
  conditions?: unknown;
}

/** Renders CloudFormation intrinsics to strings so that statements can be compared with patterns. */
export function render(value: unknown): string {
  if (typeof value === 'string') return value;
  const node = value as Record<string, unknown>;
  if ('Ref' in node) return `<${String(node.Ref)}>`;
  if ('Fn::GetAtt' in node) return `<${(node['Fn::GetAtt'] as string[]).join('.')}>`;
  if ('Fn::Join' in node) {
    const [separator, parts] = node['Fn::Join'] as [string, unknown[]];
    return parts.map(render).join(separator);
  }
  if ('Fn::GetStackOutput' in node) {
    return `<output:${(node['Fn::GetStackOutput'] as { OutputName: string }).OutputName}>`;
  }
  if ('Fn::ImportValue' in node) return `<import:${render(node['Fn::ImportValue'])}>`;
  return JSON.stringify(value);
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Every Allow/Deny statement of the identity policies attached to `role` (default and inline policies). */
export function statementsOfRole(template: Template, role: IRole): RenderedStatement[] {
  const roleId = Stack.of(role).getLogicalId(role.node.defaultChild as CfnElement);
  const policies = template.findResources('AWS::IAM::Policy');
  const statements: RenderedStatement[] = [];
  for (const policy of Object.values(policies)) {
    const roles = asArray(policy.Properties.Roles as unknown[]).map(render);
    if (!roles.includes(`<${roleId}>`)) continue;
    for (const statement of policy.Properties.PolicyDocument.Statement as Record<string, unknown>[]) {
      statements.push({
        effect: statement.Effect as string,
        actions: asArray(statement.Action as string | string[]),
        resources: asArray(statement.Resource).map(render),
        ...(statement.Condition ? { conditions: statement.Condition } : {}),
      });
    }
  }
  return statements;
}

/** The resources a role may use an action on (union over its statements). */
export function resourcesFor(statements: readonly RenderedStatement[], action: string): string[] {
  return statements
    .filter((statement) => statement.effect === 'Allow' && statement.actions.includes(action))
    .flatMap((statement) => statement.resources)
    .sort();
}

/** All actions the role is allowed, sorted and without duplicates. */
export function allowedActions(statements: readonly RenderedStatement[]): string[] {
  return [...new Set(statements.filter((s) => s.effect === 'Allow').flatMap((s) => s.actions))].sort();
}
