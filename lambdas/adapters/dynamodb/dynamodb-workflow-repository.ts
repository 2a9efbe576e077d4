import { QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  AttemptRecord,
  CollaborationRecord,
  CompletedInput,
  CountedInput,
  InputExclusion,
  NotifiableParticipant,
  QuorumCounts,
  WaitKind,
  WebhookDelivery,
  WorkflowRepository,
} from '../../ports/workflow-repository.ts';
import { itemToCollaboration } from './collaboration-item.ts';
import type { PrivacySpent } from '../../domain/collaboration.ts';
import { itemKeys } from '../../../contract/table/item-keys.ts';
import { participantOfItem } from './participant-item.ts';
import { isConditionalCheckFailure } from '../../../contract/table/transactions.ts';
import { readItem } from '../../../contract/table/read-item.ts';
import { writeExclusions } from './exclusion-writes.ts';

type Item = Record<string, unknown>;

/** Which attribute of the collaboration item holds which wait's token, and the status the wait belongs to. */
const WAITS: Record<WaitKind, { attribute: string; status: string }> = {
  inputs: { attribute: 'inputTaskToken', status: 'OPEN' },
  finish: { attribute: 'finishTaskToken', status: 'RESULT_READY' },
};

/**
 * Workflow state on the coordinator's items: callback tokens, the input snapshot and attempt records on the
 * collaboration's META item, webhook deliveries on the participant items.
 */
export class DynamoDbWorkflowRepository implements WorkflowRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async storeTaskToken(
    collaborationId: string,
    wait: WaitKind,
    taskToken: string,
  ): Promise<QuorumCounts | undefined> {
    const { attribute, status } = WAITS[wait];
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: itemKeys.collaboration(collaborationId),
          UpdateExpression: 'SET #token = :token',
          ConditionExpression: 'attribute_exists(pk) AND #status = :status',
          ExpressionAttributeNames: { '#token': attribute, '#status': 'status' },
          ExpressionAttributeValues: { ':token': taskToken, ':status': status },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? countsOf(Attributes) : undefined;
    } catch (error) {
      if (isConditionalCheckFailure(error)) return undefined;
      throw error;
    }
  }

  async readTaskToken(collaborationId: string, wait: WaitKind) {
    const item = await this.collaborationItem(collaborationId);
    if (!item) return undefined;
    const taskToken = item[WAITS[wait].attribute];
    return { counts: countsOf(item), ...(typeof taskToken === 'string' ? { taskToken } : {}) };
  }

  async listParticipants(collaborationId: string): Promise<NotifiableParticipant[]> {
    return (await this.childItems(collaborationId, 'PARTICIPANT#')).map(participantOfItem);
  }

  async listCompletedInputs(collaborationId: string): Promise<CompletedInput[]> {
    const items = await this.childItems(collaborationId, 'INPUT#');
    return items
      .filter((item) => item.status === 'COMPLETE')
      .map((item) => ({
        inputId: item.inputId as string,
        clientId: item.clientId as string,
        shareBBytes: Number((item.shares as { B?: { sizeBytes?: number } } | undefined)?.B?.sizeBytes ?? 0),
        ...(item.rowCount === undefined ? {} : { rowCount: Number(item.rowCount) }),
      }))
      .sort((x, y) => x.inputId.localeCompare(y.inputId));
  }

  async saveInputSnapshot(collaborationId: string, inputs: CountedInput[]): Promise<void> {
    await this.setOnCollaboration(collaborationId, 'inputSnapshot', inputs);
  }

  async readInputSnapshot(collaborationId: string): Promise<CountedInput[] | undefined> {
    return inputSnapshotOf(await this.collaborationItem(collaborationId));
  }

  async readCollaborationRecord(collaborationId: string): Promise<CollaborationRecord | undefined> {
    const item = await this.collaborationItem(collaborationId);
    if (!item) return undefined;
    const inputSnapshot = inputSnapshotOf(item);
    return {
      collaboration: itemToCollaboration(item),
      attempts: attemptsOf(item),
      ...(inputSnapshot === undefined ? {} : { inputSnapshot }),
    };
  }

  recordExclusions(collaborationId: string, exclusions: InputExclusion[]): Promise<void> {
    return writeExclusions(this.client, this.tableName, collaborationId, exclusions);
  }

  recordRecipientCount(collaborationId: string, recipientCount: number): Promise<void> {
    return this.setOnCollaboration(collaborationId, 'recipientCount', recipientCount);
  }

  async saveResultJob(collaborationId: string, jobId: string): Promise<void> {
    await this.setOnCollaboration(collaborationId, 'resultJobId', jobId);
  }

  async recordPrivacySpent(collaborationId: string, spent: PrivacySpent): Promise<void> {
    await this.setOnCollaboration(collaborationId, 'privacySpent', spent);
  }

  /** Attempts run one after another in one execution, so a read-modify-write is enough. */
  async recordAttempt(collaborationId: string, attempt: AttemptRecord): Promise<void> {
    const attempts = (await this.listAttempts(collaborationId)).filter(
      (known) => known.attempt !== attempt.attempt,
    );
    attempts.push(attempt);
    attempts.sort((x, y) => x.attempt - y.attempt);
    await this.setOnCollaboration(collaborationId, 'attempts', attempts);
  }

  async appendAttempt(collaborationId: string, attempt: AttemptRecord): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: itemKeys.collaboration(collaborationId),
        UpdateExpression: 'SET attempts = list_append(if_not_exists(attempts, :none), :attempt)',
        ConditionExpression:
          attempt.attempt === 1
            ? 'attribute_exists(pk) AND (attribute_not_exists(attempts) OR size(attempts) = :known)'
            : 'attribute_exists(pk) AND size(attempts) = :known',
        ExpressionAttributeValues: { ':none': [], ':attempt': [attempt], ':known': attempt.attempt - 1 },
      }),
    );
  }

  async listAttempts(collaborationId: string): Promise<AttemptRecord[]> {
    return attemptsOf(await this.collaborationItem(collaborationId));
  }

  async recordDelivery(collaborationId: string, clientId: string, delivery: WebhookDelivery): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: itemKeys.participant(collaborationId, clientId),
        UpdateExpression: 'SET webhookDelivery = :delivery',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':delivery': delivery },
      }),
    );
  }

  async readDelivery(collaborationId: string, clientId: string): Promise<WebhookDelivery | undefined> {
    const item = await readItem(this.client, this.tableName, itemKeys.participant(collaborationId, clientId));
    return item?.webhookDelivery as WebhookDelivery | undefined;
  }

  private async collaborationItem(collaborationId: string): Promise<Item | undefined> {
    return readItem(this.client, this.tableName, itemKeys.collaboration(collaborationId));
  }

  private async setOnCollaboration(
    collaborationId: string,
    attribute: string,
    value: unknown,
  ): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: itemKeys.collaboration(collaborationId),
        UpdateExpression: 'SET #attribute = :value',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#attribute': attribute },
        ExpressionAttributeValues: { ':value': value },
      }),
    );
  }

  private async childItems(collaborationId: string, sortKeyPrefix: string): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Item | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: {
            ':pk': itemKeys.collaboration(collaborationId).pk,
            ':prefix': sortKeyPrefix,
          },
          ConsistentRead: true,
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  }
}

function inputSnapshotOf(item: Item | undefined): CountedInput[] | undefined {
  return item?.inputSnapshot as CountedInput[] | undefined;
}

function attemptsOf(item: Item | undefined): AttemptRecord[] {
  return (item?.attempts as AttemptRecord[] | undefined) ?? [];
}

function countsOf(item: Item): QuorumCounts {
  return {
    status: item.status as QuorumCounts['status'],
    completedInputCount: Number(item.completedInputCount ?? 0),
    participantCount: Number(item.participantCount ?? 0),
    finishedCount: Number(item.finishedCount ?? 0),
    minParticipants: Number(item.minParticipants),
    maxParticipants: Number(item.maxParticipants),
    ...(item.recipientCount === undefined ? {} : { recipientCount: Number(item.recipientCount) }),
  };
}
