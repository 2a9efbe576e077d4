import type { AwsClientSettings } from '../adapters/aws-clients.ts';
import { ConfigurationError, readConfig, type CoordinatorConfig } from '../config.ts';
import type { Environment } from '../environment-settings.ts';
import { workflowSettingsFrom } from '../handlers/workflow/workflow-settings.ts';
import type { WorkflowPorts, WorkflowSettings } from '../ports/workflow-ports.ts';

/** The workflow adapters a runtime without those AWS services replaces by in-process twins. */
export type ReplaceableAdapters = Pick<
  WorkflowPorts,
  'workflow' | 'computeTasks' | 'peerEndpoints' | 'events' | 'notifier'
>;

/** How the workflow is reached: the AWS resources' names, or in-process twins of their adapters. */
export interface WorkflowWiring {
  settings: WorkflowSettings;
  stateMachineArn?: string;
  clusterArn?: string;
  eventBusName?: string;
  /** Where A reaches B (MPC_PEER_HOST, MPC_PEER_PORT). */
  peer: { host?: string; port: number };
  adapters?: ReplaceableAdapters;
}

/** What the coordinator's Lambdas (API functions and workflow steps) are wired from, taken once per container. */
export interface CoordinatorSettings {
  config: CoordinatorConfig;
  aws: AwsClientSettings;
  /** Whether this process drives a workflow: a state machine is configured, or twins are given. */
  workflowConfigured: boolean;
  workflow: WorkflowWiring;
}

/** What a runtime with its own emulators and workflow runner sets instead of the environment's defaults. */
export interface LocalWiring {
  aws?: Omit<AwsClientSettings, 's3ForcePathStyle'>;
  adapters?: ReplaceableAdapters;
  workflowSettings?: Partial<WorkflowSettings>;
}

/**
 * Reads every setting once: the coordinator's configuration (config.ts), the workflow's tunables
 * (workflow-settings.ts) and the names of the AWS resources.
 */
export function coordinatorSettingsFrom(
  env: Environment = process.env,
  local: LocalWiring = {},
): CoordinatorSettings {
  const config = readConfig(env);
  const peerPort = Number(env.MPC_PEER_PORT ?? 7000);
  if (!Number.isSafeInteger(peerPort) || peerPort < 1 || peerPort > 65_535)
    throw new ConfigurationError('Invalid workflow configuration: MPC_PEER_PORT must be a port number');
  return {
    config,
    aws: { ...local.aws, s3ForcePathStyle: config.s3ForcePathStyle },
    workflowConfigured: local.adapters !== undefined || Boolean(env.STATE_MACHINE_ARN),
    workflow: {
      settings: { ...workflowSettingsFrom(env), ...local.workflowSettings },
      ...(env.STATE_MACHINE_ARN ? { stateMachineArn: env.STATE_MACHINE_ARN } : {}),
      ...(env.CLUSTER_ARN ? { clusterArn: env.CLUSTER_ARN } : {}),
      ...(env.EVENT_BUS_NAME ? { eventBusName: env.EVENT_BUS_NAME } : {}),
      peer: { ...(env.MPC_PEER_HOST ? { host: env.MPC_PEER_HOST } : {}), port: peerPort },
      ...(local.adapters ? { adapters: local.adapters } : {}),
    },
  };
}

/** A resource name a factory needs; a function that needs it and has none is misconfigured. */
export function requiredResource(value: string | undefined, name: string): string {
  if (!value) throw new ConfigurationError(`Invalid workflow configuration: ${name} is not set`);
  return value;
}
