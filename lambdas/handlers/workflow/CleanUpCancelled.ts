import { cleanUpCancelled } from '../../use-cases/workflow/clean-up-cancelled.ts';
import { workflowStep } from './workflow-step.ts';
import {
  jobStore,
  statusEvents,
  webhookNotifier,
  workflowCollaborations,
  workflowState,
} from './workflow-wiring.ts';

export const handler = workflowStep('CleanUpCancelled', cleanUpCancelled, {
  collaborations: workflowCollaborations,
  events: statusEvents,
  workflowState,
  jobStore,
  notifier: webhookNotifier,
});
