import type { CreateTableCommandInput, KeySchemaElement } from '@aws-sdk/client-dynamodb';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';

/**
 * Turns the coordinator's own `CreateTable` input (the one DynamoDB Local is created from) into CDK table
 * props, so that key names, attribute types and GSIs exist in one place only.
 */
export function tablePropsFromDefinition(
  definition: CreateTableCommandInput,
): Pick<dynamodb.TablePropsV2, 'partitionKey' | 'sortKey' | 'globalSecondaryIndexes'> {
  const attributeType = (name: string): dynamodb.AttributeType => {
    const declared = definition.AttributeDefinitions?.find((attribute) => attribute.AttributeName === name);
    if (!declared?.AttributeType) throw new Error(`Key attribute ${name} has no AttributeDefinition`);
    return declared.AttributeType as dynamodb.AttributeType;
  };
  const keys = (schema: readonly KeySchemaElement[] | undefined) => {
    const attribute = (keyType: 'HASH' | 'RANGE'): dynamodb.Attribute | undefined => {
      const name = schema?.find((element) => element.KeyType === keyType)?.AttributeName;
      return name ? { name, type: attributeType(name) } : undefined;
    };
    const partitionKey = attribute('HASH');
    if (!partitionKey) throw new Error('Key schema without a HASH key');
    return { partitionKey, sortKey: attribute('RANGE') };
  };
  return {
    ...keys(definition.KeySchema),
    globalSecondaryIndexes: (definition.GlobalSecondaryIndexes ?? []).map((index) => {
      if (!index.IndexName) throw new Error('GSI without a name');
      const projection = index.Projection?.ProjectionType ?? 'ALL';
      return {
        indexName: index.IndexName,
        ...keys(index.KeySchema),
        projectionType: projection as dynamodb.ProjectionType,
        ...(projection === 'INCLUDE' ? { nonKeyAttributes: index.Projection?.NonKeyAttributes ?? [] } : {}),
      };
    }),
  };
}
