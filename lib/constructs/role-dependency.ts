import { CfnResource, Lazy, Stack } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';

/**
 * CDK's Lambda Function and StateMachine depend on their whole role construct, which renders `DependsOn` on
 * the role and on its default policy. The role entry is redundant with the `Fn::GetAtt` of its ARN (cfn-lint
 * W3005); this renders every other dependency as CDK would (the policy stays, so the resource still waits
 * for its permissions). Dependencies are read when the template is written, after CDK has added them all.
 */
export function omitRoleDependency(resource: CfnResource, role: iam.IRole): void {
  const roleResource = role.node.defaultChild;
  const stack = Stack.of(resource);
  resource.addOverride(
    'DependsOn',
    Lazy.list(
      {
        produce: () =>
          resource
            .obtainDependencies()
            .filter(
              (target): target is CfnResource =>
                CfnResource.isCfnResource(target) &&
                target !== roleResource &&
                Stack.of(target) === stack &&
                rendered(target),
            )
            .sort((a, b) => a.node.path.localeCompare(b.node.path))
            .map((target) => target.logicalId),
      },
      { omitEmpty: true },
    ),
  );
}

/** CDK leaves some resources out of the template (an empty default policy); a DependsOn on one would dangle. */
function rendered(resource: CfnResource): boolean {
  // shouldSynthesize is protected; CDK's own DependsOn rendering applies the same filter.
  return (resource as unknown as { shouldSynthesize(): boolean }).shouldSynthesize();
}
