import type { JobStatusStore } from '../../contract/job/job-status.ts';
import { JobFailure } from './failure.ts';

/** The first wait between two reads of the dealer's report; it doubles up to the maximum. */
const FIRST_POLL_MS = 20;
const MAX_POLL_MS = 250;
/**
 * How long a server waits while the dealer's report does not move. Longer than any step the dealer's own
 * watchdog allows (`dealerStepAllowanceMs`), so a stalled dealer reports NO_PROGRESS first; a dealer that
 * died without a word is caught earlier by the poll step (its task stopped).
 */
export const DEALER_SILENCE_MS = 600_000;

/**
 * The dealer runs beside the servers: the workflow starts all three at once, and a server reads a chunk of
 * material only once the dealer's report says it is written. The dealer writes both manifests first, then
 * chunk after chunk in order, reporting `progress` = chunks written / chunk count after each (DONE after
 * the last), so chunk c is there when progress × chunkCount ≥ c + 1. A dealer that reported FAILED ends the
 * wait with its reason.
 */
export class DealerProgress {
  private written = 0;
  private done = false;

  constructor(
    private readonly status: JobStatusStore,
    private readonly jobId: string,
    private readonly chunkCount: number,
    private readonly options: { silenceMs?: number; sleep?: (ms: number) => Promise<void> } = {},
  ) {}

  /** Resolves once the manifests are written (the first chunk's report comes after them). */
  manifestWritten(): Promise<void> {
    return this.chunkWritten(0);
  }

  /** Resolves once chunk `chunk` (0-based) is written; fails if the dealer failed or fell silent. */
  async chunkWritten(chunk: number): Promise<void> {
    const silenceMs = this.options.silenceMs ?? DEALER_SILENCE_MS;
    const sleep = this.options.sleep ?? ((ms: number) => new Promise((done) => setTimeout(done, ms)));
    let wait = FIRST_POLL_MS;
    let lastMove = Date.now();
    while (!this.done && this.written <= chunk) {
      const dealer = (await this.status.getJobStatus(this.jobId)).parties.DEALER;
      if (dealer?.state === 'FAILED')
        throw new JobFailure(
          'DEALER_MATERIAL_MISSING',
          `the dealer failed before writing chunk ${chunk + 1} of ${this.chunkCount} (${dealer.reasonCode})`,
        );
      if (dealer?.state === 'DONE') {
        this.done = true;
        break;
      }
      const written = dealer?.state === 'RUNNING' ? Math.round(dealer.progress * this.chunkCount) : 0;
      if (written > this.written) {
        this.written = written;
        lastMove = Date.now();
        wait = FIRST_POLL_MS;
        continue;
      }
      if (Date.now() - lastMove > silenceMs)
        throw new JobFailure(
          'DEALER_MATERIAL_MISSING',
          `the dealer wrote no material for ${Math.round(silenceMs / 1000)} s (waiting for chunk ${chunk + 1} of ${this.chunkCount})`,
        );
      await sleep(wait);
      wait = Math.min(MAX_POLL_MS, wait * 2);
    }
  }
}
