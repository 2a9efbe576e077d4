import type { ExcludedInput, JobStatus } from '../../../contract/job/job-status.ts';
import type { WorkflowPorts } from '../../ports/workflow-ports.ts';
import type { CountedInput, InputExclusion } from '../../ports/workflow-repository.ts';

/**
 * The inputs the servers left out of a job, each once (both servers report the same list; the first reason
 * given is kept), restricted to inputs of the snapshot: an id the coordinator did not count is ignored.
 */
export function exclusionsOf(status: JobStatus, snapshot: readonly CountedInput[]): InputExclusion[] {
  const reported: ExcludedInput[] = [];
  for (const party of ['A', 'B'] as const) {
    const report = status.parties[party];
    if (report?.state === 'DONE') reported.push(...(report.excludedInputs ?? []));
  }
  return exclusionsFor(reported, snapshot);
}

/** Failed input ids (as a TOO_FEW_VALID_INPUTS or BAD_INPUT failure names them) with the failure's message. */
export function failedInputExclusions(
  status: JobStatus,
  snapshot: readonly CountedInput[],
): InputExclusion[] {
  const reported = status.failures.flatMap((failure) =>
    (failure.failedInputIds ?? []).map((inputId) => ({
      inputId,
      reason: `${failure.reasonCode}: ${failure.message}`,
    })),
  );
  return exclusionsFor(reported, snapshot);
}

function exclusionsFor(
  reported: readonly ExcludedInput[],
  snapshot: readonly CountedInput[],
): InputExclusion[] {
  const owners = new Map(snapshot.map((input) => [input.inputId, input.clientId]));
  const byInput = new Map<string, InputExclusion>();
  for (const { inputId, reason } of reported) {
    const clientId = owners.get(inputId);
    if (clientId !== undefined && !byInput.has(inputId)) byInput.set(inputId, { inputId, clientId, reason });
  }
  return [...byInput.values()].sort((x, y) => x.inputId.localeCompare(y.inputId));
}

/** Records the exclusions of `jobId` (when there are any) on the inputs, participations and collaboration. */
export async function recordJobExclusions(
  ports: Pick<WorkflowPorts, 'jobStatus' | 'workflowState'>,
  collaborationId: string,
  jobId: string,
  select: (status: JobStatus, snapshot: readonly CountedInput[]) => InputExclusion[],
): Promise<number> {
  const snapshot = (await ports.workflowState.readInputSnapshot(collaborationId)) ?? [];
  const exclusions = select(await ports.jobStatus.getJobStatus(jobId), snapshot);
  if (exclusions.length > 0) await ports.workflowState.recordExclusions(collaborationId, exclusions);
  return exclusions.length;
}
