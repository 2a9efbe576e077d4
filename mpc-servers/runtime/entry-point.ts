import type { JobStatusStore, StatusParty } from '../../contract/job/job-status.ts';
import { asJobFailure, FINAL_REPORT_MS, JobFailure, type FailureCode } from './failure.ts';
import { logLine } from './environment.ts';
import { settleWithin } from './settle-within.ts';

/**
 * What both container entry points (`bin/mpc-server.ts`, `bin/mpc-dealer.ts`) do around their work. They
 * learn the job id and open the job status store first, then run named start-up steps (configuration, keys,
 * task metadata); a failure in any of them is reported to the job status as soon as both are known, so the
 * workflow's reason names the cause (`CONFIGURATION: A: cannot load its keys: ...`) instead of an exit code.
 * Every failure also prints one readable line on stderr besides the JSON log line. Reasons are built from
 * error messages that name files, variables and codes, never secret values (`keys/server-keys.ts` says
 * "not JSON" rather than quoting the text).
 */
export class EntryPoint {
  private job: { jobId: string; party: StatusParty; component: string } | undefined;
  private status: JobStatusStore | undefined;

  constructor(private readonly program: 'mpc-server' | 'mpc-dealer') {}

  /** The job and party this process serves, once its arguments are read. */
  identify(jobId: string, party: StatusParty): void {
    this.job = { jobId, party, component: party === 'DEALER' ? 'dealer' : `server-${party}` };
  }

  /** The store failures are reported to. */
  reportTo(status: JobStatusStore): void {
    this.status = status;
  }

  /** Runs one start-up step; its failure becomes `code` with `what` in front of the cause. */
  async step<T>(what: string, work: () => T | Promise<T>, code: FailureCode = 'CONFIGURATION'): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof JobFailure) throw new JobFailure(error.code, `${what}: ${error.message}`);
      throw new JobFailure(code, `${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  log(fields: Record<string, unknown>): void {
    logLine({ component: this.job?.component ?? this.program, jobId: this.job?.jobId ?? '', ...fields });
  }

  /**
   * Records the failure (a party that already reported a terminal state keeps it: the first reason wins)
   * and says it on stdout (JSON) and stderr (one line). Returns the exit code.
   */
  async fail(error: unknown): Promise<number> {
    const failure = asJobFailure(error);
    if (this.job !== undefined && this.status !== undefined) {
      await settleWithin(
        this.status.report(this.job.jobId, this.job.party, {
          state: 'FAILED',
          reasonCode: failure.code,
          message: failure.message,
          ...(failure.failedInputIds.length > 0 && { failedInputIds: failure.failedInputIds }),
        }),
        FINAL_REPORT_MS,
      );
    }
    this.log({
      outcome: 'FAILED',
      reasonCode: failure.code,
      message: failure.message,
      ...(failure.failedInputIds.length > 0 && { failedInputIds: failure.failedInputIds }),
    });
    const who = this.job ? `${this.job.component} of job ${this.job.jobId}` : 'no job';
    process.stderr.write(`${this.program} (${who}): FAILED ${failure.code}: ${failure.message}\n`);
    return 1;
  }
}
