import type { ComputationSpec } from '../analysis/analysis-spec.ts';
import type { JobDescription, JobInput } from './job-description.ts';

/**
 * How a job is split into K shards, each run by its own pair of servers with its own dealer material, and
 * joined by a combine job (`docs/protocol.md`, "Shards and the combine step"). The coordinator chooses K from
 * the job's rows and a configured rows-per-shard; the dealer and the servers never take the assignment of
 * inputs to shards from the coordinator: they recompute it from the whole job's inputs and K with
 * `assignInputsToShards`, so no input can be counted in two shards or left out.
 */

/** Rows per shard when none is configured: larger than any job the per-input limits allow today. */
export const DEFAULT_ROWS_PER_SHARD = 2 ** 40;

/** Why a spec runs unsharded, or undefined when its analyses combine across shards. */
export function unshardableReason(spec: ComputationSpec): string | undefined {
  if (spec.analyses.some((analysis) => analysis.kind === 'quantile'))
    return 'quantiles do not combine from per-shard figures (the bisection needs every row each round)';
  return undefined;
}

export interface ShardCountChoice {
  count: number;
  /** Set when the rows alone would ask for more shards than the job runs. */
  reason?: string;
}

/**
 * K for a job: ceil(rows / rowsPerShard), at most one shard per input (inputs are assigned whole), and 1
 * for a spec that does not combine (`unshardableReason`: a quantile, grouped or not).
 */
export function chooseShardCount(
  spec: ComputationSpec,
  inputs: readonly JobInput[],
  rowsPerShard: number = DEFAULT_ROWS_PER_SHARD,
): ShardCountChoice {
  if (!Number.isInteger(rowsPerShard) || rowsPerShard < 1)
    throw new RangeError('rows per shard must be a positive integer');
  const rows = inputs.reduce((total, input) => total + input.rowCount, 0);
  const wanted = Math.max(1, Math.ceil(rows / rowsPerShard));
  if (wanted === 1) return { count: 1 };
  const reason = unshardableReason(spec);
  if (reason) return { count: 1, reason: `${wanted} shards of ${rowsPerShard} rows wanted, but ${reason}` };
  if (wanted > inputs.length)
    return {
      count: Math.max(1, inputs.length),
      reason: `${wanted} shards wanted, but inputs are assigned whole and the job has ${inputs.length}`,
    };
  return { count: wanted };
}

/**
 * The indexes (into the whole job's `inputs`, ascending) each of `count` shards runs: inputs whole, balanced
 * by rows (largest first into the shard with the fewest rows, ties to the earlier input and the lower shard).
 * Deterministic, so the dealer and every server derive the same assignment from the same job.
 */
export function assignInputsToShards(inputs: readonly JobInput[], count: number): number[][] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError('shard count must be a positive integer');
  if (count > Math.max(1, inputs.length))
    throw new RangeError(`${count} shards for ${inputs.length} inputs: inputs are assigned whole`);
  const order = inputs
    .map((input, index) => ({ index, rows: input.rowCount }))
    .sort((a, b) => b.rows - a.rows || a.index - b.index);
  const shards = Array.from({ length: count }, () => ({ rows: 0, inputs: [] as number[] }));
  for (const { index, rows } of order) {
    let lightest = 0;
    for (let s = 1; s < count; s++) if (shards[s]!.rows < shards[lightest]!.rows) lightest = s;
    shards[lightest]!.rows += rows;
    shards[lightest]!.inputs.push(index);
  }
  return shards.map((shard) => shard.inputs.sort((a, b) => a - b));
}

/** The job id of shard `index` of the job `jobId` (the combine job keeps `jobId`). */
export function shardJobId(jobId: string, index: number): string {
  return `${jobId}-shard-${index}`;
}

/** The description of shard `index` of `count`: the whole job, its own id and peer port, and the shard block. */
export function shardJobDescription(
  whole: JobDescription,
  index: number,
  count: number,
  peer: JobDescription['peer'],
): JobDescription {
  const { shard: _ignored, ...rest } = whole;
  return {
    ...rest,
    jobId: shardJobId(whole.jobId, index),
    peer,
    shard: { stage: 'part', index, count, combineJobId: whole.jobId },
  };
}

/** The description of the combine job over `count` shards: the whole job with the combine block. */
export function combineJobDescription(whole: JobDescription, count: number): JobDescription {
  const { shard: _ignored, ...rest } = whole;
  return { ...rest, shard: { stage: 'combine', count } };
}
