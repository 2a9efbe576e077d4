import type { Program } from '../analyses/program.ts';
import { parseJobDescription, type JobDescription } from '../../contract/job/job-description.ts';
import { storageLayout } from '../../contract/storage/storage-layout.ts';
import { ObjectNotFoundError, type ObjectStore } from '../../contract/storage/object-store.ts';
import { JobFailure } from './failure.ts';
import { stageOf, type JobStage } from './job-stage.ts';

/**
 * The job description the workflow wrote for `jobId` and its stage (`job-stage.ts`) with the program compiled
 * over the declared rows of its inputs (all of them, or a shard's): the dealer and both servers start from
 * this, so all three compile the very same program. A job description that is missing or cannot be read fails
 * with a reason naming it.
 */
export async function loadJob(
  store: ObjectStore,
  jobId: string,
): Promise<{ job: JobDescription; program: Program; stage: JobStage }> {
  const key = storageLayout.jobDescription(jobId);
  const text = await store.getObject(key).then(
    (bytes) => new TextDecoder().decode(bytes),
    (error: unknown) => {
      // Named here: mapped by type, a missing object would read as missing dealer material.
      if (error instanceof ObjectNotFoundError)
        throw new JobFailure('JOB_DESCRIPTION_MISSING', `the job description ${key} does not exist`);
      throw new JobFailure(
        'INTERNAL',
        `cannot read the job description ${key}: ${error instanceof Error ? error.message : String(error)}`,
      );
    },
  );
  const job = parseJobDescription(text);
  const stage = stageOf(job);
  return { job, program: stage.program, stage };
}
