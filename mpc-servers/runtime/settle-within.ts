/**
 * Waits for `promise` at most `ms`, ignoring how it settles: for last writes (a FAILED report) that must not
 * keep a failing process from ending when the store itself hangs. Leaves no timer behind.
 */
export async function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const elapsed = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  try {
    await Promise.race([promise.then(noop, noop), elapsed]);
  } finally {
    clearTimeout(timer);
  }
}

function noop(): void {}
