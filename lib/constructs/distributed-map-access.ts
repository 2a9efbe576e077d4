import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { AslState } from '../../workflow/definition.ts';
import type { WorkflowIdentity } from './workflow-identity.ts';

/** A Map state in Distributed mode: each item runs as a child execution of the same state machine. */
export interface DistributedMap {
  readonly stateName: string;
  /** The Map Run label, which child execution ARNs carry (`execution:<machine>/<label>:<name>`). */
  readonly label?: string;
}

interface NestedStates {
  readonly States?: Record<string, AslState>;
  readonly ProcessorConfig?: { readonly Mode?: string };
}

/** Every Map state in Distributed mode of `states`, at any depth (item processors, parallel branches). */
export function distributedMaps(states: Readonly<Record<string, AslState>>): DistributedMap[] {
  return Object.entries(states).flatMap(([stateName, state]) => {
    const processor = (state.ItemProcessor ?? state.Iterator) as NestedStates | undefined;
    const branches = (state.Branches ?? []) as NestedStates[];
    const nested = [processor, ...branches].flatMap((graph) => distributedMaps(graph?.States ?? {}));
    if (state.Type !== 'Map' || processor?.ProcessorConfig?.Mode !== 'DISTRIBUTED') return nested;
    // Items from S3 or results to S3 would need a bucket grant that nobody has decided on: fail the synth.
    for (const field of ['ItemReader', 'ResultWriter'])
      if (field in state)
        throw new Error(
          `Map state ${stateName} uses ${field}: grant its bucket in lib/constructs/distributed-map-access.ts`,
        );
    const label = typeof state.Label === 'string' ? state.Label : undefined;
    return [{ stateName, ...(label ? { label } : {}) }, ...nested];
  });
}

/**
 * What a Distributed Map needs of the state machine's role (Step Functions guide, "IAM policies for using
 * Distributed Map states"): start executions of its own state machine, and describe and stop its child
 * executions. Both ARNs are built from the fixed name, since a role that referenced its own state machine
 * would be a dependency cycle. Nothing for an inline Map, whose iterations run inside the execution.
 */
export function grantDistributedMaps(
  role: iam.IRole,
  identity: WorkflowIdentity,
  maps: readonly DistributedMap[],
): void {
  if (maps.length === 0) return;
  const stack = Stack.of(role);
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [identity.stateMachineArn] }),
  );
  // An unlabelled Map Run gets a generated label: then any child execution of this state machine.
  const children = [...new Set(maps.map((map) => (map.label ? `${map.label}:*` : '*')))];
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['states:DescribeExecution', 'states:StopExecution'],
      resources: children.map((child) =>
        stack.formatArn({
          service: 'states',
          resource: 'execution',
          resourceName: `${identity.stateMachineName}/${child}`,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ),
    }),
  );
}
