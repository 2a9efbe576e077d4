import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';
import type { DeploymentConfig } from '../config/deployment-config.ts';
import { METRICS_NAMESPACE, WORKFLOW_SERVICE_NAME } from '../config/metrics-names.ts';
import { serviceWriterKey } from './service-writer-key.ts';

export interface MonitoringProps {
  readonly config: DeploymentConfig;
  readonly httpApi: apigwv2.IHttpApi;
  /** ARN of the collaboration state machine; known by name, so the alarm exists before the workflow does. */
  readonly stateMachineArn: string;
  readonly deadLetterQueue: sqs.IQueue;
}

/**
 * Alarms an operator must act on: failed computations (at once, while the inputs are still there), failed
 * workflow executions (the workflow itself broke: a FAILED collaboration's execution ends in a Succeed state),
 * API 5xx, dead-lettered notifications.
 */
export class Monitoring extends Construct {
  readonly alarmTopic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    // CloudWatch publishes to the encrypted topic.
    const topicKey = serviceWriterKey(this, 'TopicKey', {
      description: `MPC ${props.config.environmentName}: alarm topic`,
      servicePrincipal: 'cloudwatch.amazonaws.com',
    });
    this.alarmTopic = new sns.Topic(this, 'Alarms', { masterKey: topicKey, enforceSSL: true });
    if (props.config.alarmEmail) {
      this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.config.alarmEmail));
    }

    const failedExecutions = new cloudwatch.Metric({
      namespace: 'AWS/States',
      metricName: 'ExecutionsFailed',
      dimensionsMap: { StateMachineArn: props.stateMachineArn },
      statistic: 'Sum',
      period: Duration.minutes(5),
    });
    // Emitted by the MarkFailed step (lambdas/handlers/workflow/workflow-metrics.ts) with these dimensions.
    const failedCollaborations = new cloudwatch.Metric({
      namespace: METRICS_NAMESPACE,
      metricName: 'collaborationsFailed',
      dimensionsMap: { service: WORKFLOW_SERVICE_NAME, step: 'MarkFailed', outcome: 'ok' },
      statistic: 'Sum',
      period: Duration.minutes(5),
    });
    this.alarms = [
      this.alarm(
        'CollaborationsFailed',
        failedCollaborations,
        'A collaboration ended FAILED: every computation attempt failed (its statusReason says why).',
      ),
      this.alarm('WorkflowExecutionsFailed', failedExecutions, 'A collaboration workflow execution failed.'),
      this.alarm(
        'ApiServerErrors',
        props.httpApi.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
        'The HTTP API answered 5xx.',
      ),
      this.alarm(
        'NotificationDeadLetters',
        props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
          statistic: 'Maximum',
        }),
        'A notification failed every retry and waits in the dead-letter queue.',
      ),
    ];
  }

  private alarm(id: string, metric: cloudwatch.IMetric, description: string): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.alarmTopic));
    return alarm;
  }
}
