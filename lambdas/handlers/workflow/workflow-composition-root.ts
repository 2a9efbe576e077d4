import { randomUUID } from 'node:crypto';
import { DynamoDbJobStatusStore } from '../../../contract/job/dynamodb-job-status-store.ts';
import { S3ObjectStore } from '../../../contract/storage/s3-object-store.ts';
import { ecsClient, eventBridgeClient, sfnClient } from '../../adapters/aws-clients.ts';
import { DynamoDbWorkflowRepository } from '../../adapters/dynamodb/dynamodb-workflow-repository.ts';
import { ConfiguredPeerEndpoints } from '../../adapters/ecs/configured-peer-endpoints.ts';
import { EcsComputeTasks } from '../../adapters/ecs/ecs-compute-tasks.ts';
import { EventBridgeStatusPublisher } from '../../adapters/eventbridge/eventbridge-status-publisher.ts';
import { StepFunctionsWorkflow } from '../../adapters/sfn/step-functions-workflow.ts';
import { HttpWebhookNotifier } from '../../adapters/webhooks/http-webhook-notifier.ts';
import {
  collaborationRepository,
  coordinatorScope,
  documents,
  dynamoDb,
  s3,
  type CoordinatorContainer,
} from '../../composition-root.ts';
import type { WorkflowPorts } from '../../ports/workflow-ports.ts';
import { wiredGetters, type Factory } from '../../wiring/container.ts';
import {
  requiredResource,
  type CoordinatorSettings,
  type ReplaceableAdapters,
} from '../../wiring/coordinator-settings.ts';

/*
 * The composition root of the workflow steps, on the same containers as the API's (composition-root.ts):
 * each step handler (and each API handler that drives the workflow) names the ports its use case needs, so
 * esbuild leaves every other adapter and SDK client out of its bundle.
 */

type WorkflowFactory<T> = Factory<CoordinatorSettings, T>;

/** The twin the settings give for a replaceable adapter, else the AWS one (made only when there is no twin). */
function replaceable<K extends keyof ReplaceableAdapters>(
  key: K,
  makeAws: (container: CoordinatorContainer) => ReplaceableAdapters[K],
): WorkflowFactory<ReplaceableAdapters[K]> {
  return (container) => container.settings.workflow.adapters?.[key] ?? makeAws(container);
}

const sfn: WorkflowFactory<ReturnType<typeof sfnClient>> = (container) => sfnClient(container.settings.aws);
const eventBridge: WorkflowFactory<ReturnType<typeof eventBridgeClient>> = (container) =>
  eventBridgeClient(container.settings.aws);
const ecs: WorkflowFactory<ReturnType<typeof ecsClient>> = (container) => ecsClient(container.settings.aws);

export const workflowCollaborations = collaborationRepository;
export const workflowState: WorkflowFactory<DynamoDbWorkflowRepository> = (container) =>
  new DynamoDbWorkflowRepository(container.get(documents), container.settings.config.tableName);
export const jobStatus: WorkflowFactory<DynamoDbJobStatusStore> = (container) =>
  new DynamoDbJobStatusStore({
    tableName: container.settings.config.tableName,
    client: container.get(dynamoDb),
  });
/** The input bucket, through the same S3 object store the computation servers use. */
export const jobStore: WorkflowFactory<S3ObjectStore> = (container) =>
  new S3ObjectStore({ bucket: container.settings.config.inputBucket, client: container.get(s3) });
export const workflowExecutions = /* @__PURE__ */ replaceable(
  'workflow',
  (container) =>
    new StepFunctionsWorkflow(
      container.get(sfn),
      requiredResource(container.settings.workflow.stateMachineArn, 'STATE_MACHINE_ARN'),
    ),
);
export const computeTasks = /* @__PURE__ */ replaceable(
  'computeTasks',
  (container) =>
    new EcsComputeTasks(
      container.get(ecs),
      requiredResource(container.settings.workflow.clusterArn, 'CLUSTER_ARN'),
    ),
);
export const peerEndpoints = /* @__PURE__ */ replaceable(
  'peerEndpoints',
  (container) => new ConfiguredPeerEndpoints(container.settings.workflow.peer),
);
export const statusEvents = /* @__PURE__ */ replaceable(
  'events',
  (container) =>
    new EventBridgeStatusPublisher(
      container.get(eventBridge),
      requiredResource(container.settings.workflow.eventBusName, 'EVENT_BUS_NAME'),
    ),
);
export const webhookNotifier = /* @__PURE__ */ replaceable('notifier', () => new HttpWebhookNotifier());

/** The ports that come from an adapter; settings, server keys, clock and ids come always. */
const ADAPTER_PORTS = [
  'collaborations',
  'workflowState',
  'workflow',
  'jobStatus',
  'jobStore',
  'computeTasks',
  'peerEndpoints',
  'notifier',
  'events',
] as const;
type AdapterPort = (typeof ADAPTER_PORTS)[number];
export type WorkflowPortFactories = { [K in AdapterPort]?: WorkflowFactory<WorkflowPorts[K]> };

/** What the steps that end a collaboration early (Expire, CleanUpCancelled) use: status, event, shares, hooks. */
export const windingUpPorts = {
  collaborations: workflowCollaborations,
  events: statusEvents,
  workflowState,
  jobStore,
  notifier: webhookNotifier,
} satisfies WorkflowPortFactories;

/**
 * The workflow ports with only the given factories behind them, each read from the current container. A
 * port that was not wired fails loudly on use: its use case needs it and the handler must name it.
 */
export function workflowPortsWith(
  factories: WorkflowPortFactories,
  current: () => CoordinatorContainer = coordinatorScope.current,
): WorkflowPorts {
  const ports = wiredGetters<CoordinatorSettings, WorkflowPorts>(
    ADAPTER_PORTS,
    factories,
    current,
    'workflow',
  );
  return Object.defineProperties(ports, {
    serverKeys: { enumerable: true, get: () => current().settings.config.computationServers },
    settings: { enumerable: true, get: () => current().settings.workflow.settings },
    now: { enumerable: true, value: () => new Date() },
    newId: { enumerable: true, value: randomUUID },
  });
}

/** Every workflow port of `container` wired (for tests and tools that inspect the workflow's state directly). */
export function workflowPorts(container: CoordinatorContainer = coordinatorScope.current()): WorkflowPorts {
  return workflowPortsWith(
    {
      collaborations: workflowCollaborations,
      workflowState,
      workflow: workflowExecutions,
      jobStatus,
      jobStore,
      computeTasks,
      peerEndpoints,
      notifier: webhookNotifier,
      events: statusEvents,
    },
    () => container,
  );
}
