import { recordAttemptFailure } from '../../use-cases/workflow/record-attempt-failure.ts';
import { workflowStep } from './workflow-step.ts';
import { computeTasks, jobStatus, workflowState } from './workflow-composition-root.ts';

export const handler = workflowStep('RecordAttemptFailure', recordAttemptFailure, {
  jobStatus,
  computeTasks,
  workflowState,
});
