/**
 * Collects the process's unhandled promise rejections while a test runs, so that it can assert there were
 * none (vitest would report them after the fact, against whichever test ran last). `stop()` in a finally.
 */
export function captureUnhandledRejections(): { reasons: unknown[]; stop(): void } {
  const reasons: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    reasons.push(reason);
  };
  process.on('unhandledRejection', onUnhandled);
  return { reasons, stop: () => process.off('unhandledRejection', onUnhandled) };
}
