import { cleanUpCancelled } from '../../use-cases/workflow/clean-up-cancelled.ts';
import { workflowStep } from './workflow-step.ts';
import { windingUpPorts } from './workflow-composition-root.ts';

export const handler = workflowStep('CleanUpCancelled', cleanUpCancelled, windingUpPorts);
