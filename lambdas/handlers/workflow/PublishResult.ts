import { publishResult } from '../../use-cases/workflow/publish-result.ts';
import { workflowStep } from './workflow-step.ts';

export const handler = workflowStep('PublishResult', publishResult);
