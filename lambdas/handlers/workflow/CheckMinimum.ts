import { checkMinimum } from '../../use-cases/workflow/check-minimum.ts';
import { workflowStep } from './workflow-step.ts';

export const handler = workflowStep('CheckMinimum', checkMinimum);
