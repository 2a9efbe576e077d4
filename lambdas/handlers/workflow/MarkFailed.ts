import { markFailed } from '../../use-cases/workflow/mark-failed.ts';
import { workflowStep } from './workflow-step.ts';

export const handler = workflowStep('MarkFailed', markFailed);
