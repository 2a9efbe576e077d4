import { notifyParticipants } from '../../use-cases/workflow/notify-participants.ts';
import { workflowStep } from './workflow-step.ts';

export const handler = workflowStep('NotifyParticipants', notifyParticipants);
