import type { ComputationSpec } from '../contract/analysis/analysis-spec.ts';
import type { BenchTask } from './mpc-bench-config.ts';
import type { MpcBenchOptions } from './mpc-options.ts';

/** The task name of the speed issue's job, which the bench also runs with more threads and over a slow link. */
export const ISSUE_TASK = 'issue';

/**
 * The speed issue's job: count; mean, variance and a 4-edge histogram of an int field in [0, 365]; sum, min
 * and max of a fixed-point field with 8 fractional bits in [0, 100000]; the validity check on, as the servers
 * run it.
 */
export const issueSpec: ComputationSpec = {
  fields: [
    { name: 'days', type: 'int', min: 0, max: 365 },
    { name: 'amount', type: 'fixed', fractionalBits: 8, min: 0, max: 100_000 },
  ],
  analyses: [
    { kind: 'count' },
    { kind: 'mean', field: 'days' },
    { kind: 'variance', field: 'days' },
    { kind: 'histogram', field: 'days', binEdges: [30, 90, 180, 270] },
    { kind: 'sum', field: 'amount' },
    { kind: 'min', field: 'amount' },
    { kind: 'max', field: 'amount' },
  ],
};
export const issueLabel = "the issue's job";
export const issueDescription =
  "the issue's job: count; mean, variance and a 4-edge histogram of an int in [0, 365]; sum, min and max of a " +
  'fixed:8 in [0, 100000]; validity check on';

const statsSpec: ComputationSpec = {
  fields: [{ name: 'x', type: 'int', min: 0, max: 1000 }],
  analyses: [{ kind: 'mean' }, { kind: 'variance' }, { kind: 'histogram', binEdges: [100, 250, 500, 750] }],
};
/** The same on x, plus the means of three more fields: four times the input bytes. */
const manyInputsSpec: ComputationSpec = {
  fields: ['x', 'y', 'z', 'w'].map((name) => ({ name, type: 'int', min: 0, max: 1000 })),
  analyses: [
    { kind: 'mean' },
    { kind: 'variance', field: 'x' },
    { kind: 'histogram', field: 'x', binEdges: [100, 250, 500, 750] },
  ],
};
const statsLabel = 'mean+variance+histogram(4 edges) of int [0, 1000]';
// The median bisects [0, 1000] in 10 rounds of 11-bit comparisons.
const quantileSpec: ComputationSpec = {
  fields: [{ name: 'x', type: 'int', min: 0, max: 1000 }],
  analyses: [{ kind: 'mean' }, { kind: 'quantile', p: 0.5 }],
};
// Four wards: per ward the count, mean, variance and median of x (the bisection once per ward).
const groupSpec: ComputationSpec = {
  fields: [
    { name: 'x', type: 'int', min: 0, max: 1000 },
    { name: 'ward', type: 'category', categories: ['A', 'B', 'C', 'D'] },
  ],
  analyses: [
    { kind: 'mean', field: 'x' },
    { kind: 'count', groupBy: 'ward' },
    { kind: 'mean', field: 'x', groupBy: 'ward' },
    { kind: 'variance', field: 'x', groupBy: 'ward' },
    { kind: 'quantile', field: 'x', p: 0.5, groupBy: 'ward' },
  ],
};
// Sums and sums of squares in Z_2^128 (lift, then 128-bit squares) over realistic fixed-point values.
const wideSpec = (analyses: ComputationSpec['analyses']): ComputationSpec => ({
  fields: [{ name: 'x', type: 'fixed', fractionalBits: 16, min: 0, max: 1_000_000 }],
  analyses,
});

/** The kernels (one op, batched), the issue's job, then the other statistics jobs unless `issueOnly`. */
export function benchTasks(options: MpcBenchOptions): BenchTask[] {
  const multBatch = options.quick ? 1 << 14 : 1 << 20;
  const cmpBatch = options.quick ? 1 << 12 : 1 << 17;
  const stats = (
    name: string,
    label: string,
    spec: ComputationSpec,
    totalRows: number,
    validity = true,
    inputs = 4,
  ): BenchTask => ({ name, kind: 'stats', label, spec, totalRows, inputs, validity });
  const kernels: BenchTask[] = [
    { name: 'multiply', kind: 'multiply', count: multBatch, repeats: 5 },
    { name: 'compare64', kind: 'compare', bits: 64, count: cmpBatch, repeats: 2 },
    { name: 'compare32', kind: 'compare', bits: 32, count: cmpBatch, repeats: 2 },
    { name: 'compare16', kind: 'compare', bits: 16, count: cmpBatch, repeats: 2 },
    { name: 'rangeCheck', kind: 'rangeCheck', count: cmpBatch, repeats: 2 },
  ];
  const issue = stats(ISSUE_TASK, issueLabel, issueSpec, options.rows);
  if (options.issueOnly) return [...kernels, issue];
  const other = options.otherRows;
  return [
    ...kernels,
    issue,
    stats('issueNoValidity', "the issue's job without the validity check", issueSpec, other, false),
    stats('stats', statsLabel, statsSpec, other),
    stats('statsNoValidity', `${statsLabel}, no validity check`, statsSpec, other, false),
    stats(
      'statsManyInputs',
      `${statsLabel} + 3 means`,
      manyInputsSpec,
      options.manyRows,
      true,
      options.manyInputs,
    ),
    stats(
      'variance128',
      'mean + variance, fixed:16 [0, 10^6] (Z_2^128)',
      wideSpec([{ kind: 'mean' }, { kind: 'variance' }]),
      other,
    ),
    stats(
      'variance128NoValidity',
      'mean + variance, fixed:16 [0, 10^6], no validity check',
      wideSpec([{ kind: 'mean' }, { kind: 'variance' }]),
      other,
      false,
    ),
    stats(
      'meanNoValidity',
      'mean alone (lift only), fixed:16 [0, 10^6], no validity check',
      wideSpec([{ kind: 'mean' }]),
      other,
      false,
    ),
    stats('quantile', 'mean + median (10 rounds of 11-bit cmp)', quantileSpec, options.quantileRows),
    stats('releaseBaseline', `${statsLabel}, exact`, statsSpec, options.releaseRows),
    stats(
      'minCellSize',
      `${statsLabel}, min cell size 10`,
      { ...statsSpec, minCellSize: 10 },
      options.releaseRows,
    ),
    stats(
      'privacy',
      `${statsLabel}, DP epsilon 1 + min cell size 10`,
      { ...statsSpec, minCellSize: 10, privacy: { epsilon: 1, delta: 0 } },
      options.releaseRows,
    ),
    stats('groupBy', 'group-by 4 wards: count, mean, variance, median of x', groupSpec, options.groupRows),
  ];
}
