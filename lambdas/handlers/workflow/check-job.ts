import { checkJob } from '../../use-cases/workflow/check-job.ts';
import { workflowStep } from './workflow-step.ts';
import { computeTasks, jobStatus } from './workflow-composition-root.ts';

export const handler = workflowStep('CheckJob', checkJob, { jobStatus, computeTasks });
