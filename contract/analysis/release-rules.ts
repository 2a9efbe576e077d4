import type { RuleViolation } from '../problems.ts';
import type { ComputationSpec } from './analysis-spec.ts';
import { EPSILON_DECIMALS, MAX_CELL_SIZE, MAX_DELTA, MAX_EPSILON, MIN_CELL_SIZE } from './spec-limits.ts';

/**
 * Rules of what a result may release: the minimum cell size k (an integer, and some cells to apply it to:
 * histogram bins or group-by cells) and the differential-privacy budget (epsilon with few enough decimals
 * to be an exact rational, delta small). Both sit at the top of the spec and of the create body, hence the
 * fixed paths.
 */
export function releaseViolations(spec: ComputationSpec): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const k = spec.minCellSize;
  if (k !== undefined) {
    if (!Number.isInteger(k) || k < MIN_CELL_SIZE || k > MAX_CELL_SIZE)
      violations.push({
        path: '/minCellSize',
        message: `must be an integer ${MIN_CELL_SIZE}..${MAX_CELL_SIZE}`,
      });
    else if (
      !spec.analyses.some((analysis) => analysis.kind === 'histogram' || analysis.groupBy !== undefined)
    )
      violations.push({
        path: '/minCellSize',
        message: 'applies to histogram bins and group-by cells: request a histogram or a groupBy',
      });
  }
  const privacy = spec.privacy;
  if (privacy !== undefined) {
    if (epsilonUnits(privacy.epsilon) === undefined)
      violations.push({
        path: '/privacy/epsilon',
        message: `must be in (0, ${MAX_EPSILON}] with at most ${EPSILON_DECIMALS} decimal places`,
      });
    if (!Number.isFinite(privacy.delta) || privacy.delta < 0 || privacy.delta > MAX_DELTA)
      violations.push({ path: '/privacy/delta', message: `must be in [0, ${MAX_DELTA}]` });
  }
  return violations;
}

/** epsilon * 10^EPSILON_DECIMALS as an exact integer, or undefined when epsilon is out of range or finer. */
export function epsilonUnits(epsilon: number): bigint | undefined {
  if (!Number.isFinite(epsilon) || epsilon <= 0 || epsilon > MAX_EPSILON) return undefined;
  const units = Math.round(epsilon * 10 ** EPSILON_DECIMALS);
  if (Math.abs(units / 10 ** EPSILON_DECIMALS - epsilon) > 1e-12 * Math.max(1, epsilon)) return undefined;
  return BigInt(units);
}
