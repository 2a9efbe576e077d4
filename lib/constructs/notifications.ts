import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { resourceName, type DeploymentConfig } from '../config/deployment-config.ts';
import { retentionDays } from '../config/log-retention.ts';
import { removalPolicyFor } from '../config/removal-policy.ts';
import { serviceWriterKey } from './service-writer-key.ts';

export interface NotificationsProps {
  readonly config: DeploymentConfig;
}

/**
 * The event bus with one event per collaboration status change, an audit log of those events (a rule that
 * copies every event into CloudWatch Logs), and the dead-letter queue that keeps events the rule could not
 * deliver after its retries, so none is lost silently; its depth is alarmed on.
 */
export class Notifications extends Construct {
  readonly eventBus: events.EventBus;
  readonly deadLetterQueue: sqs.Queue;
  readonly auditLog: logs.LogGroup;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    const { config } = props;
    this.eventBus = new events.EventBus(this, 'Bus', {
      eventBusName: resourceName(config, 'collaborations'),
    });

    // EventBridge writes dead letters into the encrypted queue.
    const queueKey = serviceWriterKey(this, 'QueueKey', {
      description: `MPC ${config.environmentName}: notification dead-letter queue`,
      servicePrincipal: 'events.amazonaws.com',
    });
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: queueKey,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    NagSuppressions.addResourceSuppressions(this.deadLetterQueue, [
      { id: 'AwsSolutions-SQS3', reason: 'This queue is the dead-letter queue; its depth is alarmed on.' },
    ]);

    this.auditLog = new logs.LogGroup(this, 'StatusAuditLog', {
      logGroupName: `/aws/events/${resourceName(config, 'status-changes')}`,
      retention: retentionDays(config.logRetentionDays),
      removalPolicy: removalPolicyFor(config),
    });
    this.copyEventsToAuditLog();
  }

  private copyEventsToAuditLog(): void {
    const stack = Stack.of(this);
    // EventBridge names the group without the `:*` suffix of its CloudFormation Arn attribute.
    const auditLogArn = stack.formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: this.auditLog.logGroupName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    const deadLetterQueue = this.deadLetterQueue;
    const rule = new events.Rule(this, 'AllStatusChanges', {
      eventBus: this.eventBus,
      eventPattern: { account: [stack.account] },
      targets: [
        {
          bind: () => ({
            arn: auditLogArn,
            deadLetterConfig: { arn: deadLetterQueue.queueArn },
            retryPolicy: { maximumRetryAttempts: 10, maximumEventAgeInSeconds: 3600 },
          }),
        },
      ],
    });
    // An account-level policy written directly (not the custom resource aws-events-targets would add).
    new logs.ResourcePolicy(this, 'AuditLogDelivery', {
      policyStatements: [
        new iam.PolicyStatement({
          principals: [
            new iam.ServicePrincipal('events.amazonaws.com'),
            new iam.ServicePrincipal('delivery.logs.amazonaws.com'),
          ],
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [this.auditLog.logGroupArn],
          conditions: { ArnEquals: { 'aws:SourceArn': rule.ruleArn } },
        }),
      ],
    });
    deadLetterQueue.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('events.amazonaws.com')],
        actions: ['sqs:SendMessage'],
        resources: [deadLetterQueue.queueArn],
        conditions: { ArnEquals: { 'aws:SourceArn': rule.ruleArn } },
      }),
    );
  }
}
