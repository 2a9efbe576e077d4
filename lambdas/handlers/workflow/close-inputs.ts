import { closeInputs } from '../../use-cases/workflow/close-inputs.ts';
import { workflowStep } from './workflow-step.ts';
import { statusEvents, workflowCollaborations, workflowState } from './workflow-composition-root.ts';

export const handler = workflowStep('CloseInputs', closeInputs, {
  collaborations: workflowCollaborations,
  events: statusEvents,
  workflowState,
});
