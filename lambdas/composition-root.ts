import { randomUUID } from 'node:crypto';
import { documentClient } from './adapters/aws-clients.ts';
import { DynamoDbCollaborationRepository } from './adapters/dynamodb/dynamodb-collaboration-repository.ts';
import { DynamoDbIdempotencyStore } from './adapters/dynamodb/dynamodb-idempotency-store.ts';
import { DynamoDbInputRepository } from './adapters/dynamodb/dynamodb-input-repository.ts';
import { DynamoDbParticipantRepository } from './adapters/dynamodb/dynamodb-participant-repository.ts';
import { S3ShareStorage } from './adapters/s3/s3-share-storage.ts';
import { S3SignedRequests } from './adapters/s3/s3-signed-requests.ts';
import { readConfig, type CoordinatorConfig } from './config.ts';
import type { CoordinatorPorts } from './ports/coordinator-ports.ts';
import type { IdempotencyStore } from './ports/idempotency-store.ts';

/*
 * Per-port factories: each handler names the ports its use case needs, so esbuild leaves every other adapter
 * and SDK client out of its bundle (a DynamoDB-only handler carries no S3, Step Functions or EventBridge
 * client). Each factory is pure until called (hence the annotations) and caches per container.
 */

/**
 * Environment variables that shape the wiring of the API and of the workflow (handlers/workflow/
 * workflow-wiring.ts); the SDK reads the endpoint and credential ones itself.
 */
const WIRING_VARIABLES = [
  'TABLE_NAME',
  'INPUT_BUCKET',
  'RESULT_BUCKET',
  'UPLOAD_URL_EXPIRY_MINUTES',
  'MAX_SHARE_BYTES',
  'MPC_SERVER_KEYS',
  'S3_FORCE_PATH_STYLE',
  'MPC_LOOPBACK_WEBHOOKS',
  'STATE_MACHINE_ARN',
  'CLUSTER_ARN',
  'EVENT_BUS_NAME',
  'MPC_PEER_HOST',
  'MPC_PEER_PORT',
  'AWS_REGION',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_DYNAMODB',
  'AWS_ENDPOINT_URL_S3',
];

/**
 * Made once per container, on first use. A process that changes the environment (one local system per test
 * file), or whatever `alsoDependsOn` returns, gets a fresh one.
 */
export function perContainer<T>(make: () => T, alsoDependsOn: () => unknown = () => null): () => T {
  let made: { fingerprint: string; value: T } | undefined;
  return () => {
    const fingerprint = JSON.stringify([
      alsoDependsOn(),
      ...WIRING_VARIABLES.map((name) => process.env[name] ?? null),
    ]);
    if (made?.fingerprint !== fingerprint) made = { fingerprint, value: make() };
    return made.value;
  };
}

const config: () => CoordinatorConfig = /* @__PURE__ */ perContainer(() => readConfig());
/** One DynamoDB client per container, shared by every repository (the workflow's too). */
export const sharedDocumentClient = /* @__PURE__ */ perContainer(() => documentClient());

export const collaborationRepository = /* @__PURE__ */ perContainer(
  () => new DynamoDbCollaborationRepository(sharedDocumentClient(), config().tableName),
);
export const participantRepository = /* @__PURE__ */ perContainer(
  () => new DynamoDbParticipantRepository(sharedDocumentClient(), config().tableName),
);
export const inputRepository = /* @__PURE__ */ perContainer(
  () => new DynamoDbInputRepository(sharedDocumentClient(), config().tableName),
);
export const idempotencyStore: () => IdempotencyStore = /* @__PURE__ */ perContainer(
  () => new DynamoDbIdempotencyStore(sharedDocumentClient(), config().tableName),
);
export const shareStorage = /* @__PURE__ */ perContainer(() => {
  const { s3ForcePathStyle, inputBucket, resultBucket, uploadUrlExpiryMinutes } = config();
  return new S3ShareStorage({
    requests: new S3SignedRequests({ forcePathStyle: s3ForcePathStyle }),
    inputBucket,
    resultBucket,
    expiryMinutes: uploadUrlExpiryMinutes,
    now: () => new Date(),
  });
});

/** The ports a handler wires; `now`, `newId`, the server keys and the size limit come always. */
export type PortFactories = {
  [K in 'collaborations' | 'participants' | 'inputs' | 'shares' | 'workflow']?: () => NonNullable<
    CoordinatorPorts[K]
  >;
};

/**
 * The use cases' ports with only the given factories behind them. A port the handler did not wire fails
 * loudly on use: its use case needs it and the handler must name it.
 */
export function coordinatorPorts(factories: PortFactories): CoordinatorPorts {
  const wired = <K extends keyof PortFactories>(name: K) => {
    const factory = factories[name];
    if (!factory) throw new Error(`The ${name} port is not wired into this handler`);
    return factory() as NonNullable<CoordinatorPorts[K]>;
  };
  return {
    get collaborations() {
      return wired('collaborations');
    },
    get participants() {
      return wired('participants');
    },
    get inputs() {
      return wired('inputs');
    },
    get shares() {
      return wired('shares');
    },
    // Optional in the use cases: unwired means the operation starts nothing in the workflow.
    get workflow() {
      return factories.workflow?.();
    },
    get computationServers() {
      return config().computationServers;
    },
    get maxShareBytes() {
      return config().maxShareBytes;
    },
    get loopbackWebhooks() {
      return config().loopbackWebhooks;
    },
    now: () => new Date(),
    newId: randomUUID,
  };
}

export interface Coordinator {
  ports: CoordinatorPorts;
  idempotency: IdempotencyStore;
}

/**
 * Every coordinator port wired but the workflow (for tests and tools that drive the use cases directly;
 * handlers wire only theirs, the four that drive the workflow add handlers/api-workflow-hooks.ts).
 */
export function coordinator(): Coordinator {
  return {
    ports: coordinatorPorts({
      collaborations: collaborationRepository,
      participants: participantRepository,
      inputs: inputRepository,
      shares: shareStorage,
    }),
    idempotency: idempotencyStore(),
  };
}
