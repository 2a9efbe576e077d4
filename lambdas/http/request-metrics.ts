import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Environment } from '../environment-settings.ts';

export const DEFAULT_METRICS_NAMESPACE = 'MpcCoordinator';

export interface RequestMetrics {
  /** One request answered: a count by operation and outcome class (2xx, 4xx, 5xx) and its latency. */
  record(operationId: string, statusCode: number, latencyMs: number): void;
}

const truthy = (value: string) => ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());

/**
 * POWERTOOLS_METRICS_DISABLED decides when set, as Powertools documents. Otherwise metrics are on in Lambda
 * only (and not in Powertools dev mode): elsewhere nobody collects EMF from stdout, and npm start keeps
 * stdout for its three lines, the tests for their reports.
 */
export function metricsEnabled(env: Environment): boolean {
  if (env.POWERTOOLS_METRICS_DISABLED !== undefined) return !truthy(env.POWERTOOLS_METRICS_DISABLED);
  return env.AWS_LAMBDA_FUNCTION_NAME !== undefined && !truthy(env.POWERTOOLS_DEV ?? '');
}

/** Powertools Metrics as CloudWatch EMF, flushed per invocation. */
export function createRequestMetrics(env: Environment = process.env): RequestMetrics {
  if (!metricsEnabled(env)) return { record: () => {} };
  const metrics = new Metrics({
    namespace: env.POWERTOOLS_METRICS_NAMESPACE || DEFAULT_METRICS_NAMESPACE,
    serviceName: env.POWERTOOLS_SERVICE_NAME || 'mpc-coordinator',
  });
  return {
    record(operationId, statusCode, latencyMs) {
      metrics.addDimensions({ operation: operationId, outcome: outcomeClass(statusCode) });
      metrics.addMetric('requests', MetricUnit.Count, 1);
      metrics.addMetric('latency', MetricUnit.Milliseconds, latencyMs);
      metrics.publishStoredMetrics();
    },
  };
}

export function outcomeClass(statusCode: number): string {
  return `${Math.floor(statusCode / 100)}xx`;
}

let shared: RequestMetrics | undefined;

/** The container's metrics, made on first use so that importing a handler reads no environment. */
export function requestMetrics(): RequestMetrics {
  shared ??= createRequestMetrics();
  return shared;
}
