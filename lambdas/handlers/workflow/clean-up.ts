import { cleanUp } from '../../use-cases/workflow/clean-up.ts';
import { workflowStep } from './workflow-step.ts';
import {
  jobStore,
  statusEvents,
  workflowCollaborations,
  workflowState,
} from './workflow-composition-root.ts';

export const handler = workflowStep('CleanUp', cleanUp, {
  collaborations: workflowCollaborations,
  events: statusEvents,
  workflowState,
  jobStore,
});
