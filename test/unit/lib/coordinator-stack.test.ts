import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { readApiOperations } from '../../../lib/api/openapi-operations.ts';
import { repoPaths } from '../../../lib/config/repo-paths.ts';
import { createWorkflowMetrics } from '../../../lambdas/handlers/workflow/workflow-metrics.ts';
import { METRICS_NAMESPACE, WORKFLOW_SERVICE_NAME } from '../../../lib/config/metrics-names.ts';
import {
  MEMBER_INDEX,
  PARTITION_KEY,
  SORT_KEY,
  STATUS_INDEX,
  TTL_ATTRIBUTE,
} from '../../../contract/table/table-definition.ts';
import {
  allowedActions,
  render,
  resourcesFor,
  statementsOfRole,
  type RenderedStatement,
} from './iam-statements.ts';
import { synthesizeApp, type SynthesizedApp } from './synthesize.ts';

let synthesized: SynthesizedApp;
beforeAll(() => {
  synthesized = synthesizeApp();
});

const operations = readApiOperations(repoPaths.openApiSpec);
/** What the operations that change collaborations in transactions may do on the table. */
const TABLE_WRITES = [
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
];
const roleStatements = (operationId: string): RenderedStatement[] => {
  const role = synthesized.coordinator.functions.roles.get(operationId);
  if (!role) throw new Error(`no role for ${operationId}`);
  return statementsOfRole(synthesized.coordinatorTemplate, role);
};
/** Actions beyond the logging every function has. */
const businessActions = (operationId: string): string[] =>
  allowedActions(roleStatements(operationId)).filter((action) => !/^logs:/.test(action));

describe('HTTP API', () => {
  it('has exactly one route per OpenAPI operation, with the same method and path', () => {
    const routeKeys = Object.values(synthesized.coordinatorTemplate.findResources('AWS::ApiGatewayV2::Route'))
      .map((route) => route.Properties.RouteKey as string)
      .sort();
    expect(operations.map((operation) => operation.operationId).sort()).toEqual([
      'cancelCollaboration',
      'completeInput',
      'createCollaboration',
      'createInput',
      'finishParticipation',
      'getCollaboration',
      'getHealth',
      'getMyParticipation',
      'getResult',
      'joinCollaboration',
      'listCollaborations',
      'listComputationServers',
    ]);
    expect(routeKeys).toEqual(operations.map((operation) => `${operation.method} ${operation.path}`).sort());
  });

  it('guards every route but the public ones with the JWT authorizer and the API scope', () => {
    const template = synthesized.coordinatorTemplate;
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
    for (const operation of operations) {
      const route = routes.find(
        (candidate) => candidate.Properties.RouteKey === `${operation.method} ${operation.path}`,
      );
      if (operation.requiresAuth) {
        expect(route?.Properties.AuthorizationType, operation.operationId).toBe('JWT');
        expect(route?.Properties.AuthorizationScopes).toEqual(['mpc/collaborate']);
      } else {
        expect(route?.Properties.AuthorizationType ?? 'NONE', operation.operationId).toBe('NONE');
      }
    }
    expect(operations.filter((operation) => !operation.requiresAuth).map((o) => o.operationId)).toEqual([
      'getHealth',
    ]);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: Match.objectLike({
          'Fn::Join': Match.arrayWith([Match.arrayWith(['https://cognito-idp.'])]),
        }),
      },
    });
  });

  it('integrates each route with the function of its own operation', () => {
    const template = synthesized.coordinatorTemplate.toJSON() as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    };
    const resources = template.Resources;
    for (const route of Object.values(resources).filter(
      (resource) => resource.Type === 'AWS::ApiGatewayV2::Route',
    )) {
      const target = JSON.stringify(route.Properties.Target);
      const integrationId = /"(\w+Integration\w+)"/.exec(target)?.[1] ?? '';
      const uri = JSON.stringify(resources[integrationId]?.Properties.IntegrationUri);
      const operation = operations.find((o) => `${o.method} ${o.path}` === route.Properties.RouteKey);
      expect(uri, String(route.Properties.RouteKey)).toMatch(
        new RegExp(`Operations${operation?.operationId}Function`),
      );
    }
  });

  it('throttles the stage and writes JSON access logs', () => {
    synthesized.coordinatorTemplate.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: {
        DestinationArn: Match.anyValue(),
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
    });
  });

  it('issues tokens only through client-credentials app clients of a pool without sign-up', () => {
    const template = synthesized.coordinatorTemplate;
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'mpc',
      Scopes: [{ ScopeName: 'collaborate', ScopeDescription: Match.anyValue() }],
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'example-client',
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'],
    });
    const client = Object.values(template.findResources('AWS::Cognito::UserPoolClient'))[0];
    expect((client?.Properties.AllowedOAuthScopes as unknown[]).map(render)).toEqual([
      expect.stringMatching(/^<ApiClientsResourceServer\w+>\/collaborate$/),
    ]);
  });
});

describe('Lambda functions', () => {
  it('runs every operation as its own minified ESM nodejs22.x function on arm64 with its own role', () => {
    const functions = synthesized.coordinatorTemplate.findResources('AWS::Lambda::Function');
    const roles = new Set<string>();
    expect(Object.keys(functions)).toHaveLength(operations.length);
    for (const fn of Object.values(functions)) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      // No X-Ray: docs/operations.md (Monitoring) says why.
      expect(fn.Properties.TracingConfig).toBeUndefined();
      roles.add(JSON.stringify(fn.Properties.Role));
    }
    expect(roles.size).toBe(operations.length);
    synthesized.coordinatorTemplate.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
    for (const role of Object.values(synthesized.coordinatorTemplate.findResources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('gives the public and read-only operations no write access', () => {
    expect(businessActions('getHealth')).toEqual([]);
    expect(businessActions('listComputationServers')).toEqual([]);
    expect(businessActions('getCollaboration')).toEqual(['dynamodb:GetItem', 'dynamodb:Query']);
    expect(businessActions('getMyParticipation')).toEqual(['dynamodb:GetItem']);
    expect(businessActions('listCollaborations')).toEqual(['dynamodb:GetItem', 'dynamodb:Query']);
    expect(resourcesFor(roleStatements('listCollaborations'), 'dynamodb:Query')).toEqual([
      '<DataTableFDBAD0F2.Arn>',
      '<DataTableFDBAD0F2.Arn>/index/*',
    ]);
    expect(resourcesFor(roleStatements('getCollaboration'), 'dynamodb:Query')).toEqual([
      '<DataTableFDBAD0F2.Arn>',
    ]);
  });

  it("lets only createInput and completeInput reach input shares, through the role each server's operator grants", () => {
    for (const operationId of ['createInput', 'completeInput'])
      expect(resourcesFor(roleStatements(operationId), 'sts:AssumeRole'), operationId).toEqual([
        'arn:<AWS::Partition>:iam::<AWS::AccountId>:role/mpc-dev-coordinator-access-a',
        'arn:<AWS::Partition>:iam::<AWS::AccountId>:role/mpc-dev-coordinator-access-b',
      ]);
    for (const operation of operations) {
      expect(businessActions(operation.operationId), operation.operationId).not.toContain('s3:PutObject');
      if (!['createInput', 'completeInput'].includes(operation.operationId))
        expect(businessActions(operation.operationId), operation.operationId).not.toContain('sts:AssumeRole');
    }
    const [createInput] = Object.entries(
      synthesized.coordinatorTemplate.findResources('AWS::Lambda::Function'),
    ).filter(([id]) => id.startsWith('OperationscreateInput'));
    expect(Object.keys(createInput?.[1].Properties.Environment.Variables)).toEqual(
      expect.arrayContaining(['SERVER_A_INPUT_BUCKET', 'SERVER_A_ACCESS_ROLE_ARN', 'SERVER_B_INPUT_BUCKET']),
    );
  });

  it('gives completeInput no access of its own to input shares: they lie in the servers’ buckets', () => {
    expect(businessActions('completeInput')).toEqual([
      ...TABLE_WRITES,
      'states:SendTaskFailure',
      'states:SendTaskHeartbeat',
      'states:SendTaskSuccess',
      'sts:AssumeRole',
    ]);
  });

  it('lets getResult presign downloads of result shares only', () => {
    const statements = roleStatements('getResult');
    expect(resourcesFor(statements, 's3:GetObject')).toEqual([
      expect.stringMatching(/^<StorageResults\w+\.Arn>\/results\/A\/\*\/\*\.share$/),
      expect.stringMatching(/^<StorageResults\w+\.Arn>\/results\/B\/\*\/\*\.share$/),
    ]);
    expect(businessActions('getResult')).toContain('kms:Decrypt');
  });

  it('starts executions of the collaboration state machine only; nothing in the API stops one', () => {
    expect(resourcesFor(roleStatements('createCollaboration'), 'states:StartExecution')).toEqual([
      'arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:stateMachine:mpc-dev-collaboration',
    ]);
    for (const operation of operations)
      expect(businessActions(operation.operationId), operation.operationId).not.toContain(
        'states:StopExecution',
      );
    const starters = operations.filter((o) =>
      businessActions(o.operationId).includes('states:StartExecution'),
    );
    expect(starters.map((o) => o.operationId)).toEqual(['createCollaboration']);
  });

  it('configures every function from the deployment', () => {
    for (const fn of Object.values(synthesized.coordinatorTemplate.findResources('AWS::Lambda::Function'))) {
      const variables = fn.Properties.Environment.Variables as Record<string, unknown>;
      expect(Object.keys(variables)).toEqual(
        expect.arrayContaining([
          'TABLE_NAME',
          'INPUT_BUCKET',
          'RESULT_BUCKET',
          'UPLOAD_URL_EXPIRY_MINUTES',
          'MAX_SHARE_BYTES',
          'MPC_SERVER_KEYS',
          'STATE_MACHINE_ARN',
          'EVENT_BUS_NAME',
        ]),
      );
    }
  });
});

describe('data and storage', () => {
  it('mirrors the shared table definition, with PITR and TTL', () => {
    synthesized.coordinatorTemplate.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TableName: 'mpc-dev-collaborations',
      KeySchema: [
        { AttributeName: PARTITION_KEY, KeyType: 'HASH' },
        { AttributeName: SORT_KEY, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: Match.arrayWith(
        [STATUS_INDEX, MEMBER_INDEX].map((index) =>
          Match.objectLike({
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
          }),
        ),
      ),
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: false,
        }),
      ],
    });
  });

  it('encrypts both share buckets with the customer key and a bucket key, and blocks public access', () => {
    const buckets = synthesized.coordinatorTemplate.findResources('AWS::S3::Bucket', {
      Properties: {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [Match.objectLike({ BucketKeyEnabled: true })],
        },
      },
    });
    expect(Object.keys(buckets).sort()).toEqual([
      expect.stringMatching(/^StorageInputs/),
      expect.stringMatching(/^StorageResults/),
    ]);
    for (const bucket of Object.values(buckets)) {
      expect(
        bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault,
      ).toEqual({
        SSEAlgorithm: 'aws:kms',
        KMSMasterKeyID: { 'Fn::GetAtt': [expect.stringMatching(/^StorageShareKey/), 'Arn'] },
      });
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.OwnershipControls).toEqual({
        Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }],
      });
      expect(bucket.Properties.LifecycleConfiguration.Rules).toEqual([
        expect.objectContaining({ ExpirationInDays: 30, Status: 'Enabled' }),
      ]);
      expect(bucket.Properties.CorsConfiguration).toBeUndefined();
    }
    synthesized.coordinatorTemplate.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      Description: 'MPC dev: share buckets',
    });
  });

  it('denies every request without TLS 1.2 on every bucket', () => {
    const policies = Object.values(synthesized.coordinatorTemplate.findResources('AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(3);
    for (const policy of policies) {
      const statements = policy.Properties.PolicyDocument.Statement as Record<string, unknown>[];
      expect(statements).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Effect: 'Deny',
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          expect.objectContaining({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } },
          }),
        ]),
      );
      // Nothing but the TLS denials and S3's own log delivery: access is granted to roles, not in bucket policies.
      for (const statement of statements.filter((s) => s.Effect === 'Allow')) {
        expect(statement.Principal).toEqual({ Service: 'logging.s3.amazonaws.com' });
      }
    }
  });
});

describe('cancel', () => {
  it('lets cancel only change the status and release the input wait: no operation deletes shares or publishes', () => {
    for (const operation of operations) {
      expect(businessActions(operation.operationId), operation.operationId).not.toContain('s3:DeleteObject');
    }
    expect(businessActions('cancelCollaboration')).toEqual([
      ...TABLE_WRITES,
      'states:SendTaskFailure',
      'states:SendTaskHeartbeat',
      'states:SendTaskSuccess',
    ]);
  });
});

describe('timeouts', () => {
  it('keeps every operation short: none waits for a webhook endpoint', () => {
    const functions = synthesized.coordinatorTemplate.findResources('AWS::Lambda::Function');
    for (const [id, fn] of Object.entries(functions)) {
      expect(fn.Properties.Timeout, id).toBe(10);
    }
  });
});

describe('notifications', () => {
  it('copies every status event into the audit log, dead-lettering what it cannot deliver', () => {
    const template = synthesized.coordinatorTemplate;
    const [rule] = Object.values(template.findResources('AWS::Events::Rule'));
    expect(rule?.Properties.EventBusName).toEqual({ Ref: expect.stringMatching(/^NotificationsBus/) });
    expect(rule?.Properties.Targets).toEqual([
      expect.objectContaining({
        Arn: expect.objectContaining({ 'Fn::Join': expect.anything() }),
        DeadLetterConfig: {
          Arn: { 'Fn::GetAtt': [expect.stringMatching(/^NotificationsDeadLetters/), 'Arn'] },
        },
        RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 3600 },
      }),
    ]);
    expect(render(rule?.Properties.Targets[0].Arn)).toMatch(/:log-group:<NotificationsStatusAuditLog\w+>$/);
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'sqs:SendMessage', Principal: { Service: 'events.amazonaws.com' } }),
        ]),
      },
    });
  });
});

describe('alarms', () => {
  it('alarms on failed computations, failed executions, API 5xx and dead-lettered notifications', () => {
    const alarms = Object.values(synthesized.coordinatorTemplate.findResources('AWS::CloudWatch::Alarm'));
    expect(
      alarms.map((alarm) => `${alarm.Properties.Namespace}/${alarm.Properties.MetricName}`).sort(),
    ).toEqual([
      'AWS/ApiGateway/5xx',
      'AWS/SQS/ApproximateNumberOfMessagesVisible',
      'AWS/States/ExecutionsFailed',
      'MpcCoordination/collaborationsFailed',
    ]);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });

  it('watches the failed-computation metric with the dimensions the MarkFailed step emits', async () => {
    const emitted: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) =>
      emitted.push(String(chunk)) > 0) as typeof process.stdout.write;
    try {
      const metrics = createWorkflowMetrics({
        POWERTOOLS_SERVICE_NAME: WORKFLOW_SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_METRICS_DISABLED: 'false',
      });
      // Published when the invocation ends, as the step's handler does.
      await middy()
        .use(metrics.middlewares)
        .handler(async () => metrics.record('MarkFailed', 'ok', 12, { status: 'FAILED' }))({}, {} as Context);
    } finally {
      process.stdout.write = write;
    }
    const emf = emitted.map((line) => JSON.parse(line) as Record<string, unknown>);
    const failed = emf.find((record) => 'collaborationsFailed' in record) as Record<string, unknown>;
    const alarm = Object.values(synthesized.coordinatorTemplate.findResources('AWS::CloudWatch::Alarm')).find(
      (candidate) => candidate.Properties.MetricName === 'collaborationsFailed',
    );
    const dimensions = (alarm?.Properties.Dimensions as { Name: string; Value: string }[]) ?? [];
    expect(dimensions.length).toBeGreaterThan(0);
    for (const { Name, Value } of dimensions) expect(failed[Name], Name).toBe(Value);
    const directive = (failed._aws as { CloudWatchMetrics: { Namespace: string; Dimensions: string[][] }[] })
      .CloudWatchMetrics[0];
    expect(directive?.Namespace).toBe(alarm?.Properties.Namespace);
    expect([...(directive?.Dimensions[0] ?? [])].sort()).toEqual(dimensions.map((d) => d.Name).sort());
  });
});
