import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Environment } from '../environment-settings.ts';
import type { ApiEvent } from './request-state.ts';

const DEFAULT_METRICS_NAMESPACE = 'MpcCoordinator';

type Result = APIGatewayProxyStructuredResultV2;
type PublishingMiddleware = ReturnType<typeof logMetrics>;

export interface RequestMetrics {
  /**
   * Middy middlewares for one operation, used right after the logger's: each request adds a count by
   * operation and outcome class (2xx, 4xx, 5xx) and its latency, and Powertools' logMetrics publishes them
   * once when the invocation ends, with the ColdStart metric on a container's first invocation.
   */
  middlewares(operationId: string): (MiddlewareObj<ApiEvent, Result> | PublishingMiddleware)[];
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

/** One Powertools Metrics per container, writing CloudWatch EMF to stdout; `service` is a dimension. */
export function createMetrics(env: Environment, defaultServiceName: string): Metrics {
  return new Metrics({
    namespace: env.POWERTOOLS_METRICS_NAMESPACE || DEFAULT_METRICS_NAMESPACE,
    serviceName: env.POWERTOOLS_SERVICE_NAME || defaultServiceName,
  });
}

/** Powertools Metrics as CloudWatch EMF, published once per invocation by its middy middleware. */
export function createRequestMetrics(env: Environment = process.env): RequestMetrics {
  if (!metricsEnabled(env)) return { middlewares: () => [] };
  const metrics = createMetrics(env, 'mpc-coordinator');
  return {
    middlewares: (operationId) => [
      logMetrics(metrics, { captureColdStartMetric: true }),
      requestOutcome(metrics, operationId),
    ],
  };
}

/**
 * Adds the request's count and latency once its status is final: its `after` and `onError` run after the
 * request envelope's, which turns errors into problem answers; a request is counted once even when a later
 * middleware fails.
 */
function requestOutcome(metrics: Metrics, operationId: string): MiddlewareObj<ApiEvent, Result> {
  const started = new WeakMap<object, number>();
  const record = (request: object, statusCode: number) => {
    const start = started.get(request);
    if (start === undefined) return;
    started.delete(request);
    metrics.addDimensions({ operation: operationId, outcome: outcomeClass(statusCode) });
    metrics.addMetric('requests', MetricUnit.Count, 1);
    metrics.addMetric('latency', MetricUnit.Milliseconds, performance.now() - start);
  };
  return {
    before: (request) => {
      started.set(request, performance.now());
    },
    after: (request) => record(request, request.response?.statusCode ?? 200),
    onError: (request) => record(request, request.response?.statusCode ?? 500),
  };
}

function outcomeClass(statusCode: number): string {
  return `${Math.floor(statusCode / 100)}xx`;
}

let shared: RequestMetrics | undefined;

/** The container's metrics, made on first use so that importing a handler reads no environment. */
export function requestMetrics(): RequestMetrics {
  shared ??= createRequestMetrics();
  return shared;
}
