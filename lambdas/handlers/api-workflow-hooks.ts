import { perContainer } from '../composition-root.ts';
import type { WorkflowHooks } from '../ports/workflow-hooks.ts';
import { optionalWorkflowHooks } from '../use-cases/workflow/workflow-hooks.ts';
import { workflowConfigured, workflowPorts } from './workflow/workflow-wiring.ts';

/**
 * The workflow port of the four operations that drive the workflow (create, complete input, finish, cancel),
 * kept out of the composition root so that the other handlers' bundles carry none of the workflow's adapters.
 * No-ops when this process has no workflow (see workflowConfigured).
 */
export const workflowHooks: () => WorkflowHooks = /* @__PURE__ */ perContainer(() =>
  optionalWorkflowHooks(workflowConfigured, workflowPorts),
);
