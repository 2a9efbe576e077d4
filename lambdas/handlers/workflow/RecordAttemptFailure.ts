import { recordAttemptFailure } from '../../use-cases/workflow/record-attempt-failure.ts';
import { workflowStep } from './workflow-step.ts';

export const handler = workflowStep('RecordAttemptFailure', recordAttemptFailure);
