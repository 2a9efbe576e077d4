import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { ConstructorOptions } from '@aws-lambda-powertools/logger/types';

/**
 * Powertools' Logger whose children report the invocation's cold start. Each request logs through a child
 * carrying its keys (so that concurrent requests of the local runtime do not share them); a child takes its
 * parent's Lambda context, but Powertools would compute `cold_start` again from the child's own first use,
 * which is always true.
 */
class InvocationLogger extends Logger {
  #inheritedColdStart: boolean | undefined;

  protected override createLogger(options?: ConstructorOptions): Logger {
    return new InvocationLogger(options);
  }

  override addContext(context: Parameters<Logger['addContext']>[0]): void {
    this.#inheritedColdStart = 'coldStart' in context ? context.coldStart : undefined;
    try {
      super.addContext(context);
    } finally {
      this.#inheritedColdStart = undefined;
    }
  }

  protected override getColdStart(): boolean {
    return this.#inheritedColdStart ?? super.getColdStart();
  }
}

/** One Powertools logger per container; each request logs through a child carrying its keys. */
export const logger: Logger = new InvocationLogger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'mpc-coordinator',
});

/**
 * Middy middleware, used first: every line of the invocation carries the Lambda context (cold_start,
 * function_name, function_request_id; xray_trace_id when Lambda passes a trace header). The event is never
 * logged, whatever POWERTOOLS_LOGGER_LOG_EVENT says: API events carry bearer tokens, step payloads task tokens.
 */
export function lambdaContextLogging(): ReturnType<typeof injectLambdaContext> {
  return injectLambdaContext(logger, { logEvent: false });
}
