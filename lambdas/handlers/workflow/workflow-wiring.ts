import { randomUUID } from 'node:crypto';
import { ECSClient } from '@aws-sdk/client-ecs';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDbJobStatusStore } from '../../../mpc-servers/status/dynamodb-job-status-store.ts';
import { S3ObjectStore } from '../../../mpc-servers/storage/s3-object-store.ts';
import { documentClient, s3Client } from '../../adapters/aws-clients.ts';
import { DynamoDbCollaborationRepository } from '../../adapters/dynamodb/dynamodb-collaboration-repository.ts';
import { DynamoDbWorkflowRepository } from '../../adapters/dynamodb/dynamodb-workflow-repository.ts';
import { ConfiguredPeerEndpoints } from '../../adapters/ecs/configured-peer-endpoints.ts';
import { EcsComputeTasks } from '../../adapters/ecs/ecs-compute-tasks.ts';
import { EventBridgeStatusPublisher } from '../../adapters/eventbridge/eventbridge-status-publisher.ts';
import { StepFunctionsWorkflow } from '../../adapters/sfn/step-functions-workflow.ts';
import { HttpWebhookNotifier } from '../../adapters/webhooks/http-webhook-notifier.ts';
import { ConfigurationError, readConfig } from '../../config.ts';
import type { WorkflowPorts, WorkflowSettings } from '../../ports/workflow-ports.ts';
import { workflowSettingsFrom } from './workflow-settings.ts';

/** The adapters a runtime other than AWS replaces (the local runner installs its twins here). */
export type ReplaceableAdapters = Pick<
  WorkflowPorts,
  'workflow' | 'computeTasks' | 'peerEndpoints' | 'events' | 'notifier'
>;

interface Installed {
  adapters: ReplaceableAdapters;
  settings: Partial<WorkflowSettings>;
}

let installed: Installed | undefined;
let wired: { fingerprint: string; ports: WorkflowPorts } | undefined;

/**
 * Replaces the AWS-only adapters for this process (the local runtime runs the handlers in-process). Returns
 * a function that removes them again.
 */
export function installWorkflowAdapters(
  adapters: ReplaceableAdapters,
  settings: Partial<WorkflowSettings> = {},
): () => void {
  const mine: Installed = { adapters, settings };
  installed = mine;
  wired = undefined;
  return () => {
    if (installed === mine) installed = undefined;
    wired = undefined;
  };
}

const WIRING_VARIABLES = [
  'TABLE_NAME',
  'INPUT_BUCKET',
  'S3_FORCE_PATH_STYLE',
  'STATE_MACHINE_ARN',
  'CLUSTER_ARN',
  'EVENT_BUS_NAME',
  'MPC_PEER_HOST',
  'MPC_PEER_PORT',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_DYNAMODB',
  'AWS_ENDPOINT_URL_S3',
];

/** The workflow steps' ports, wired once per container (and again when the environment changes). */
export function workflowPorts(): WorkflowPorts {
  const fingerprint = JSON.stringify(WIRING_VARIABLES.map((name) => process.env[name] ?? null));
  if (wired?.fingerprint !== fingerprint) wired = { fingerprint, ports: wire() };
  return wired.ports;
}

function wire(): WorkflowPorts {
  const config = readConfig();
  const dynamo = documentClient();
  const replaceable = installed?.adapters ?? awsAdapters();
  return {
    collaborations: new DynamoDbCollaborationRepository(dynamo, config.tableName),
    workflowState: new DynamoDbWorkflowRepository(dynamo, config.tableName),
    jobStatus: new DynamoDbJobStatusStore({ tableName: config.tableName }),
    jobStore: new S3ObjectStore({
      bucket: config.inputBucket,
      client: s3Client({ forcePathStyle: config.s3ForcePathStyle }),
    }),
    serverKeys: config.computationServers,
    settings: { ...workflowSettingsFrom(), ...installed?.settings },
    now: () => new Date(),
    newId: randomUUID,
    get workflow() {
      return replaceable.workflow;
    },
    get computeTasks() {
      return replaceable.computeTasks;
    },
    get peerEndpoints() {
      return replaceable.peerEndpoints;
    },
    get events() {
      return replaceable.events;
    },
    get notifier() {
      return replaceable.notifier;
    },
  };
}

/**
 * Each AWS adapter is made on first use, so a function that needs only some of them (an API handler starts
 * executions and publishes events, it runs no tasks) needs only their configuration.
 */
function awsAdapters(): ReplaceableAdapters {
  const required = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new ConfigurationError(`Invalid workflow configuration: ${name} is not set`);
    return value;
  };
  const made: Partial<ReplaceableAdapters> = {};
  const once = <K extends keyof ReplaceableAdapters>(key: K, make: () => ReplaceableAdapters[K]) =>
    (made[key] ??= make());
  return {
    get workflow() {
      return once(
        'workflow',
        () => new StepFunctionsWorkflow(new SFNClient({}), required('STATE_MACHINE_ARN')),
      );
    },
    get computeTasks() {
      return once('computeTasks', () => new EcsComputeTasks(new ECSClient({}), required('CLUSTER_ARN')));
    },
    get peerEndpoints() {
      return once(
        'peerEndpoints',
        () =>
          new ConfiguredPeerEndpoints({
            ...(process.env.MPC_PEER_HOST ? { host: process.env.MPC_PEER_HOST } : {}),
            port: Number(process.env.MPC_PEER_PORT ?? 7000),
          }),
      );
    },
    get events() {
      return once(
        'events',
        () => new EventBridgeStatusPublisher(new EventBridgeClient({}), required('EVENT_BUS_NAME')),
      );
    },
    get notifier() {
      return once('notifier', () => new HttpWebhookNotifier());
    },
  };
}

/** Whether this process has a workflow: local adapters installed, or a state machine configured. */
export function workflowConfigured(): boolean {
  return installed !== undefined || Boolean(process.env.STATE_MACHINE_ARN);
}
