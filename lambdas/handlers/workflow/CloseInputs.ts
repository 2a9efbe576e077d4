import { closeInputs } from '../../use-cases/workflow/close-inputs.ts';
import { workflowStep } from './workflow-step.ts';

export const handler = workflowStep('CloseInputs', closeInputs);
