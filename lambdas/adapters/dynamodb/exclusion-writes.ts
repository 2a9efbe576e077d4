import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { InputExclusion } from '../../ports/workflow-repository.ts';
import { itemKeys } from '../../../contract/table/item-keys.ts';
import { transact } from '../../../contract/table/transactions.ts';

/**
 * The reason goes on the input and its owner's participation together (one transaction per input), then the
 * count on the collaboration. Every write is a SET of the same values, so a retried step writes the same.
 */
export async function writeExclusions(
  client: DynamoDBDocumentClient,
  tableName: string,
  collaborationId: string,
  exclusions: InputExclusion[],
): Promise<void> {
  for (const { inputId, clientId, reason } of exclusions) {
    const result = await transact(client, [
      {
        Update: {
          TableName: tableName,
          Key: itemKeys.input(collaborationId, inputId),
          UpdateExpression: 'SET exclusionReason = :reason',
          ConditionExpression: 'attribute_exists(pk) AND clientId = :clientId',
          ExpressionAttributeValues: { ':reason': reason, ':clientId': clientId },
        },
      },
      {
        Update: {
          TableName: tableName,
          Key: itemKeys.participant(collaborationId, clientId),
          UpdateExpression: 'SET exclusionReason = :reason',
          ConditionExpression: 'attribute_exists(pk) AND inputId = :inputId',
          ExpressionAttributeValues: { ':reason': reason, ':inputId': inputId },
        },
      },
    ]);
    if (!result.committed)
      throw new Error(`Input ${inputId} of ${clientId} is not in collaboration ${collaborationId}.`);
  }
  await client.send(
    new UpdateCommand({
      TableName: tableName,
      Key: itemKeys.collaboration(collaborationId),
      UpdateExpression: 'SET excludedInputCount = :count',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':count': new Set(exclusions.map((e) => e.inputId)).size },
    }),
  );
}
