import type { WorkflowHooks } from '../ports/workflow-hooks.ts';
import { optionalWorkflowHooks } from '../use-cases/workflow/workflow-hooks.ts';
import type { CoordinatorContainer } from '../composition-root.ts';
import {
  statusEvents,
  workflowExecutions,
  workflowPortsWith,
  workflowState,
  type WorkflowPortFactories,
} from './workflow/workflow-composition-root.ts';

/*
 * The workflow port of the four operations that drive the workflow (create, complete input, finish, cancel),
 * kept out of the composition root so that the other handlers' bundles carry none of the workflow's adapters.
 * Each operation has its own hooks with only the adapters its hook touches (creating a collaboration starts
 * an execution and publishes an event; completing an input, finishing or cancelling may release a wait: the
 * execution does the rest). No-ops when the container has no workflow (its settings' workflowConfigured).
 */

function hooksWith(factories: WorkflowPortFactories): (container: CoordinatorContainer) => WorkflowHooks {
  return (container) => {
    const ports = workflowPortsWith(factories, () => container);
    return optionalWorkflowHooks(
      () => container.settings.workflowConfigured,
      () => ports,
    );
  };
}

export const collaborationCreatedHooks = /* @__PURE__ */ hooksWith({
  workflow: workflowExecutions,
  events: statusEvents,
});
/** Complete input, finish and cancel. */
export const waitReleaseHooks = /* @__PURE__ */ hooksWith({ workflow: workflowExecutions, workflowState });
