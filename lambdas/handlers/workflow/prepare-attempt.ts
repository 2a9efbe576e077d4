import { prepareAttempt } from '../../use-cases/workflow/prepare-attempt.ts';
import { workflowStep } from './workflow-step.ts';
import { jobStore, peerEndpoints, workflowState } from './workflow-composition-root.ts';

export const handler = workflowStep('PrepareAttempt', prepareAttempt, {
  workflowState,
  peerEndpoints,
  jobStore,
});
