import { randomUUID } from 'node:crypto';
import { documentClientOf, dynamoDbClient, s3Client } from './adapters/aws-clients.ts';
import { DynamoDbCollaborationRepository } from './adapters/dynamodb/dynamodb-collaboration-repository.ts';
import { DynamoDbIdempotencyStore } from './adapters/dynamodb/dynamodb-idempotency-store.ts';
import { DynamoDbInputRepository } from './adapters/dynamodb/dynamodb-input-repository.ts';
import { DynamoDbParticipantRepository } from './adapters/dynamodb/dynamodb-participant-repository.ts';
import { S3ShareStorage } from './adapters/s3/s3-share-storage.ts';
import type { CoordinatorPorts } from './ports/coordinator-ports.ts';
import type { IdempotencyStore } from './ports/idempotency-store.ts';
import { containerScope, wiredGetters, type Container, type Factory } from './wiring/container.ts';
import { coordinatorSettingsFrom, type CoordinatorSettings } from './wiring/coordinator-settings.ts';

/*
 * The composition root of the API functions (workflow-composition-root.ts is the workflow steps'). Each handler names
 * the ports its use case needs, so esbuild leaves every other adapter and SDK client out of its bundle. The
 * factories are pure until a container calls them, and a container calls each at most once.
 */

export type CoordinatorContainer = Container<CoordinatorSettings>;
type CoordinatorFactory<T> = Factory<CoordinatorSettings, T>;

/**
 * The container of the current invocation: on Lambda the process's own, its settings read from the
 * environment on first use; in the local runtime the one its system runs the invocation in.
 */
export const coordinatorScope = /* @__PURE__ */ containerScope(() => coordinatorSettingsFrom());

/** One DynamoDB client per container, shared by every repository and store (the workflow's too). */
export const dynamoDb: CoordinatorFactory<ReturnType<typeof dynamoDbClient>> = (container) =>
  dynamoDbClient(container.settings.aws);
export const documents: CoordinatorFactory<ReturnType<typeof documentClientOf>> = (container) =>
  documentClientOf(container.get(dynamoDb));
/** One S3 client per container, for presigned URLs and requests alike. */
export const s3: CoordinatorFactory<ReturnType<typeof s3Client>> = (container) =>
  s3Client(container.settings.aws);

const tableName = (container: CoordinatorContainer) => container.settings.config.tableName;

export const collaborationRepository: CoordinatorFactory<DynamoDbCollaborationRepository> = (container) =>
  new DynamoDbCollaborationRepository(container.get(documents), tableName(container));
export const participantRepository: CoordinatorFactory<DynamoDbParticipantRepository> = (container) =>
  new DynamoDbParticipantRepository(container.get(documents), tableName(container));
export const inputRepository: CoordinatorFactory<DynamoDbInputRepository> = (container) =>
  new DynamoDbInputRepository(container.get(documents), tableName(container));
const idempotencyStoreFactory: CoordinatorFactory<IdempotencyStore> = (container) =>
  new DynamoDbIdempotencyStore(container.get(documents), tableName(container));
export const shareStorage: CoordinatorFactory<S3ShareStorage> = (container) => {
  const { inputBucket, resultBucket, uploadUrlExpiryMinutes, serverInputs } = container.settings.config;
  // One client per server, made with the storage: each signs as the role that server's operator grants.
  const perServer = Object.entries(serverInputs).map(([party, { bucket, accessRoleArn }]) => [
    party,
    {
      bucket,
      client: accessRoleArn
        ? s3Client(container.settings.aws, { roleArn: accessRoleArn })
        : container.get(s3),
    },
  ]);
  return new S3ShareStorage({
    client: container.get(s3),
    inputBucket,
    resultBucket,
    serverInputs: Object.fromEntries(perServer),
    expiryMinutes: uploadUrlExpiryMinutes,
    now: () => new Date(),
  });
};

/** The idempotency store of the current container (what `httpOperation` takes). */
export const idempotencyStore = (): IdempotencyStore =>
  coordinatorScope.current().get(idempotencyStoreFactory);

type WiredPort = 'collaborations' | 'participants' | 'inputs' | 'shares' | 'workflow';
const WIRED_PORTS = ['collaborations', 'participants', 'inputs', 'shares'] as const;

/** The ports a handler wires; `now`, `newId`, the server keys and the size limit come always. */
export type PortFactories = { [K in WiredPort]?: CoordinatorFactory<NonNullable<CoordinatorPorts[K]>> };

/**
 * The use cases' ports with only the given factories behind them, each read from the current container. A
 * port the handler did not wire fails loudly on use: its use case needs it and the handler must name it.
 */
export function coordinatorPorts(
  factories: PortFactories,
  current: () => CoordinatorContainer = coordinatorScope.current,
): CoordinatorPorts {
  const ports = wiredGetters<CoordinatorSettings, CoordinatorPorts>(
    WIRED_PORTS,
    factories,
    current,
    'coordinator',
  );
  const config = () => current().settings.config;
  return Object.defineProperties(ports, {
    // Optional in the use cases: unwired means the operation starts nothing in the workflow.
    workflow: {
      enumerable: true,
      get: () => (factories.workflow ? current().get(factories.workflow) : undefined),
    },
    computationServers: { enumerable: true, get: () => config().computationServers },
    maxShareBytes: { enumerable: true, get: () => config().maxShareBytes },
    loopbackWebhooks: { enumerable: true, get: () => config().loopbackWebhooks },
    now: { enumerable: true, value: () => new Date() },
    newId: { enumerable: true, value: randomUUID },
  });
}

export interface Coordinator {
  ports: CoordinatorPorts;
  idempotency: IdempotencyStore;
}

/**
 * Every coordinator port of `container` wired but the workflow (for tests and tools that drive the use cases
 * directly; handlers wire only theirs, the four that drive the workflow add handlers/api-workflow-hooks.ts).
 */
export function coordinator(container: CoordinatorContainer = coordinatorScope.current()): Coordinator {
  return {
    ports: coordinatorPorts(
      {
        collaborations: collaborationRepository,
        participants: participantRepository,
        inputs: inputRepository,
        shares: shareStorage,
      },
      () => container,
    ),
    idempotency: container.get(idempotencyStoreFactory),
  };
}
