import { JobFailure } from './failure.ts';

/**
 * Ends a piece of work that stops making progress: each `progress(step, allowMs)` says what the work does
 * next and how long that may take; when a step overruns, `stalled` rejects with a NO_PROGRESS `JobFailure`
 * naming the step. Race the work against `stalled` (an await on a hung socket cannot be cancelled, so the
 * caller reports the failure and its process exits). `stop()` once the work settled. A step announced after
 * `stop()` throws, so work abandoned by the race (its hung call settled late) ends there instead of going on
 * with no watchdog.
 */
export class Watchdog {
  readonly stalled: Promise<never>;
  private timer: NodeJS.Timeout | undefined;
  private fire: (failure: JobFailure) => void = () => undefined;
  private stopped = false;

  constructor(private readonly component: string) {
    this.stalled = new Promise<never>((_, reject) => (this.fire = reject));
    this.stalled.catch(() => undefined); // observed by whoever races it
  }

  progress(step: string, allowMs: number): void {
    if (this.stopped) throw new JobFailure('NO_PROGRESS', `${this.component} was stopped before ${step}`);
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () =>
        this.fire(
          new JobFailure('NO_PROGRESS', `${this.component} made no progress for ${allowMs} ms while ${step}`),
        ),
      allowMs,
    );
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
