import { cleanUp } from '../../use-cases/workflow/clean-up.ts';
import { workflowStep } from './workflow-step.ts';

export const handler = workflowStep('CleanUp', cleanUp);
