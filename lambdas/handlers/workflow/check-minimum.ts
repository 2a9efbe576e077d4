import { checkMinimum } from '../../use-cases/workflow/check-minimum.ts';
import { workflowStep } from './workflow-step.ts';
import { workflowCollaborations } from './workflow-composition-root.ts';

export const handler = workflowStep('CheckMinimum', checkMinimum, { collaborations: workflowCollaborations });
