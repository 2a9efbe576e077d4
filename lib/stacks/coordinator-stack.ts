import { CfnOutput, Stack, type Environment, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { Party } from '../../contract/party.ts';
import type { ApiOperation } from '../api/openapi-operations.ts';
import type { DeploymentConfig } from '../config/deployment-config.ts';
import { domainNames, serverDomainRefs, type ServerDomainRefs } from '../config/domain-names.ts';
import { PARTIES } from '../constructs/share-object-patterns.ts';
import { grantServerDomains } from '../constructs/server-domain-grants.ts';
import { CollaborationData } from '../constructs/collaboration-data.ts';
import { CoordinatorApi } from '../constructs/coordinator-api.ts';
import { Monitoring } from '../constructs/monitoring.ts';
import { Notifications } from '../constructs/notifications.ts';
import { OperationFunctions } from '../constructs/operation-functions.ts';
import { ShareStorage } from '../constructs/share-storage.ts';
import { workflowIdentity, type WorkflowIdentity } from '../constructs/workflow-identity.ts';

export interface CoordinatorStackProps extends StackProps {
  readonly config: DeploymentConfig;
  /** The operations of `openapi.yml`. */
  readonly operations: readonly ApiOperation[];
  /** Handler module of an operation; defaults to `lambdas/handlers/<operation-id>.ts`. */
  readonly handlerEntry?: (operationId: string) => string;
  /** The CLI's account and region, which a domain without its own configured one takes. */
  readonly fallbackEnv?: Environment;
  /** Servers in another account than this one: granted by resource policies here. */
  readonly remoteServers?: readonly Party[];
}

/** The serverless coordinator: API, functions, table, share buckets, event bus and alarms. */
export class CoordinatorStack extends Stack {
  readonly data: CollaborationData;
  readonly storage: ShareStorage;
  readonly notifications: Notifications;
  readonly functions: OperationFunctions;
  readonly api: CoordinatorApi;
  readonly monitoring: Monitoring;
  readonly workflow: WorkflowIdentity;
  /** Servers A and B as this stack names them (domain-names.ts). */
  readonly servers: readonly ServerDomainRefs[];

  constructor(scope: Construct, id: string, props: CoordinatorStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.workflow = workflowIdentity(this, config);
    this.data = new CollaborationData(this, 'Data', { config });
    this.servers = PARTIES.map((party) => serverDomainRefs(this, config, party, props.fallbackEnv));
    const remote = this.servers.filter((server) => props.remoteServers?.includes(server.party));
    const named = remote.length > 0 && props.env?.account && props.env.region;
    this.storage = new ShareStorage(this, 'Storage', {
      config,
      ...(named
        ? {
            bucketNames: {
              inputs: domainNames.coordinatorBucket(config, 'jobs', {
                account: this.account,
                region: this.region,
              }),
              results: domainNames.coordinatorBucket(config, 'results', {
                account: this.account,
                region: this.region,
              }),
            },
          }
        : {}),
    });
    if (remote.length > 0) {
      if (!named)
        throw new Error('Servers in other accounts need the coordinator account and region configured');
      grantServerDomains({
        table: this.data.table,
        inputBucket: this.storage.inputBucket,
        resultBucket: this.storage.resultBucket,
        shareKey: this.storage.key,
        servers: remote,
      });
    }
    this.notifications = new Notifications(this, 'Notifications', { config });
    this.functions = new OperationFunctions(this, 'Operations', {
      config,
      operations: props.operations,
      handlerEntry: props.handlerEntry,
      table: this.data.table,
      inputBucket: this.storage.inputBucket,
      resultBucket: this.storage.resultBucket,
      shareKey: this.storage.key,
      eventBus: this.notifications.eventBus,
      workflow: this.workflow,
      servers: this.servers,
    });
    this.api = new CoordinatorApi(this, 'Api', {
      config,
      operations: props.operations,
      functions: this.functions.byOperationId,
    });
    this.monitoring = new Monitoring(this, 'Monitoring', {
      config,
      httpApi: this.api.httpApi,
      stateMachineArn: this.workflow.stateMachineArn,
      deadLetterQueue: this.notifications.deadLetterQueue,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.httpApi.apiEndpoint });
    new CfnOutput(this, 'TokenUrl', { value: this.api.tokenUrl });
    new CfnOutput(this, 'UserPoolId', { value: this.api.userPool.userPoolId });
    new CfnOutput(this, 'ClientIds', {
      value: this.api.appClients.map((client) => client.userPoolClientId).join(','),
    });
  }
}
