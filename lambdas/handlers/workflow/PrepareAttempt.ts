import { prepareAttempt } from '../../use-cases/workflow/prepare-attempt.ts';
import { workflowStep } from './workflow-step.ts';
import { jobStore, peerEndpoints, workflowCollaborations, workflowState } from './workflow-wiring.ts';

export const handler = workflowStep('PrepareAttempt', prepareAttempt, {
  collaborations: workflowCollaborations,
  workflowState,
  peerEndpoints,
  jobStore,
});
