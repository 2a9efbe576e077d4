import { storeInputToken } from '../../use-cases/workflow/store-input-token.ts';
import { workflowStep } from './workflow-step.ts';

export const handler = workflowStep('StoreInputToken', storeInputToken);
