import { randomUUID } from 'node:crypto';
import { ECSClient } from '@aws-sdk/client-ecs';
import { DynamoDbJobStatusStore } from '../../../contract/job/dynamodb-job-status-store.ts';
import { DynamoDbWorkflowRepository } from '../../adapters/dynamodb/dynamodb-workflow-repository.ts';
import { ConfiguredPeerEndpoints } from '../../adapters/ecs/configured-peer-endpoints.ts';
import { EcsComputeTasks } from '../../adapters/ecs/ecs-compute-tasks.ts';
import { S3SignedRequests } from '../../adapters/s3/s3-signed-requests.ts';
import { SignedS3ObjectStore } from '../../adapters/s3/signed-s3-object-store.ts';
import { EventBridgeStatusPublisher } from '../../adapters/eventbridge/eventbridge-status-publisher.ts';
import { AwsJsonRequests, EVENTBRIDGE, STEP_FUNCTIONS } from '../../adapters/aws-json-requests.ts';
import { StepFunctionsWorkflow } from '../../adapters/sfn/step-functions-workflow.ts';
import { HttpWebhookNotifier } from '../../adapters/webhooks/http-webhook-notifier.ts';
import { collaborationRepository, perContainer, sharedDocumentClient } from '../../composition-root.ts';
import { ConfigurationError, readConfig } from '../../config.ts';
import type { WorkflowPorts, WorkflowSettings } from '../../ports/workflow-ports.ts';
import { workflowSettingsFrom } from './workflow-settings.ts';

/*
 * Per-port factories, as lambdas/composition-root.ts does for the API: each step handler (and each API
 * handler that drives the workflow) names the ports its use case needs, so esbuild leaves every other adapter
 * and SDK client out of its bundle. Each factory is pure until called (hence the annotations) and caches per
 * container.
 */

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
/** Bumped on every install and removal, so each factory makes its port again. */
let installation = 0;

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
  installation += 1;
  return () => {
    if (installed === mine) installed = undefined;
    installation += 1;
  };
}

/** Whether this process has a workflow: local adapters installed, or a state machine configured. */
export function workflowConfigured(): boolean {
  return installed !== undefined || Boolean(process.env.STATE_MACHINE_ARN);
}

/** Made once per container, again when the environment or the installed adapters change. */
function perWiring<T>(make: () => T): () => T {
  return perContainer(make, () => installation);
}

/** The installed twin of a replaceable adapter, else the AWS one (made only when this process has no twin). */
function replaceable<K extends keyof ReplaceableAdapters>(
  key: K,
  makeAws: () => ReplaceableAdapters[K],
): () => ReplaceableAdapters[K] {
  return perWiring(() => installed?.adapters[key] ?? makeAws());
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new ConfigurationError(`Invalid workflow configuration: ${name} is not set`);
  return value;
}

const config = /* @__PURE__ */ perWiring(() => readConfig());

export const workflowCollaborations = collaborationRepository;
export const workflowState = /* @__PURE__ */ perWiring(
  () => new DynamoDbWorkflowRepository(sharedDocumentClient(), config().tableName),
);
export const jobStatus = /* @__PURE__ */ perWiring(
  () => new DynamoDbJobStatusStore({ tableName: config().tableName }),
);
/** On signed requests, not the S3 client: the steps only write job descriptions and delete shares. */
export const jobStore = /* @__PURE__ */ perWiring(() => {
  const { inputBucket, s3ForcePathStyle } = config();
  return new SignedS3ObjectStore(new S3SignedRequests({ forcePathStyle: s3ForcePathStyle }), inputBucket);
});
export const workflowExecutions = /* @__PURE__ */ replaceable(
  'workflow',
  () => new StepFunctionsWorkflow(new AwsJsonRequests(STEP_FUNCTIONS), required('STATE_MACHINE_ARN')),
);
export const computeTasks = /* @__PURE__ */ replaceable(
  'computeTasks',
  () => new EcsComputeTasks(new ECSClient({}), required('CLUSTER_ARN')),
);
export const peerEndpoints = /* @__PURE__ */ replaceable(
  'peerEndpoints',
  () =>
    new ConfiguredPeerEndpoints({
      ...(process.env.MPC_PEER_HOST ? { host: process.env.MPC_PEER_HOST } : {}),
      port: Number(process.env.MPC_PEER_PORT ?? 7000),
    }),
);
export const statusEvents = /* @__PURE__ */ replaceable(
  'events',
  () => new EventBridgeStatusPublisher(new AwsJsonRequests(EVENTBRIDGE), required('EVENT_BUS_NAME')),
);
export const webhookNotifier = /* @__PURE__ */ replaceable('notifier', () => new HttpWebhookNotifier());

const settings = /* @__PURE__ */ perWiring((): WorkflowSettings => ({
  ...workflowSettingsFrom(),
  ...installed?.settings,
}));

/** The ports that come from an adapter; settings, server keys, clock and ids come always. */
type AdapterPort =
  | 'collaborations'
  | 'workflowState'
  | 'workflow'
  | 'jobStatus'
  | 'jobStore'
  | 'computeTasks'
  | 'peerEndpoints'
  | 'notifier'
  | 'events';
export type WorkflowPortFactories = { [K in AdapterPort]?: () => WorkflowPorts[K] };

/** What the steps that end a collaboration early (Expire, CleanUpCancelled) use: status, event, shares, hooks. */
export const windingUpPorts = {
  collaborations: workflowCollaborations,
  events: statusEvents,
  workflowState,
  jobStore,
  notifier: webhookNotifier,
} satisfies WorkflowPortFactories;

/**
 * The workflow ports with only the given factories behind them. A port that was not wired fails loudly on
 * use: its use case needs it and the handler must name it.
 */
export function workflowPortsWith(factories: WorkflowPortFactories): WorkflowPorts {
  const wired = <K extends AdapterPort>(name: K): WorkflowPorts[K] => {
    const factory = factories[name];
    if (!factory) throw new Error(`The workflow port ${name} is not wired into this handler`);
    return factory() as WorkflowPorts[K];
  };
  return {
    get collaborations() {
      return wired('collaborations');
    },
    get workflowState() {
      return wired('workflowState');
    },
    get workflow() {
      return wired('workflow');
    },
    get jobStatus() {
      return wired('jobStatus');
    },
    get jobStore() {
      return wired('jobStore');
    },
    get computeTasks() {
      return wired('computeTasks');
    },
    get peerEndpoints() {
      return wired('peerEndpoints');
    },
    get notifier() {
      return wired('notifier');
    },
    get events() {
      return wired('events');
    },
    get serverKeys() {
      return config().computationServers;
    },
    get settings() {
      return settings();
    },
    now: () => new Date(),
    newId: randomUUID,
  };
}

/** Every workflow port wired (for tests and tools that inspect the workflow's state directly). */
export function workflowPorts(): WorkflowPorts {
  return workflowPortsWith({
    collaborations: workflowCollaborations,
    workflowState,
    workflow: workflowExecutions,
    jobStatus,
    jobStore,
    computeTasks,
    peerEndpoints,
    notifier: webhookNotifier,
    events: statusEvents,
  });
}
