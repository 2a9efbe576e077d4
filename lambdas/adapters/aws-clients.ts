import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ECSClient } from '@aws-sdk/client-ecs';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SDK_SOCKET_TIMEOUTS } from '../../contract/aws/sdk-timeouts.ts';

/**
 * How the coordinator's SDK clients reach AWS. On Lambda everything is left to the SDK (region, credentials,
 * endpoints, AWS_ENDPOINT_URL and its per-service variants); a runtime with its own emulators pins them.
 */
export interface AwsClientSettings {
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  endpoints?: { dynamodb?: string; s3?: string };
  /** s3rver (and most S3 emulators) need path-style URLs. */
  s3ForcePathStyle: boolean;
}

/*
 * One factory per service, so that a bundle carries only the clients its handler's ports use. The composition
 * roots call each at most once per container.
 */

function common(settings: AwsClientSettings) {
  return {
    ...SDK_SOCKET_TIMEOUTS,
    ...(settings.region ? { region: settings.region } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
  };
}

export function dynamoDbClient(settings: AwsClientSettings): DynamoDBClient {
  const endpoint = settings.endpoints?.dynamodb;
  return new DynamoDBClient({ ...common(settings), ...(endpoint ? { endpoint } : {}) });
}

/** The repositories' view of a DynamoDB client: plain JavaScript values, undefined attributes left out. */
export function documentClientOf(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/**
 * The S3 client for requests and presigned URLs alike. Checksums only where S3 requires them: otherwise the
 * presigner would sign the CRC32 of an empty body into every upload URL and S3 would refuse the upload
 * (DESIGN.md section 8).
 */
export function s3Client(settings: AwsClientSettings, options: { roleArn?: string } = {}): S3Client {
  const endpoint = settings.endpoints?.s3;
  return new S3Client({
    ...common(settings),
    ...(options.roleArn ? { credentials: assumedRole(settings, options.roleArn) } : {}),
    ...(endpoint ? { endpoint } : {}),
    forcePathStyle: settings.s3ForcePathStyle,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/**
 * The session of a role another domain grants (a server's operator, for presigned uploads into its bucket),
 * assumed with this function's own credentials and renewed by the SDK before it ends. A presigned URL stops
 * working when the session that signed it ends, so the role's sessions last at least the upload lifetime.
 */
function assumedRole(settings: AwsClientSettings, roleArn: string) {
  return fromTemporaryCredentials({
    params: { RoleArn: roleArn, RoleSessionName: 'mpc-coordinator', DurationSeconds: 3600 },
    ...(settings.credentials ? { masterCredentials: settings.credentials } : {}),
    clientConfig: { ...SDK_SOCKET_TIMEOUTS, ...(settings.region ? { region: settings.region } : {}) },
  });
}

export function sfnClient(settings: AwsClientSettings): SFNClient {
  return new SFNClient(common(settings));
}

export function eventBridgeClient(settings: AwsClientSettings): EventBridgeClient {
  return new EventBridgeClient(common(settings));
}

export function ecsClient(settings: AwsClientSettings): ECSClient {
  return new ECSClient(common(settings));
}
