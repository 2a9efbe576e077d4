import { expire } from '../../use-cases/workflow/expire.ts';
import { workflowStep } from './workflow-step.ts';

export const handler = workflowStep('Expire', expire);
