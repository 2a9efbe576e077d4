import { ArnFormat, Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { resourceName, type DeploymentConfig } from '../config/deployment-config.ts';

/**
 * The collaboration state machine is addressed by its fixed name, not by a CloudFormation reference: the API
 * functions (coordinator stack) start executions of a state machine that the workflow stack creates
 * after the computation stack, and references both ways would be a dependency cycle.
 */
export interface WorkflowIdentity {
  readonly stateMachineName: string;
  readonly stateMachineArn: string;
}

export function workflowIdentity(scope: Construct, config: DeploymentConfig): WorkflowIdentity {
  const stack = Stack.of(scope);
  const stateMachineName = resourceName(config, 'collaboration');
  return {
    stateMachineName,
    stateMachineArn: stack.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: stateMachineName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    }),
  };
}
