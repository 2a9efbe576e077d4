/**
 * `JobStatusStore` on the coordinator's single DynamoDB table: one item per party and job,
 * pk `JOB#<jobId>`, sk `PARTY#<A|B|DEALER>`, with the table's TTL attribute so items expire after
 * `retentionSeconds` (default 30 days). Every write is conditional, so a terminal state is never
 * overwritten (see `job-status.ts`); reads are strongly consistent. The client honours `AWS_ENDPOINT_URL`.
 */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PeerEndpoint } from './peer-endpoint.ts';
import { PARTITION_KEY, SORT_KEY, TTL_ATTRIBUTE } from '../table/table-definition.ts';
import {
  STATUS_PARTIES,
  combineJobStatus,
  validatePartyState,
  type JobStatus,
  type JobStatusStore,
  type PartyState,
  type PartyStatus,
  type StatusParty,
} from './job-status.ts';
import { readItem } from '../table/read-item.ts';
import { epochSeconds } from '../table/item-keys.ts';
import { isConditionalCheckFailure } from '../table/transactions.ts';
import { SDK_SOCKET_TIMEOUTS } from '../aws/sdk-timeouts.ts';

export interface DynamoDbJobStatusStoreOptions {
  tableName: string;
  client?: DynamoDBClient;
  clientConfig?: DynamoDBClientConfig;
  retentionSeconds?: number;
  clock?: () => Date;
}

export const jobStatusKey = (jobId: string, party: StatusParty): Record<string, string> => ({
  [PARTITION_KEY]: `JOB#${jobId}`,
  [SORT_KEY]: `PARTY#${party}`,
});

const endpointKey = (jobId: string, party: StatusParty): Record<string, string> => ({
  [PARTITION_KEY]: `JOB#${jobId}`,
  [SORT_KEY]: `ENDPOINT#${party}`,
});

const NOT_TERMINAL = 'attribute_not_exists(#pk) OR #state = :running';

export class DynamoDbJobStatusStore implements JobStatusStore {
  private readonly documents: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly retentionSeconds: number;
  private readonly clock: () => Date;

  constructor(options: DynamoDbJobStatusStoreOptions) {
    this.tableName = options.tableName;
    this.retentionSeconds = options.retentionSeconds ?? 30 * 86_400;
    this.clock = options.clock ?? (() => new Date());
    this.documents = DynamoDBDocumentClient.from(
      options.client ?? new DynamoDBClient({ ...SDK_SOCKET_TIMEOUTS, ...options.clientConfig }),
      {
        marshallOptions: { removeUndefinedValues: true },
      },
    );
  }

  async report(jobId: string, party: StatusParty, state: PartyState): Promise<{ applied: boolean }> {
    const valid = validatePartyState(state);
    const now = this.clock();
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...jobStatusKey(jobId, party),
            entityType: 'JOB_PARTY_STATUS',
            jobId,
            party,
            ...valid,
            updatedAt: now.toISOString(),
            heartbeatAt: now.toISOString(),
            [TTL_ATTRIBUTE]: epochSeconds(now) + this.retentionSeconds,
          },
          ConditionExpression: NOT_TERMINAL,
          ExpressionAttributeNames: { '#pk': PARTITION_KEY, '#state': 'state' },
          ExpressionAttributeValues: { ':running': 'RUNNING' },
        }),
      );
      return { applied: true };
    } catch (error) {
      if (isConditionalCheckFailure(error)) return { applied: false };
      throw error;
    }
  }

  async heartbeat(jobId: string, party: StatusParty): Promise<void> {
    try {
      await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: jobStatusKey(jobId, party),
          UpdateExpression: 'SET heartbeatAt = :now',
          ConditionExpression: 'attribute_exists(#pk) AND #state = :running',
          ExpressionAttributeNames: { '#pk': PARTITION_KEY, '#state': 'state' },
          ExpressionAttributeValues: { ':running': 'RUNNING', ':now': this.clock().toISOString() },
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailure(error)) throw error;
    }
  }

  /** A separate item (sk `ENDPOINT#<party>`), so the party's status item keeps its terminal-state rule. */
  async publishEndpoint(jobId: string, party: StatusParty, endpoint: PeerEndpoint): Promise<void> {
    const now = this.clock();
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...endpointKey(jobId, party),
          entityType: 'JOB_PARTY_ENDPOINT',
          jobId,
          party,
          host: endpoint.host,
          port: endpoint.port,
          updatedAt: now.toISOString(),
          [TTL_ATTRIBUTE]: epochSeconds(now) + this.retentionSeconds,
        },
      }),
    );
  }

  async getEndpoint(jobId: string, party: StatusParty): Promise<PeerEndpoint | undefined> {
    const item = await readItem(this.documents, this.tableName, endpointKey(jobId, party));
    return item ? { host: String(item.host), port: Number(item.port) } : undefined;
  }

  async getJobStatus(jobId: string, options: { staleAfterMs?: number } = {}): Promise<JobStatus> {
    const page = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :party)',
        ExpressionAttributeNames: { '#pk': PARTITION_KEY, '#sk': SORT_KEY },
        ExpressionAttributeValues: { ':pk': `JOB#${jobId}`, ':party': 'PARTY#' },
        ConsistentRead: true,
      }),
    );
    const reports = (page.Items ?? []).map(toPartyStatus).filter((report) => report !== undefined);
    return combineJobStatus(jobId, reports, { now: this.clock(), ...options });
  }
}

function toPartyStatus(item: Record<string, unknown>): PartyStatus | undefined {
  const party = item.party as StatusParty;
  if (!STATUS_PARTIES.includes(party)) return undefined;
  const common = { party, updatedAt: String(item.updatedAt), heartbeatAt: String(item.heartbeatAt) };
  switch (item.state) {
    case 'RUNNING':
      return {
        ...common,
        state: 'RUNNING',
        progress: Number(item.progress),
        ...(typeof item.phase === 'string' && { phase: item.phase }),
      };
    case 'DONE':
      return {
        ...common,
        state: 'DONE',
        ...(Array.isArray(item.excludedInputs) && {
          excludedInputs: (item.excludedInputs as Record<string, unknown>[]).map((excluded) => ({
            inputId: String(excluded.inputId),
            reason: String(excluded.reason),
          })),
        }),
      };
    case 'FAILED':
      return {
        ...common,
        state: 'FAILED',
        reasonCode: String(item.reasonCode),
        message: String(item.message),
        ...(Array.isArray(item.failedInputIds) && { failedInputIds: item.failedInputIds.map(String) }),
      };
    default:
      return undefined;
  }
}
