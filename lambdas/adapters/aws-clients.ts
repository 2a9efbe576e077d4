import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The one SDK client of the coordinator's Lambdas (S3, Step Functions and EventBridge are signed requests,
 * see aws-signature.ts). Endpoints are left to the SDK so that AWS_ENDPOINT_URL (and AWS_ENDPOINT_URL_DYNAMODB)
 * work natively; `endpoint` is only for callers that must pin one explicitly.
 */
export function documentClient(options: { endpoint?: string } = {}): DynamoDBDocumentClient {
  const client = new DynamoDBClient(options.endpoint ? { endpoint: options.endpoint } : {});
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
