/**
 * Retries `probe` until it resolves or `timeoutMs` passes; rethrows the last error on timeout, or the
 * reason of `signal` once it is aborted (no point waiting for a process that could not start).
 */
export async function waitFor(
  probe: () => Promise<unknown>,
  timeoutMs: number,
  intervalMs = 100,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await probe();
      return;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
