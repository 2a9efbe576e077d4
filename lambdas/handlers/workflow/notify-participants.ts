import { notifyParticipants } from '../../use-cases/workflow/notify-participants.ts';
import { workflowStep } from './workflow-step.ts';
import { webhookNotifier, workflowCollaborations, workflowState } from './workflow-composition-root.ts';

export const handler = workflowStep('NotifyParticipants', notifyParticipants, {
  collaborations: workflowCollaborations,
  workflowState,
  notifier: webhookNotifier,
});
