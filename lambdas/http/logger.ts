import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { ConstructorOptions, LogAttributes } from '@aws-lambda-powertools/logger/types';
import type { Context } from 'aws-lambda';

/**
 * Powertools' Logger, with a child per invocation. A child carries the invocation's keys and its own Lambda
 * context, so that concurrent invocations in the local runtime keep theirs apart (the parent holds the
 * latest invocation's). Powertools would compute `cold_start` again for each child, from the child's own
 * first use, which is always true: a child takes the parent's instead.
 */
class InvocationLogger extends Logger {
  /** The cold start the last `addContext` logged, handed to children. */
  #coldStart = false;
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
    this.#coldStart = this.#inheritedColdStart ?? super.getColdStart();
    return this.#coldStart;
  }

  forInvocation(context: Context, keys: LogAttributes): Logger {
    const child = this.createChild({ persistentKeys: keys });
    child.addContext({ ...context, coldStart: this.#coldStart });
    return child;
  }
}

/** One Powertools logger per container; each invocation logs through a child of it. */
const logger = new InvocationLogger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'mpc-coordinator',
});

/** A logger for one invocation: `keys` on every line, with that invocation's Lambda context. */
export function invocationLogger(context: Context, keys: LogAttributes): Logger {
  return logger.forInvocation(context, keys);
}

/**
 * Middy middleware, used first: every line of the invocation carries the Lambda context (cold_start,
 * function_name, function_request_id; xray_trace_id when Lambda passes a trace header). The event is never
 * logged, whatever POWERTOOLS_LOGGER_LOG_EVENT says: API events carry bearer tokens, step payloads task tokens.
 */
export function lambdaContextLogging(): ReturnType<typeof injectLambdaContext> {
  return injectLambdaContext(logger, { logEvent: false });
}
