/**
 * Socket timeouts for every AWS SDK client of ours. The SDK waits forever on a silent socket by default; a
 * dealer or server stuck on one would hold its job until the workflow's state timeout, and a Lambda its
 * invocation until the function's timeout. With these a stalled request fails (and the SDK retries it)
 * instead. `requestTimeout` is an idle timeout, so a long streamed download that keeps receiving data is not
 * cut.
 */
export const SDK_SOCKET_TIMEOUTS = {
  requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
} as const;
