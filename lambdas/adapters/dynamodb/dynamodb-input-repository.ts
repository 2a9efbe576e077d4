import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Input } from '../../domain/input.ts';
import type { CompleteOutcome, InputRepository, IssueOutcome } from '../../ports/input-repository.ts';
import { childItemExpiry } from './child-item-expiry.ts';
import { itemKeys } from '../../../contract/table/item-keys.ts';
import { TTL_ATTRIBUTE } from '../../../contract/table/table-definition.ts';
import { transact } from '../../../contract/table/transactions.ts';
import { readItem } from '../../../contract/table/read-item.ts';

const ACCEPTING_INPUTS = 'attribute_exists(pk) AND #status = :open AND inputDeadline > :now';

export class DynamoDbInputRepository implements InputRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(collaborationId: string, inputId: string): Promise<Input | undefined> {
    const item = await readItem(this.client, this.tableName, itemKeys.input(collaborationId, inputId));
    if (!item) return undefined;
    const input: Input = {
      collaborationId: item.collaborationId as string,
      inputId: item.inputId as string,
      clientId: item.clientId as string,
      status: item.status as Input['status'],
      shares: item.shares as Input['shares'],
      createdAt: item.createdAt as string,
    };
    if (typeof item.completedAt === 'string') input.completedAt = item.completedAt;
    if (typeof item.rowCount === 'number') input.rowCount = item.rowCount;
    if (typeof item.exclusionReason === 'string') input.exclusionReason = item.exclusionReason;
    return input;
  }

  async issue(input: Input, replacedInputId: string | undefined, at: Date): Promise<IssueOutcome> {
    const now = at.toISOString();
    const result = await transact(this.client, [
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...itemKeys.input(input.collaborationId, input.inputId),
            entity: 'INPUT',
            ...input,
            [TTL_ATTRIBUTE]: childItemExpiry(at),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Update: {
          TableName: this.tableName,
          Key: itemKeys.participant(input.collaborationId, input.clientId),
          UpdateExpression: 'SET inputId = :inputId, inputStatus = :pending',
          ConditionExpression:
            'attribute_exists(pk) AND (attribute_not_exists(inputStatus) OR inputStatus = :pending)',
          ExpressionAttributeValues: { ':inputId': input.inputId, ':pending': 'PENDING' },
        },
      },
      {
        ConditionCheck: {
          TableName: this.tableName,
          Key: itemKeys.collaboration(input.collaborationId),
          ConditionExpression: ACCEPTING_INPUTS,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':open': 'OPEN', ':now': now },
        },
      },
      // The pending input it replaces goes too; the participant condition above guarantees it is not complete.
      ...(replacedInputId
        ? [
            {
              Delete: {
                TableName: this.tableName,
                Key: itemKeys.input(input.collaborationId, replacedInputId),
              },
            },
          ]
        : []),
    ]);
    return result.committed ? 'issued' : 'refused';
  }

  async complete(input: Input, at: Date): Promise<CompleteOutcome> {
    const now = at.toISOString();
    const result = await transact(this.client, [
      {
        Update: {
          TableName: this.tableName,
          Key: itemKeys.input(input.collaborationId, input.inputId),
          UpdateExpression: 'SET #status = :complete, completedAt = :now',
          ConditionExpression: 'attribute_exists(pk) AND #status = :pending AND clientId = :clientId',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':complete': 'COMPLETE',
            ':pending': 'PENDING',
            ':now': now,
            ':clientId': input.clientId,
          },
        },
      },
      {
        Update: {
          TableName: this.tableName,
          Key: itemKeys.participant(input.collaborationId, input.clientId),
          UpdateExpression: 'SET inputStatus = :complete',
          ConditionExpression: 'attribute_exists(pk) AND inputId = :inputId AND inputStatus = :pending',
          ExpressionAttributeValues: {
            ':complete': 'COMPLETE',
            ':pending': 'PENDING',
            ':inputId': input.inputId,
          },
        },
      },
      {
        Update: {
          TableName: this.tableName,
          Key: itemKeys.collaboration(input.collaborationId),
          UpdateExpression: 'ADD completedInputCount :one SET updatedAt = :now',
          ConditionExpression: `${ACCEPTING_INPUTS} AND completedInputCount < maxParticipants`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':one': 1, ':open': 'OPEN', ':now': now },
        },
      },
    ]);
    return result.committed ? 'completed' : 'refused';
  }
}
