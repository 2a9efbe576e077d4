import { storeFinishToken } from '../../use-cases/workflow/store-finish-token.ts';
import { workflowStep } from './workflow-step.ts';
import { workflowExecutions, workflowState } from './workflow-composition-root.ts';

export const handler = workflowStep('StoreFinishToken', storeFinishToken, {
  workflowState,
  workflow: workflowExecutions,
});
