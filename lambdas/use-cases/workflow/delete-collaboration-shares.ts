import { storageLayout } from '../../../contract/storage/storage-layout.ts';
import { PARTIES } from '../../domain/input.ts';
import type { WorkflowPorts } from '../../ports/workflow-ports.ts';

/** Deletes the sealed input shares of both servers and every attempt's job description and dealer material. */
export async function deleteCollaborationShares(
  ports: Pick<WorkflowPorts, 'jobStore' | 'workflowState'>,
  collaborationId: string,
): Promise<{ deletedObjects: number }> {
  const attempts = await ports.workflowState.listAttempts(collaborationId);
  const prefixes = [
    ...PARTIES.map((party) => storageLayout.inputSharePrefix(party, collaborationId)),
    ...attempts.flatMap(({ jobId }) => [
      ...PARTIES.map((party) => storageLayout.dealerMaterialPrefix(party, jobId)),
      jobPrefix(jobId),
    ]),
  ];
  let deletedObjects = 0;
  for (const prefix of prefixes) deletedObjects += await ports.jobStore.deleteKeys(prefix);
  return { deletedObjects };
}

/** The folder of `storageLayout.jobDescription(jobId)`. */
function jobPrefix(jobId: string): string {
  const key = storageLayout.jobDescription(jobId);
  return key.slice(0, key.lastIndexOf('/') + 1);
}
