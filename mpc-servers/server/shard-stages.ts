import type { JobDescription } from '../../contract/job/job-description.ts';
import type { ExcludedInput } from '../../contract/job/job-status.ts';
import type { Party } from '../../contract/party.ts';
import type { ObjectStore } from '../../contract/storage/object-store.ts';
import { combinePartials, neutralExtremes } from '../analyses/combine-program.ts';
import type { CellAccumulators } from '../analyses/group-by-program.ts';
import { keptRows, runLaterPasses } from '../analyses/later-passes.ts';
import type { Program } from '../analyses/program.ts';
import type { RowSource } from '../analyses/row-source.ts';
import {
  finishOutput,
  runRowChunks,
  totalDropped,
  type ProgramOutput,
  type RowFigures,
  type RunOptions,
} from '../analyses/run-program.ts';
import type { ChunkMaterial } from '../engine/material.ts';
import type { PartyContext } from '../engine/ops.ts';
import { JobFailure } from '../runtime/failure.ts';
import type { JobStage } from '../runtime/job-stage.ts';
import { readPartial, writePartial, type ShardPartial } from './shard-partials.ts';

type PartStage = Extract<JobStage, { kind: 'part' }>;
type CombineStage = Extract<JobStage, { kind: 'combine' }>;

/**
 * The two stages of a sharded job on one server (`runtime/job-stage.ts`): a part seals its row figures for
 * the combine job; the combine job reads its domain's partials, agrees with the peer on what the shards
 * excluded, joins the figures and finishes once.
 */
/** A part's work: the row chunks, then the group-by pass when the spec groups (no quantiles in a shard). */
export async function runShardRows(
  context: PartyContext,
  program: Program,
  rows: RowSource,
  options: RunOptions,
): Promise<RowFigures & { cells: CellAccumulators | undefined }> {
  const kept = keptRows(program);
  const figures = await runRowChunks(context, program, rows, options, kept);
  if (!kept) return { ...figures, cells: undefined };
  const validRows = BigInt.asUintN(
    64,
    (context.party === 'A' ? BigInt(program.totalRows) : 0n) - totalDropped(figures.droppedByInput),
  );
  const later = await runLaterPasses(context, program, kept, validRows, async (chunk) => {
    const material = await options.material(program.rowChunks + chunk);
    await options.onChunkDone?.(program.rowChunks + chunk + 1, program.chunkCount);
    return material;
  });
  return { ...figures, cells: later.cells };
}

export async function writeShardPartial(
  store: ObjectStore,
  job: JobDescription,
  stage: PartStage,
  party: Party,
  privateKey: Uint8Array,
  figures: RowFigures & { cells: CellAccumulators | undefined },
  inputs: { excludedInputs: ExcludedInput[]; unopenedInputIds: string[] },
): Promise<void> {
  const { accumulators } = figures;
  // A shard without rows ran no tournament: its extremes are the ones no valid row loses to.
  const extremes =
    stage.program.series.length > 0
      ? (accumulators.extremes ?? neutralExtremes(stage.program, party))
      : undefined;
  await writePartial(
    store,
    { job, combineJobId: stage.combineJobId, party, index: stage.index, count: stage.count },
    privateKey,
    stage.inputIndexes,
    {
      accumulators: { ...accumulators, extremes },
      droppedByInput: figures.droppedByInput,
      cells: figures.cells,
      ...inputs,
    },
  );
}

export async function readShardPartials(
  store: ObjectStore,
  job: JobDescription,
  stage: CombineStage,
  party: Party,
  privateKey: Uint8Array,
): Promise<ShardPartial[]> {
  const partials: ShardPartial[] = [];
  for (let index = 0; index < stage.count; index++) {
    const place = { job, combineJobId: job.jobId, party, index, count: stage.count };
    partials.push(await readPartial(store, place, privateKey, stage.program, stage.shardInputs[index]!));
  }
  return partials;
}

/**
 * The inputs the shards' pairs excluded, in job order. Each shard's exclusions are the inputs of that shard
 * only: a partial naming another input is SHARD_PARTIAL_INVALID.
 */
export function partialExclusions(
  job: JobDescription,
  stage: CombineStage,
  partials: readonly ShardPartial[],
): ExcludedInput[] {
  const byInput = new Map<string, ExcludedInput>();
  partials.forEach((partial, shard) => {
    const own = new Set(stage.shardInputs[shard]!.map((index) => job.inputs[index]!.inputId));
    for (const excluded of partial.excludedInputs) {
      if (!own.has(excluded.inputId))
        throw new JobFailure(
          'SHARD_PARTIAL_INVALID',
          `shard partial ${shard + 1} of ${stage.count} excludes input ${excluded.inputId}, which is not the shard's`,
        );
      byInput.set(excluded.inputId, excluded);
    }
  });
  return job.inputs.flatMap((input) => {
    const excluded = byInput.get(input.inputId);
    return excluded ? [excluded] : [];
  });
}

/** The combine job's output: the partials joined, then the finishing steps once. */
export async function combineOutput(
  context: PartyContext,
  job: JobDescription,
  stage: CombineStage,
  partials: readonly ShardPartial[],
  material: (chunk: number) => Promise<ChunkMaterial>,
): Promise<ProgramOutput> {
  const { program } = stage;
  const combined = await combinePartials(
    context,
    program,
    partials,
    stage.shardInputs,
    job.inputs.length,
    () => material(0),
  );
  const words = await finishOutput(
    context,
    program,
    combined.accumulators,
    totalDropped(combined.droppedByInput),
    { cells: combined.cells, quantiles: undefined },
    () => material(program.series.length > 0 ? 1 : 0),
  );
  return { words, droppedByInput: combined.droppedByInput };
}
