import { createHash } from 'node:crypto';
import { DeleteCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IdempotencyClaim, IdempotencyStore, StoredResponse } from '../../ports/idempotency-store.ts';
import { epochSeconds, itemKeys } from '../../../contract/table/item-keys.ts';
import { TTL_ATTRIBUTE } from '../../../contract/table/table-definition.ts';
import { isConditionalCheckFailure } from '../../../contract/table/transactions.ts';
import { readItem } from '../../../contract/table/read-item.ts';

/** Stored answers are replayed for a day. */
const RETENTION_SECONDS = 24 * 3600;
/** A claim whose request never finished (crashed Lambda) can be taken over after this long. */
const CLAIM_SECONDS = 60;

export class DynamoDbIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claim(scope: string, key: string, fingerprint: string, now: Date): Promise<IdempotencyClaim> {
    const nowSeconds = epochSeconds(now);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: {
              ...this.keyOf(scope, key),
              entity: 'IDEMPOTENCY',
              fingerprint,
              state: 'IN_PROGRESS',
              claimedUntil: nowSeconds + CLAIM_SECONDS,
              [TTL_ATTRIBUTE]: nowSeconds + RETENTION_SECONDS,
            },
            ConditionExpression:
              'attribute_not_exists(pk) OR #ttl < :now OR (#state = :inProgress AND claimedUntil < :now)',
            ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE, '#state': 'state' },
            ExpressionAttributeValues: { ':now': nowSeconds, ':inProgress': 'IN_PROGRESS' },
          }),
        );
        return { kind: 'claimed' };
      } catch (error) {
        if (!isConditionalCheckFailure(error)) throw error;
      }
      const item = await readItem(this.client, this.tableName, this.keyOf(scope, key));
      if (!item) continue; // released between our two calls: claim again
      if (item.fingerprint !== fingerprint) return { kind: 'key-reused' };
      if (item.state === 'COMPLETE') return { kind: 'replay', response: item.response as StoredResponse };
      return { kind: 'in-progress' };
    }
    return { kind: 'in-progress' };
  }

  async complete(scope: string, key: string, response: StoredResponse): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: this.keyOf(scope, key),
        UpdateExpression: 'SET #state = :complete, #response = :response',
        ExpressionAttributeNames: { '#state': 'state', '#response': 'response' },
        ExpressionAttributeValues: { ':complete': 'COMPLETE', ':response': response },
      }),
    );
  }

  async release(scope: string, key: string): Promise<void> {
    await this.client
      .send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: this.keyOf(scope, key),
          ConditionExpression: '#state = :inProgress',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':inProgress': 'IN_PROGRESS' },
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionalCheckFailure(error)) throw error;
      });
  }

  private keyOf(scope: string, key: string) {
    return itemKeys.idempotency(createHash('sha256').update(`${scope}\n${key}`).digest('hex'));
  }
}
