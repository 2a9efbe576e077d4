import { storeFinishToken } from '../../use-cases/workflow/store-finish-token.ts';
import { workflowStep } from './workflow-step.ts';

export const handler = workflowStep('StoreFinishToken', storeFinishToken);
