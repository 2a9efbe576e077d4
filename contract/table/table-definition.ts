import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The coordinator's single table. This is the one source of its shape: the local runtime creates the table
 * from it and the CDK stack mirrors it (keys, GSIs, TTL attribute).
 *
 * Items (pk / sk):
 * - collaboration  COLLAB#<id> / META           GSI byStatus (STATUS#<status> / <createdAt>#<id>),
 *                                                GSI byMember (OWNER#<ownerId> / <createdAt>#<id>)
 * - participant    COLLAB#<id> / PARTICIPANT#<clientId>   GSI byMember (PARTICIPANT#<clientId> / <joinedAt>#<id>)
 * - input          COLLAB#<id> / INPUT#<inputId>
 * - idempotency    IDEMPOTENCY#<sha256(caller, key)> / IDEMPOTENCY
 */
export const PARTITION_KEY = 'pk';
export const SORT_KEY = 'sk';
/** Discovery: collaborations by status, newest first. */
export const STATUS_INDEX = { name: 'byStatus', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' } as const;
/** "My collaborations": by owner and by participant. */
export const MEMBER_INDEX = { name: 'byMember', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' } as const;
/** Epoch seconds after which DynamoDB may delete the item. */
export const TTL_ATTRIBUTE = 'expiresAt';

export function collaborationTableDefinition(tableName: string): CreateTableCommandInput {
  const keyAttributes = [
    PARTITION_KEY,
    SORT_KEY,
    STATUS_INDEX.partitionKey,
    STATUS_INDEX.sortKey,
    MEMBER_INDEX.partitionKey,
    MEMBER_INDEX.sortKey,
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: PARTITION_KEY, KeyType: 'HASH' },
      { AttributeName: SORT_KEY, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [STATUS_INDEX, MEMBER_INDEX].map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}
