import { Duration, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import type { ApiOperation } from '../api/openapi-operations.ts';
import { resourceName, type DeploymentConfig } from '../config/deployment-config.ts';
import { retentionDays } from '../config/log-retention.ts';
import { removalPolicyFor } from '../config/removal-policy.ts';

export interface CoordinatorApiProps {
  readonly config: DeploymentConfig;
  readonly operations: readonly ApiOperation[];
  readonly functions: ReadonlyMap<string, lambda.IFunction>;
}

/** The scope every client-credentials token must carry to call the API. */
export const API_RESOURCE_SERVER = 'mpc';
export const API_SCOPE = 'collaborate';

/**
 * HTTP API whose routes are the operations of `openapi.yml`, behind a JWT authorizer backed by a Cognito user
 * pool that has no users, only client-credentials app clients: one per participating service.
 */
export class CoordinatorApi extends Construct {
  readonly httpApi: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly userPool: cognito.UserPool;
  readonly appClients: cognito.UserPoolClient[];
  readonly tokenDomain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: CoordinatorApiProps) {
    super(scope, id);
    const { config } = props;
    const removalPolicy = removalPolicyFor(config);

    this.userPool = new cognito.UserPool(this, 'Clients', {
      userPoolName: resourceName(config, 'clients'),
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
      },
      mfa: cognito.Mfa.OFF,
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      deletionProtection: config.isProduction,
      removalPolicy,
    });
    NagSuppressions.addResourceSuppressions(this.userPool, [
      {
        id: 'AwsSolutions-COG2',
        reason: 'The pool has no human users: only machine clients with client credentials.',
      },
      {
        id: 'AwsSolutions-COG3',
        reason: 'Threat protection scores user sign-ins; client-credentials grants have none to score.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'The Plus plan only adds threat protection for user sign-ins, which machine clients never do.',
      },
    ]);
    const collaborateScope = new cognito.ResourceServerScope({
      scopeName: API_SCOPE,
      scopeDescription: 'Take part in collaborations',
    });
    const resourceServer = this.userPool.addResourceServer('ResourceServer', {
      identifier: API_RESOURCE_SERVER,
      scopes: [collaborateScope],
    });
    this.tokenDomain = this.userPool.addDomain('TokenDomain', {
      cognitoDomain: { domainPrefix: `mpc-${config.environmentName}-${Stack.of(this).account}` },
    });
    this.appClients = config.clientApps.map((name) =>
      this.userPool.addClient(`Client-${name}`, {
        userPoolClientName: name,
        generateSecret: true,
        authFlows: {},
        oAuth: {
          flows: { clientCredentials: true },
          scopes: [cognito.OAuthScope.resourceServer(resourceServer, collaborateScope)],
        },
        accessTokenValidity: Duration.hours(1),
        enableTokenRevocation: true,
      }),
    );

    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      apiName: resourceName(config, 'api'),
      createDefaultStage: false,
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: retentionDays(config.logRetentionDays),
      removalPolicy,
    });
    this.stage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: config.apiRateLimit, burstLimit: config.apiBurstLimit },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: apigw.AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            clientId: '$context.authorizer.claims.client_id',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            requestTime: '$context.requestTime',
          }),
        ),
      },
    });

    const authorizer = new HttpUserPoolAuthorizer('ClientCredentials', this.userPool, {
      userPoolClients: this.appClients,
    });
    for (const operation of props.operations) {
      const handler = props.functions.get(operation.operationId);
      if (!handler) throw new Error(`No function for operation ${operation.operationId}`);
      const [route] = this.httpApi.addRoutes({
        path: operation.path,
        methods: [apigwv2.HttpMethod[operation.method]],
        integration: new HttpLambdaIntegration(`${operation.operationId}Integration`, handler),
        ...(operation.requiresAuth
          ? { authorizer, authorizationScopes: [`${API_RESOURCE_SERVER}/${API_SCOPE}`, ...operation.scopes] }
          : { authorizer: new apigwv2.HttpNoneAuthorizer() }),
      });
      if (!operation.requiresAuth && route) {
        NagSuppressions.addResourceSuppressions(route, [
          {
            id: 'AwsSolutions-APIG4',
            reason: `${operation.operationId} is public by the OpenAPI contract (security: []).`,
          },
        ]);
      }
    }
  }

  /** The OAuth2 token endpoint client apps call with their client id and secret. */
  get tokenUrl(): string {
    return `${this.tokenDomain.baseUrl()}/oauth2/token`;
  }
}
