import { checkJob } from '../../use-cases/workflow/check-job.ts';
import { workflowStep } from './workflow-step.ts';
import { computeTasks, jobStatus } from './workflow-wiring.ts';

export const handler = workflowStep('CheckJob', checkJob, { jobStatus, computeTasks });
