import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { resourceName, type DeploymentConfig } from '../config/deployment-config.ts';

export interface NotificationsProps {
  readonly config: DeploymentConfig;
}

/**
 * The event bus that carries one event per collaboration status change, and the dead-letter queue that keeps
 * notifications (event targets, webhook deliveries) that failed every retry, so none is lost silently.
 */
export class Notifications extends Construct {
  readonly eventBus: events.EventBus;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    const { config } = props;
    this.eventBus = new events.EventBus(this, 'Bus', {
      eventBusName: resourceName(config, 'collaborations'),
    });

    const queueKey = new kms.Key(this, 'QueueKey', {
      description: `MPC ${config.environmentName}: notification dead-letter queue`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
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
  }
}
