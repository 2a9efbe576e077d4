import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Participant } from '../../domain/participation.ts';
import type {
  FinishOutcome,
  JoinOutcome,
  ParticipantRepository,
} from '../../ports/participant-repository.ts';
import { childItemExpiry } from './child-item-expiry.ts';
import { participantOfItem } from './participant-item.ts';
import { itemKeys } from '../../../contract/table/item-keys.ts';
import { MEMBER_INDEX, TTL_ATTRIBUTE } from '../../../contract/table/table-definition.ts';
import { transact } from '../../../contract/table/transactions.ts';
import { readItem } from '../../../contract/table/read-item.ts';

export class DynamoDbParticipantRepository implements ParticipantRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(collaborationId: string, clientId: string): Promise<Participant | undefined> {
    const item = await readItem(this.client, this.tableName, itemKeys.participant(collaborationId, clientId));
    return item ? participantOfItem(item) : undefined;
  }

  async join(participant: Participant, at: Date): Promise<JoinOutcome> {
    const result = await transact(this.client, [
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...itemKeys.participant(participant.collaborationId, participant.clientId),
            entity: 'PARTICIPANT',
            ...participant,
            [MEMBER_INDEX.partitionKey]: itemKeys.participantPartition(participant.clientId),
            [MEMBER_INDEX.sortKey]: `${participant.joinedAt}#${participant.collaborationId}`,
            [TTL_ATTRIBUTE]: childItemExpiry(at),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Update: {
          TableName: this.tableName,
          Key: itemKeys.collaboration(participant.collaborationId),
          UpdateExpression: 'ADD participantCount :one SET updatedAt = :now',
          ConditionExpression: 'attribute_exists(pk) AND #status = :open AND inputDeadline > :now',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':one': 1, ':open': 'OPEN', ':now': at.toISOString() },
        },
      },
    ]);
    if (result.committed) return 'joined';
    return result.failedConditions.includes(0) ? 'already-joined' : 'collaboration-refused';
  }

  async finish(collaborationId: string, clientId: string, at: Date): Promise<FinishOutcome> {
    const result = await transact(this.client, [
      {
        Update: {
          TableName: this.tableName,
          Key: itemKeys.participant(collaborationId, clientId),
          UpdateExpression: 'SET finishedAt = :now',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(finishedAt)',
          ExpressionAttributeValues: { ':now': at.toISOString() },
        },
      },
      {
        Update: {
          TableName: this.tableName,
          Key: itemKeys.collaboration(collaborationId),
          UpdateExpression: 'ADD finishedCount :one SET updatedAt = :now',
          ConditionExpression: 'attribute_exists(pk) AND NOT (#status IN (:open, :computing))',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':now': at.toISOString(),
            ':open': 'OPEN',
            ':computing': 'COMPUTING',
          },
        },
      },
    ]);
    if (result.committed) return 'finished';
    return result.failedConditions.includes(0) ? 'already-finished' : 'refused';
  }
}
