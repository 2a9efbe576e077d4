import { Duration } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { accessProfile } from '../access/function-access.ts';
import { OPERATION_ACCESS } from '../access/operation-access.ts';
import type { ApiOperation } from '../api/openapi-operations.ts';
import type { DeploymentConfig } from '../config/deployment-config.ts';
import { retentionDays } from '../config/log-retention.ts';
import { API_SERVICE_NAME, METRICS_NAMESPACE } from '../config/metrics-names.ts';
import { repoPaths } from '../config/repo-paths.ts';
import { grantFunctionAccess, type AccessibleResources } from './function-access-grants.ts';
import { LambdaFunction } from './lambda-function.ts';
import { removalPolicyFor } from '../config/removal-policy.ts';
import { serverDomainEnvironment } from '../config/domain-names.ts';

export interface OperationFunctionsProps extends AccessibleResources {
  readonly config: DeploymentConfig;
  readonly operations: readonly ApiOperation[];
  /** Handler module of an operation; defaults to `lambdas/handlers/<operation-id>.ts`. */
  readonly handlerEntry?: (operationId: string) => string;
}

/**
 * One function per API operation, each with a role holding exactly its operation's access profile, and 10 s:
 * none waits for a participant's endpoint (cancel leaves its webhooks to the workflow).
 */
export class OperationFunctions extends Construct {
  readonly byOperationId: ReadonlyMap<string, lambda.IFunction>;
  readonly roles: ReadonlyMap<string, iam.Role>;

  constructor(scope: Construct, id: string, props: OperationFunctionsProps) {
    super(scope, id);
    const { config } = props;
    const environment = {
      TABLE_NAME: props.table.tableName,
      INPUT_BUCKET: props.inputBucket.bucketName,
      RESULT_BUCKET: props.resultBucket.bucketName,
      UPLOAD_URL_EXPIRY_MINUTES: String(config.uploadUrlExpiryMinutes),
      MAX_SHARE_BYTES: String(config.maxShareBytes),
      MPC_SERVER_KEYS: config.serverPublicKeysJson,
      STATE_MACHINE_ARN: props.workflow.stateMachineArn,
      EVENT_BUS_NAME: props.eventBus.eventBusName,
      ...serverDomainEnvironment(props.servers),
      POWERTOOLS_SERVICE_NAME: API_SERVICE_NAME,
      POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
    };
    const functions = new Map<string, lambda.IFunction>();
    const roles = new Map<string, iam.Role>();
    for (const operation of props.operations) {
      const built = new LambdaFunction(this, operation.operationId, {
        entry: (props.handlerEntry ?? repoPaths.operationHandler)(operation.operationId),
        environment,
        logRetention: retentionDays(config.logRetentionDays),
        removalPolicy: removalPolicyFor(config),
        timeout: Duration.seconds(10),
      });
      grantFunctionAccess(
        this,
        operation.operationId,
        built.role,
        accessProfile(OPERATION_ACCESS, operation.operationId, 'lib/access/operation-access.ts'),
        props,
      );
      functions.set(operation.operationId, built.function);
      roles.set(operation.operationId, built.role);
    }
    this.byOperationId = functions;
    this.roles = roles;
  }
}
