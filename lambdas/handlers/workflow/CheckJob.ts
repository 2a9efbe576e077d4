import { checkJob } from '../../use-cases/workflow/check-job.ts';
import { workflowStep } from './workflow-step.ts';

export const handler = workflowStep('CheckJob', checkJob);
