import { publishResult } from '../../use-cases/workflow/publish-result.ts';
import { workflowStep } from './workflow-step.ts';
import {
  jobStatus,
  statusEvents,
  workflowCollaborations,
  workflowState,
} from './workflow-composition-root.ts';

export const handler = workflowStep('PublishResult', publishResult, {
  collaborations: workflowCollaborations,
  events: statusEvents,
  jobStatus,
  workflowState,
});
