import { compileProgram, type Program } from '../analyses/program.ts';
import { parseJobDescription, type JobDescription } from '../contract/job-description.ts';
import { storageLayout } from '../contract/storage-layout.ts';
import type { ObjectStore } from '../storage/object-store.ts';

/**
 * The job description the workflow wrote for `jobId` and its program compiled over the declared rows of all
 * inputs: the dealer and both servers start from this, so all three compile the very same program.
 */
export async function loadJob(
  store: ObjectStore,
  jobId: string,
): Promise<{ job: JobDescription; program: Program }> {
  const job = parseJobDescription(
    new TextDecoder().decode(await store.getObject(storageLayout.jobDescription(jobId))),
  );
  const totalRows = job.inputs.reduce((total, input) => total + input.rowCount, 0);
  return { job, program: compileProgram(job.spec, totalRows) };
}
