import {
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Collaboration } from '../../domain/collaboration.ts';
import type { CollaborationStatus } from '../../../contract/collaboration-status.ts';
import type {
  CollaborationQuery,
  CollaborationRepository,
  Page,
} from '../../ports/collaboration-repository.ts';
import { collaborationToItem, itemToCollaboration } from './collaboration-item.ts';
import { itemKeys } from '../../../contract/table/item-keys.ts';
import { decodePageToken, encodePageToken } from './page-token.ts';
import { isConditionalCheckFailure } from '../../../contract/table/transactions.ts';
import {
  MEMBER_INDEX,
  PARTITION_KEY,
  SORT_KEY,
  STATUS_INDEX,
} from '../../../contract/table/table-definition.ts';
import { readItem } from '../../../contract/table/read-item.ts';

export class DynamoDbCollaborationRepository implements CollaborationRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(collaboration: Collaboration): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: collaborationToItem(collaboration),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async get(collaborationId: string): Promise<Collaboration | undefined> {
    const item = await readItem(this.client, this.tableName, itemKeys.collaboration(collaborationId));
    return item ? itemToCollaboration(item) : undefined;
  }

  async list(query: CollaborationQuery): Promise<Page<Collaboration>> {
    if (query.role?.kind === 'participant') return this.listJoined(query, query.role.clientId);
    const index = query.role ? MEMBER_INDEX : STATUS_INDEX;
    const partition = query.role
      ? itemKeys.ownerPartition(query.role.clientId)
      : itemKeys.statusPartition(query.status ?? 'OPEN');
    const filters = collaborationFilters({ ...query, status: query.role ? query.status : undefined });
    const page = await this.query(index, partition, query, filters);
    return { items: page.items.map(itemToCollaboration), nextToken: page.nextToken };
  }

  /**
   * Participant items carry only the membership; the collaborations are read one by one (a page holds at most
   * 100), which keeps the functions' table access to GetItem and Query.
   */
  private async listJoined(query: CollaborationQuery, clientId: string): Promise<Page<Collaboration>> {
    const page = await this.query(MEMBER_INDEX, itemKeys.participantPartition(clientId), query, {});
    const ids = page.items.map((item) => item.collaborationId as string);
    const items = (await Promise.all(ids.map((id) => this.get(id))))
      .filter((c): c is Collaboration => c !== undefined)
      .filter((c) => query.status === undefined || c.status === query.status)
      .filter((c) => query.analysis === undefined || c.analyses.some((a) => a.kind === query.analysis));
    return { items, nextToken: page.nextToken };
  }

  private async query(
    index: typeof STATUS_INDEX | typeof MEMBER_INDEX,
    partition: string,
    query: CollaborationQuery,
    filters: Filters,
  ): Promise<{ items: Record<string, unknown>[]; nextToken?: string }> {
    const startKey = decodePageToken(query.nextToken, {
      attributes: [PARTITION_KEY, SORT_KEY, index.partitionKey, index.sortKey],
      partitionAttribute: index.partitionKey,
      partitionValue: partition,
    });
    const input: QueryCommandInput = {
      TableName: this.tableName,
      IndexName: index.name,
      KeyConditionExpression: '#partition = :partition',
      ExpressionAttributeNames: { '#partition': index.partitionKey, ...filters.names },
      ExpressionAttributeValues: { ':partition': partition, ...filters.values },
      ScanIndexForward: false,
      Limit: query.limit,
      ...(filters.expression ? { FilterExpression: filters.expression } : {}),
      ...(startKey ? { ExclusiveStartKey: startKey } : {}),
    };
    const answer = await this.client.send(new QueryCommand(input));
    return { items: answer.Items ?? [], nextToken: encodePageToken(answer.LastEvaluatedKey) };
  }

  async transition(
    collaborationId: string,
    from: CollaborationStatus,
    to: CollaborationStatus,
    at: Date,
    reason?: string,
  ): Promise<Collaboration | undefined> {
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: itemKeys.collaboration(collaborationId),
          UpdateExpression: `SET #status = :to, updatedAt = :at, #statusIndex = :partition${reason ? ', statusReason = :reason' : ''}`,
          ConditionExpression: 'attribute_exists(pk) AND #status = :from',
          ExpressionAttributeNames: { '#status': 'status', '#statusIndex': STATUS_INDEX.partitionKey },
          ExpressionAttributeValues: {
            ':to': to,
            ':from': from,
            ':at': at.toISOString(),
            ':partition': itemKeys.statusPartition(to),
            ...(reason ? { ':reason': reason } : {}),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? itemToCollaboration(Attributes) : undefined;
    } catch (error) {
      if (isConditionalCheckFailure(error)) return undefined;
      throw error;
    }
  }
}

interface Filters {
  expression?: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

function collaborationFilters(query: Pick<CollaborationQuery, 'status' | 'analysis'>): Filters {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (query.status) {
    clauses.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = query.status;
  }
  if (query.analysis) {
    clauses.push('contains(analysisKinds, :analysis)');
    values[':analysis'] = query.analysis;
  }
  return clauses.length === 0 ? {} : { expression: clauses.join(' AND '), names, values };
}
