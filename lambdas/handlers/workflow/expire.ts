import { expire } from '../../use-cases/workflow/expire.ts';
import { workflowStep } from './workflow-step.ts';
import { windingUpPorts } from './workflow-composition-root.ts';

export const handler = workflowStep('Expire', expire, windingUpPorts);
