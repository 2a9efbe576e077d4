import type { WorkflowHooks } from '../ports/workflow-hooks.ts';
import { optionalWorkflowHooks } from '../use-cases/workflow/workflow-hooks.ts';
import {
  jobStore,
  statusEvents,
  webhookNotifier,
  workflowCollaborations,
  workflowConfigured,
  workflowExecutions,
  workflowPortsWith,
  workflowState,
  type WorkflowPortFactories,
} from './workflow/workflow-wiring.ts';

/*
 * The workflow port of the four operations that drive the workflow (create, complete input, finish, cancel),
 * kept out of the composition root so that the other handlers' bundles carry none of the workflow's adapters.
 * Each operation has its own hooks with only the adapters its hook touches (creating a collaboration starts
 * an execution and publishes an event; completing an input or finishing may release a wait; cancelling also
 * deletes shares and notifies). No-ops when this process has no workflow (see workflowConfigured).
 */

function hooksWith(factories: WorkflowPortFactories): () => WorkflowHooks {
  // Nothing to cache per environment here: the port factories behind `ports` already do.
  const ports = workflowPortsWith(factories);
  const hooks = optionalWorkflowHooks(workflowConfigured, () => ports);
  return () => hooks;
}

export const collaborationCreatedHooks = /* @__PURE__ */ hooksWith({
  workflow: workflowExecutions,
  events: statusEvents,
});
export const waitReleaseHooks = /* @__PURE__ */ hooksWith({ workflow: workflowExecutions, workflowState });
export const collaborationCancelledHooks = /* @__PURE__ */ hooksWith({
  workflow: workflowExecutions,
  events: statusEvents,
  workflowState,
  jobStore,
  collaborations: workflowCollaborations,
  notifier: webhookNotifier,
});
