import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

type Environment = Record<string, string | undefined>;

export const DEFAULT_METRICS_NAMESPACE = 'MpcCoordinator';

export interface RequestMetrics {
  /** One request answered: a count by operation and outcome class (2xx, 4xx, 5xx) and its latency. */
  record(operationId: string, statusCode: number, latencyMs: number): void;
}

/**
 * Powertools Metrics as CloudWatch EMF, flushed per invocation. Outside Lambda nobody collects EMF from
 * stdout (npm start keeps stdout for its three lines, tests for their reports), so there the metrics are off
 * unless POWERTOOLS_METRICS_DISABLED is set, which then decides as Powertools documents.
 */
export function createRequestMetrics(env: Environment = process.env): RequestMetrics {
  const wanted = env.POWERTOOLS_METRICS_DISABLED !== undefined || env.AWS_LAMBDA_FUNCTION_NAME !== undefined;
  if (!wanted) return { record: () => {} };
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
