import { createHash } from 'node:crypto';
import { combineChunkCount, combineRequests } from '../analyses/combine-program.ts';
import { compileProgram, ProgramError, type Program } from '../analyses/program.ts';
import { chunkMaterialRequests } from '../dealer/dealer-plan.ts';
import type { MaterialRequest } from '../engine/material.ts';
import type { JobDescription } from '../../contract/job/job-description.ts';
import { assignInputsToShards, unshardableReason } from '../../contract/job/shard-plan.ts';
import { programDigest } from './dealer-envelope.ts';

/**
 * What a job description asks of the dealer and the servers (`contract/job/shard-plan.ts`):
 * - whole: the program over all inputs, then the finishing steps and the result shares;
 * - part: shard `index` of `count`, the program's row chunks over the shard's inputs only (which each party
 *   derives from the whole job), sealed as partial figures to the server's own key;
 * - combine: the `count` partials joined (sums add; a tournament over the partial extremes), then the
 *   finishing steps once and the result shares.
 * `program` is always compiled from the job itself; for a part it covers the shard's rows.
 */
export type JobStage =
  | { kind: 'whole'; program: Program }
  | {
      kind: 'part';
      program: Program;
      index: number;
      count: number;
      combineJobId: string;
      /** Indexes into the whole job's inputs, ascending. */
      inputIndexes: number[];
      /** The job restricted to the shard's inputs (what the shard's input shares are read against). */
      shardJob: JobDescription;
      inputsDigest: string;
    }
  | { kind: 'combine'; program: Program; count: number; shardInputs: number[][]; inputsDigest: string };

/** SHA-256 of the whole job's inputs in order (ids, participants, declared rows). */
export function inputsDigest(job: JobDescription): string {
  const canonical = JSON.stringify(job.inputs.map((i) => [i.inputId, i.participantId, i.rowCount]));
  return createHash('sha256').update(canonical).digest('hex');
}

export function stageOf(job: JobDescription): JobStage {
  const totalRows = job.inputs.reduce((total, input) => total + input.rowCount, 0);
  const shard = job.shard;
  if (shard === undefined) return { kind: 'whole', program: compileProgram(job.spec, totalRows) };
  const shardInputs = assignInputsToShards(job.inputs, shard.count);
  if (shard.stage === 'combine') {
    const unshardable = unshardableReason(job.spec);
    if (unshardable) throw new ProgramError(`this spec cannot run in shards: ${unshardable}`);
    return {
      kind: 'combine',
      program: compileProgram(job.spec, totalRows),
      count: shard.count,
      shardInputs,
      inputsDigest: inputsDigest(job),
    };
  }
  const inputIndexes = shardInputs[shard.index]!;
  const inputs = inputIndexes.map((index) => job.inputs[index]!);
  const rows = inputs.reduce((total, input) => total + input.rowCount, 0);
  return {
    kind: 'part',
    program: compileProgram(job.spec, rows, { shardPart: true, checkRows: totalRows }),
    index: shard.index,
    count: shard.count,
    combineJobId: shard.combineJobId,
    inputIndexes,
    shardJob: { ...job, inputs },
    inputsDigest: inputsDigest(job),
  };
}

/**
 * Binds dealer material and the peers' agreement to the stage: its program, shard position and count, and
 * the whole job's inputs (so both servers of a shard pair derived their shard from the same list).
 */
export function stageDigest(stage: JobStage): string {
  const program = programDigest(stage.program);
  if (stage.kind === 'whole') return program;
  const position = stage.kind === 'part' ? [stage.index, stage.count] : [stage.count];
  return createHash('sha256')
    .update(JSON.stringify([stage.kind, ...position, program, stage.inputsDigest]))
    .digest('hex');
}

export function stageChunkCount(stage: JobStage): number {
  return stage.kind === 'combine' ? combineChunkCount(stage.program) : stage.program.chunkCount;
}

/** The material of chunk `chunk` of the stage, exactly what its servers consume. */
export function stageRequests(stage: JobStage, chunk: number): MaterialRequest[] {
  return stage.kind === 'combine'
    ? combineRequests(stage.program, stage.count, chunk)
    : chunkMaterialRequests(stage.program, chunk);
}
