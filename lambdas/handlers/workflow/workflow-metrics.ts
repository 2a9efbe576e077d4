import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Environment } from '../../environment-settings.ts';
import { createMetrics, metricsEnabled } from '../../http/request-metrics.ts';

export interface WorkflowMetrics {
  /**
   * One step run: count and duration by step and outcome, plus what the answer says went wrong. Added to the
   * invocation's metrics, which `middlewares` publishes.
   */
  record(step: string, outcome: 'ok' | 'error', durationMs: number, result?: unknown): void;
  /** Powertools' logMetrics: publishes once when the invocation ends, ColdStart on a container's first. */
  readonly middlewares: ReturnType<typeof logMetrics>[];
}

/** Failed webhook deliveries in a step's answer (`{ failed }` or `{ notified: { failed } }`). */
export function failedDeliveries(result: unknown): number {
  const answer = result as { failed?: unknown; notified?: { failed?: unknown } } | undefined;
  const failed = answer?.notified?.failed ?? answer?.failed;
  return typeof failed === 'number' ? failed : 0;
}

/**
 * CloudWatch EMF through Powertools, on and off as for the API functions (metricsEnabled): on in Lambda
 * unless POWERTOOLS_METRICS_DISABLED says otherwise, off elsewhere so that stdout stays clean. Alarm-worthy
 * counts: attemptsFailed, collaborationsFailed, webhookDeliveriesFailed.
 */
export function createWorkflowMetrics(env: Environment = process.env): WorkflowMetrics {
  if (!metricsEnabled(env)) return { record: () => {}, middlewares: [] };
  const metrics = createMetrics(env, 'mpc-workflow');
  return {
    middlewares: [logMetrics(metrics, { captureColdStartMetric: true })],
    record(step, outcome, durationMs, result) {
      metrics.addDimensions({ step, outcome });
      metrics.addMetric('workflowSteps', MetricUnit.Count, 1);
      metrics.addMetric('workflowStepDuration', MetricUnit.Milliseconds, durationMs);
      if (outcome === 'ok' && step === 'RecordAttemptFailure')
        metrics.addMetric('attemptsFailed', MetricUnit.Count, 1);
      // Only a collaboration MarkFailed did fail: not one it found cancelled or already past its result.
      if (outcome === 'ok' && step === 'MarkFailed' && (result as { status?: string })?.status === 'FAILED')
        metrics.addMetric('collaborationsFailed', MetricUnit.Count, 1);
      const failed = failedDeliveries(result);
      if (failed > 0) metrics.addMetric('webhookDeliveriesFailed', MetricUnit.Count, failed);
    },
  };
}

let shared: WorkflowMetrics | undefined;

export function workflowMetrics(): WorkflowMetrics {
  shared ??= createWorkflowMetrics();
  return shared;
}
