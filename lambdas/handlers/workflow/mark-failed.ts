import { markFailed } from '../../use-cases/workflow/mark-failed.ts';
import { workflowStep } from './workflow-step.ts';
import {
  statusEvents,
  webhookNotifier,
  workflowCollaborations,
  workflowState,
} from './workflow-composition-root.ts';

export const handler = workflowStep('MarkFailed', markFailed, {
  collaborations: workflowCollaborations,
  events: statusEvents,
  workflowState,
  notifier: webhookNotifier,
});
