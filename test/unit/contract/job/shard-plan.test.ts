import { describe, expect, it } from 'vitest';
import type { ComputationSpec } from '../../../../contract/analysis/analysis-spec.ts';
import { parseJobDescription, type JobDescription } from '../../../../contract/job/job-description.ts';
import {
  assignInputsToShards,
  chooseShardCount,
  combineJobDescription,
  DEFAULT_ROWS_PER_SHARD,
  shardJobDescription,
} from '../../../../contract/job/shard-plan.ts';

const spec: ComputationSpec = {
  fields: [{ name: 'v', type: 'int', min: 0, max: 100 }],
  analyses: [{ kind: 'mean' }, { kind: 'min' }],
};
const inputs = (...rows: number[]) =>
  rows.map((rowCount, i) => ({ inputId: `input-${i}`, participantId: `p-${i}`, rowCount }));

describe('the shard plan', () => {
  it('K is ceil(rows / rows per shard), at most one shard per input, 1 by default', () => {
    expect(chooseShardCount(spec, inputs(100, 100, 100))).toEqual({ count: 1 });
    expect(DEFAULT_ROWS_PER_SHARD).toBeGreaterThan(1000 * 16_777_216);
    expect(chooseShardCount(spec, inputs(100, 100, 100), 100)).toEqual({ count: 3 });
    expect(chooseShardCount(spec, inputs(100, 100, 100), 101)).toEqual({ count: 3 });
    expect(chooseShardCount(spec, inputs(100, 100, 100), 150)).toEqual({ count: 2 });
    const capped = chooseShardCount(spec, inputs(1000, 1), 10);
    expect(capped.count).toBe(2);
    expect(capped.reason).toMatch(/assigned whole/);
    expect(() => chooseShardCount(spec, inputs(1), 0)).toThrow(RangeError);
  });

  it('keeps a spec with a quantile (grouped or not) in one shard, saying why', () => {
    const quantile: ComputationSpec = { ...spec, analyses: [{ kind: 'quantile', field: 'v', p: 0.5 }] };
    const choice = chooseShardCount(quantile, inputs(100, 100, 100), 100);
    expect(choice.count).toBe(1);
    expect(choice.reason).toMatch(/quantiles do not combine/);
  });

  it('assigns every input to exactly one shard, whole, balanced by rows, the same every time', () => {
    const list = inputs(10, 30, 25, 20, 5, 5);
    const shards = assignInputsToShards(list, 3);
    // 30, 25, 20 open the shards; 10 joins the lightest (20), then 5 and 5 the 25 and the first of the 30s.
    expect(shards).toEqual([
      [1, 5],
      [2, 4],
      [0, 3],
    ]);
    expect(shards.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
    const rows = shards.map((shard) => shard.reduce((total, i) => total + list[i]!.rowCount, 0));
    expect(Math.max(...rows) - Math.min(...rows)).toBeLessThanOrEqual(5);
    expect(assignInputsToShards(list, 3)).toEqual(shards);
    expect(assignInputsToShards(list, 1)).toEqual([[0, 1, 2, 3, 4, 5]]);
    expect(() => assignInputsToShards(list, 7)).toThrow(/assigned whole/);
  });

  it('shard and combine descriptions carry the whole job and parse; a bad shard block is refused', () => {
    const whole: JobDescription = {
      jobId: 'job',
      collaborationId: 'c',
      attempt: 1,
      spec,
      inputs: inputs(10, 20),
      minParticipants: 2,
      resultRecipients: 'all-participants',
      recipients: [{ recipientId: 'p-0', publicKey: 'k' }],
      peer: { host: '127.0.0.1', port: 1 },
    };
    const part = shardJobDescription(whole, 1, 2, { host: '127.0.0.1', port: 2 });
    expect(part).toMatchObject({
      jobId: 'job-shard-1',
      inputs: whole.inputs,
      peer: { port: 2 },
      shard: { stage: 'part', index: 1, count: 2, combineJobId: 'job' },
    });
    expect(parseJobDescription(JSON.stringify(part))).toEqual(part);
    const combine = combineJobDescription(part, 2);
    expect(combine.shard).toEqual({ stage: 'combine', count: 2 });
    expect(parseJobDescription(JSON.stringify({ ...combine, jobId: 'job' }))).toMatchObject({ jobId: 'job' });
    for (const shard of [
      { stage: 'part', index: 2, count: 2, combineJobId: 'job' },
      { stage: 'part', index: 0, count: 2 },
      { stage: 'combine', count: 3 },
      { stage: 'other', count: 1 },
    ])
      expect(() => parseJobDescription(JSON.stringify({ ...whole, shard }))).toThrow(/shard/);
  });
});
