import { epsilonUnits } from '../../contract/analysis/release-rules.ts';
import {
  EPSILON_DECIMALS,
  MAX_CELL_SIZE,
  MAX_DELTA,
  MAX_EPSILON,
  MAX_ROWS_PER_PARTICIPANT,
  MIN_CELL_SIZE,
  MIN_ROWS_PER_PARTICIPANT,
} from '../../contract/analysis/spec-limits.ts';
import { parseNumber } from './collaboration-spec.ts';
import { UsageError } from './usage-error.ts';

/**
 * What `mpc create` may add about what the result releases:
 *   --min-cell-size K              histogram bins and group-by cells with fewer than K rows are suppressed
 *   --privacy EPSILON[:DELTA]      differential-privacy noise on every figure (delta default 0)
 *   --max-rows-per-participant N   no input may hold more than N rows; the noise is scaled to N
 */
export function parseMinCellSize(text: string): number {
  const k = Number(text);
  if (!Number.isInteger(k) || k < MIN_CELL_SIZE || k > MAX_CELL_SIZE)
    throw new UsageError(
      `--min-cell-size ${text}: give an integer from ${MIN_CELL_SIZE} to ${MAX_CELL_SIZE}`,
    );
  return k;
}

export function parsePrivacy(text: string): { epsilon: number; delta: number } {
  const [epsilonText, deltaText, ...rest] = text.split(':');
  if (rest.length > 0 || !epsilonText) throw new UsageError(`--privacy ${text}: expected EPSILON[:DELTA]`);
  const epsilon = parseNumber(epsilonText, '--privacy');
  if (epsilonUnits(epsilon) === undefined)
    throw new UsageError(
      `--privacy ${text}: epsilon must be in (0, ${MAX_EPSILON}] with at most ${EPSILON_DECIMALS} decimal places`,
    );
  const delta = deltaText === undefined ? 0 : parseNumber(deltaText, '--privacy');
  if (delta < 0 || delta > MAX_DELTA)
    throw new UsageError(`--privacy ${text}: delta must be in [0, ${MAX_DELTA}]`);
  return { epsilon, delta };
}

export function parseMaxRowsPerParticipant(text: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < MIN_ROWS_PER_PARTICIPANT || n > MAX_ROWS_PER_PARTICIPANT)
    throw new UsageError(
      `--max-rows-per-participant ${text}: give an integer from ${MIN_ROWS_PER_PARTICIPANT} to ${MAX_ROWS_PER_PARTICIPANT}`,
    );
  return n;
}
