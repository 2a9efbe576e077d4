import { randomUUID } from 'node:crypto';

interface PendingWait {
  owner: string;
  resolve(output: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * The local stand-in for Step Functions' task tokens: a `.waitForTaskToken` state registers a token and
 * waits; SendTaskSuccess resolves it. Like AWS, a token is single-use and dies with its state's timeout.
 */
export class TaskTokenRegistry {
  private readonly pending = new Map<string, PendingWait>();

  /** A new token and the promise of its output; `timeoutMs` only forgets it (the interpreter times the state). */
  register(owner: string, timeoutMs: number): { taskToken: string; output: Promise<unknown> } {
    const taskToken = `local-task-token-${randomUUID()}`;
    const output = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => this.pending.delete(taskToken), timeoutMs);
      timer.unref();
      this.pending.set(taskToken, { owner, resolve, reject, timer });
    });
    // The wait may end (timeOut, failAll) while its state is still handing the token out and not yet
    // awaiting: that rejection is handled when it does await, and must not count as unhandled before.
    output.catch(() => undefined);
    return { taskToken, output };
  }

  /** False for an unknown, used or timed-out token (AWS: TaskTimedOut / InvalidToken). */
  succeed(taskToken: string, output: unknown): boolean {
    const wait = this.take(taskToken);
    wait?.resolve(output);
    return wait !== undefined;
  }

  fail(taskToken: string, error: Error): boolean {
    const wait = this.take(taskToken);
    wait?.reject(error);
    return wait !== undefined;
  }

  /** Forgets one token whose state failed before it could be sent: AWS no longer accepts it either. */
  discard(taskToken: string): void {
    this.take(taskToken);
  }

  /** Forgets the open waits of one execution (it ended: its tokens die with it). */
  forget(owner: string): void {
    for (const [taskToken, wait] of [...this.pending]) if (wait.owner === owner) this.take(taskToken);
  }

  /**
   * Ends the open waits of one execution as their state's timeout would (error `States.Timeout`); how many.
   */
  timeOut(owner: string): number {
    const waits = [...this.pending].filter(([, wait]) => wait.owner === owner);
    for (const [taskToken] of waits)
      this.fail(taskToken, Object.assign(new Error('States.Timeout'), { name: 'States.Timeout' }));
    return waits.length;
  }

  /** Rejects every open wait (the runtime stops). */
  failAll(error: Error): void {
    for (const taskToken of [...this.pending.keys()]) this.fail(taskToken, error);
  }

  private take(taskToken: string): PendingWait | undefined {
    const wait = this.pending.get(taskToken);
    if (!wait) return undefined;
    clearTimeout(wait.timer);
    this.pending.delete(taskToken);
    return wait;
  }
}
