import { randomUUID } from 'node:crypto';
import { documentClient, presigningS3Client, s3Client } from './adapters/aws-clients.ts';
import { DynamoDbCollaborationRepository } from './adapters/dynamodb/dynamodb-collaboration-repository.ts';
import { DynamoDbIdempotencyStore } from './adapters/dynamodb/dynamodb-idempotency-store.ts';
import { DynamoDbInputRepository } from './adapters/dynamodb/dynamodb-input-repository.ts';
import { DynamoDbParticipantRepository } from './adapters/dynamodb/dynamodb-participant-repository.ts';
import { S3ShareStorage } from './adapters/s3/s3-share-storage.ts';
import { readConfig } from './config.ts';
import { workflowConfigured, workflowPorts } from './handlers/workflow/workflow-wiring.ts';
import type { CoordinatorPorts } from './ports/coordinator-ports.ts';
import type { IdempotencyStore } from './ports/idempotency-store.ts';
import { optionalWorkflowHooks } from './use-cases/workflow/workflow-hooks.ts';

export interface Coordinator {
  ports: CoordinatorPorts;
  idempotency: IdempotencyStore;
}

/** Environment variables that shape the wiring (the SDK reads the endpoint and credential ones itself). */
const WIRING_VARIABLES = [
  'TABLE_NAME',
  'INPUT_BUCKET',
  'RESULT_BUCKET',
  'UPLOAD_URL_EXPIRY_MINUTES',
  'MAX_SHARE_BYTES',
  'MPC_SERVER_KEYS',
  'S3_FORCE_PATH_STYLE',
  'AWS_REGION',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_DYNAMODB',
  'AWS_ENDPOINT_URL_S3',
];

let wired: { fingerprint: string; coordinator: Coordinator } | undefined;

/**
 * The coordinator wired to AWS: clients are created once per container, on first use. A process that
 * changes the environment (one local system per test file) gets a fresh wiring.
 */
export function coordinator(): Coordinator {
  const fingerprint = JSON.stringify(WIRING_VARIABLES.map((name) => process.env[name] ?? null));
  if (wired?.fingerprint !== fingerprint) wired = { fingerprint, coordinator: wire() };
  return wired.coordinator;
}

function wire(): Coordinator {
  const config = readConfig();
  const dynamo = documentClient();
  const now = () => new Date();
  const shares = new S3ShareStorage({
    client: s3Client({ forcePathStyle: config.s3ForcePathStyle }),
    presigningClient: presigningS3Client({ forcePathStyle: config.s3ForcePathStyle }),
    inputBucket: config.inputBucket,
    resultBucket: config.resultBucket,
    expiryMinutes: config.uploadUrlExpiryMinutes,
    now,
  });
  return {
    ports: {
      collaborations: new DynamoDbCollaborationRepository(dynamo, config.tableName),
      participants: new DynamoDbParticipantRepository(dynamo, config.tableName),
      inputs: new DynamoDbInputRepository(dynamo, config.tableName),
      shares,
      computationServers: config.computationServers,
      maxShareBytes: config.maxShareBytes,
      now,
      newId: randomUUID,
      workflow: optionalWorkflowHooks(workflowConfigured, workflowPorts),
    },
    idempotency: new DynamoDbIdempotencyStore(dynamo, config.tableName),
  };
}
