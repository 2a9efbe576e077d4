import { GetCommand, type DynamoDBDocumentClient, type GetCommandOutput } from '@aws-sdk/lib-dynamodb';

/** The item under `key`, read strongly consistent: every read here must see the conditional writes before it. */
export async function readItem(
  client: DynamoDBDocumentClient,
  tableName: string,
  key: Record<string, unknown>,
): Promise<GetCommandOutput['Item']> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
  );
  return Item;
}
