import { storeInputToken } from '../../use-cases/workflow/store-input-token.ts';
import { workflowStep } from './workflow-step.ts';
import { workflowExecutions, workflowState } from './workflow-composition-root.ts';

export const handler = workflowStep('StoreInputToken', storeInputToken, {
  workflowState,
  workflow: workflowExecutions,
});
