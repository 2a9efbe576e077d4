import { prepareAttempt } from '../../use-cases/workflow/prepare-attempt.ts';
import { workflowStep } from './workflow-step.ts';

export const handler = workflowStep('PrepareAttempt', prepareAttempt);
