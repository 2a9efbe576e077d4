import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * SDK clients. Endpoints are left to the SDK so that AWS_ENDPOINT_URL (and AWS_ENDPOINT_URL_DYNAMODB / _S3)
 * work natively; `endpoint` is only for callers that must pin one explicitly.
 */
export function documentClient(options: { endpoint?: string } = {}): DynamoDBDocumentClient {
  const client = new DynamoDBClient(options.endpoint ? { endpoint: options.endpoint } : {});
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export function s3Client(options: { forcePathStyle: boolean; endpoint?: string }): S3Client {
  return new S3Client({
    forcePathStyle: options.forcePathStyle,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
}

/**
 * A client for presigning only: WHEN_REQUIRED keeps the SDK from adding a CRC32 of an empty body to the URL,
 * so the client's declared SHA-256 is the checksum S3 enforces (DESIGN.md section 8).
 */
export function presigningS3Client(options: { forcePathStyle: boolean; endpoint?: string }): S3Client {
  return new S3Client({
    forcePathStyle: options.forcePathStyle,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
}
