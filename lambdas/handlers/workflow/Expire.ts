import { expire } from '../../use-cases/workflow/expire.ts';
import { workflowStep } from './workflow-step.ts';
import {
  jobStore,
  statusEvents,
  webhookNotifier,
  workflowCollaborations,
  workflowState,
} from './workflow-wiring.ts';

export const handler = workflowStep('Expire', expire, {
  collaborations: workflowCollaborations,
  events: statusEvents,
  workflowState,
  jobStore,
  notifier: webhookNotifier,
});
