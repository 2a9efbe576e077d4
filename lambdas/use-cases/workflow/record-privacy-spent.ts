import type { WorkflowPorts } from '../../ports/workflow-ports.ts';
import { WorkflowStepError } from './announce-transition.ts';

/**
 * Records on the collaboration the privacy budget its released result spends: epsilon in all and delta 0
 * (the discrete Laplace mechanism is pure), with the job that spent it. Called by PublishResult only, so a
 * failed or retried attempt spends nothing; idempotent when the step runs twice.
 */
export async function recordPrivacySpent(
  ports: WorkflowPorts,
  collaborationId: string,
  jobId: string,
): Promise<void> {
  const record = await ports.workflowState.readCollaborationRecord(collaborationId);
  if (!record) throw new WorkflowStepError(`No collaboration ${collaborationId}.`);
  const privacy = record.collaboration.privacy;
  if (privacy === undefined) return;
  await ports.workflowState.recordPrivacySpent(collaborationId, {
    epsilon: privacy.epsilon,
    delta: 0,
    jobId,
  });
}
