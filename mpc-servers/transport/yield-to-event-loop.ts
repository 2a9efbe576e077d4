/**
 * Resolves after the event loop has had a turn (its poll phase: accepts, reads, write completions). A loop
 * of CPU work whose awaits resolve at once (microtasks only) would otherwise starve every socket.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
